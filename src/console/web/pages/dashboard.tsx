import { useI18n } from '../i18n/i18n';

/** #/dashboard — the oversight dashboard (issue 6, item 6) is built separately; this holds its place. */
export function DashboardPage() {
  const { t } = useI18n();
  return (
    <div>
      <h1>{t('dashboard.title')}</h1>
      <p>{t('dashboard.coming')}</p>
    </div>
  );
}
