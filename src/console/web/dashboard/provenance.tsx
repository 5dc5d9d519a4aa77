import type { SummaryFilter } from './filters';
import { useDashboardText } from './use-text';

interface ProvenanceProps {
  asOf: string;
  position: string;
  /** No day was chosen: every event up to the position counts. */
  current: boolean;
  regionBy: 'PROVINCE' | 'REGION';
  filter: SummaryFilter;
}

/**
 * Which history the figures come from: the instant and the event-log position they were computed
 * at. The command that recomputes them from the raw events is for auditors: folded under
 * "Verifikasi angka", closed, so it is no part of an officer's screen until asked for.
 */
export function Provenance({ asOf, position, current, regionBy, filter }: ProvenanceProps) {
  const { t, dateTime } = useDashboardText();
  const filterJson = Object.keys(filter).length > 0 ? ` --filter '${JSON.stringify(filter)}'` : '';
  const command = `npm run figures -- --position ${position} --as-of ${asOf}${current ? ' --current' : ''} --group-by ${regionBy}${filterJson}`;
  return (
    <div className="provenance">
      <p id="figures-provenance">{t('provenance.text', { asOf: dateTime(asOf), position })}</p>
      <details className="verify-figures">
        <summary>{t('verify.summary')}</summary>
        <p>{t('verify.intro')}</p>
        <pre className="command" tabIndex={0} aria-label={t('verify.command')}>
          <code translate="no">{command}</code>
        </pre>
      </details>
    </div>
  );
}
