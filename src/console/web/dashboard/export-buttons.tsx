import { useState } from 'react';
import { downloadCsv, type ExportKind } from './csv-export';
import type { SummaryFilter } from './filters';
import { useI18n } from '../i18n/i18n';
import { useDashboardText } from './use-text';

interface ExportButtonsProps {
  filter: SummaryFilter;
  regionBy: 'PROVINCE' | 'REGION';
  /** The instant the figures on screen describe: the files hold the same figures. */
  asOf: string;
}

/** CSV downloads of what the dashboard shows: per region (the table below), and per person. */
export function ExportButtons({ filter, regionBy, asOf }: ExportButtonsProps) {
  const { t, lang } = useDashboardText();
  const { refusalText } = useI18n();
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const download = async (kind: ExportKind) => {
    setBusy(kind);
    setFailure(null);
    const params = { ...filter, asOf, headers: lang, ...(kind === 'summary' ? { groupBy: regionBy } : {}) };
    await downloadCsv(kind, params).catch((e: unknown) => setFailure(refusalText(e)));
    setBusy(null);
  };
  return (
    <div className="export-buttons">
      <button type="button" disabled={busy !== null} onClick={() => void download('summary')}>
        {busy === 'summary' ? t('export.busy') : t('export.summary')}
      </button>
      <button type="button" disabled={busy !== null} onClick={() => void download('follow-ups')}>
        {busy === 'follow-ups' ? t('export.busy') : t('export.followUps')}
      </button>
      {failure ? <p role="alert">{t('export.failed', { reason: failure })}</p> : null}
    </div>
  );
}
