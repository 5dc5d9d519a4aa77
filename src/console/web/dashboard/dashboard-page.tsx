import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/i18n';

// Chart.js comes only with the dashboard: officers who never open it never download it.
const DashboardView = lazy(() => import('./dashboard-view').then((module) => ({ default: module.DashboardView })));

/** #/dashboard — the oversight dashboard (src/console/web/dashboard/). */
export function DashboardPage() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p role="status">{t('loading')}</p>}>
      <DashboardView />
    </Suspense>
  );
}
