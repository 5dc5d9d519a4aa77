import type { Case } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Facts } from './facts';

/**
 * The reporter of a laporan, exactly as the API returns it: the API sends null to everyone but the
 * handling Bawaslu unit, and the console then says it is confidential — it never guesses.
 */
export function ReporterBlock({ c }: { c: Case }) {
  const { t } = useI18n();
  if (c.source !== 'REPORT') return null;
  return (
    <section aria-labelledby="reporter">
      <h2 id="reporter">{t('case.reporter')}</h2>
      {c.reporter ? (
        <Facts
          items={[
            [t('field.reporterName'), c.reporter.name],
            [t('field.reporterAddress'), c.reporter.address],
            [t('field.reporterPhone'), c.reporter.phone],
            [t('field.reporterEmail'), c.reporter.email],
          ]}
        />
      ) : (
        <p className="confidential">{c.personalDataErasedAt ? t('case.reporterErased') : t('case.reporterHidden')}</p>
      )}
    </section>
  );
}
