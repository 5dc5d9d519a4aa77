import { useCallback, useState } from 'react';
import { useSession } from '../auth/use-session';
import { useI18n } from '../i18n/i18n';
import { ByRegion } from './by-region';
import { ByStage, ByWaitingAgency } from './distribution';
import { ExportButtons } from './export-buttons';
import { NO_FILTERS, summaryFilter, type DashboardFilters } from './filters';
import { FiltersForm } from './filters-form';
import { ActedOnRate, PersonsAndCases } from './headline';
import { OverduePpks } from './overdue-ppks';
import { Provenance } from './provenance';
import { RateCurve } from './rate-curve';
import { useDashboard } from './use-dashboard';
import { useDashboardText } from './use-text';
import './dashboard.css';

/** #/dashboard — the follow-up picture for oversight: rate, where things wait, who is late, and where. */
export function DashboardView() {
  const { t } = useDashboardText();
  const { t: common, refusalText } = useI18n();
  const session = useSession();
  const [filters, setFilters] = useState<DashboardFilters>(NO_FILTERS);
  const { data, curve, error, loading, reload } = useDashboard(filters);
  const onProvince = useCallback((province: string) => setFilters((current) => ({ ...current, province })), []);
  const regionBy = filters.province ? 'REGION' : 'PROVINCE';
  const province = data?.provinces.find((p) => p.value === filters.province);

  return (
    <div className="dashboard" aria-busy={loading}>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {session.region ? <p className="notice">{t('scoped', { region: session.region })}</p> : null}
      <FiltersForm filters={filters} elections={data?.elections ?? []} provinces={data?.provinces ?? []} onChange={setFilters} onRefresh={reload} />
      {error ? <p role="alert">{t('loadFailed', { reason: refusalText(error) })}</p> : null}
      {loading ? <p role="status">{common('loading')}</p> : null}
      {data ? (
        <>
          <div className="headline-grid">
            <ActedOnRate figures={data.overall} />
            <PersonsAndCases figures={data.overall} />
          </div>
          <section className="card" aria-label={t('provenance.label')}>
            <Provenance asOf={data.asOf} position={data.position} current={data.current} regionBy={regionBy} filter={summaryFilter(filters)} />
            <ExportButtons asOf={data.asOf} regionBy={regionBy} filter={summaryFilter(filters)} />
          </section>
          {curve || !error ? <RateCurve points={curve} /> : null}
          <ByStage figures={data.overall} />
          <ByWaitingAgency waiting={data.waiting} />
          <ByRegion regions={data.regions} province={filters.province ? (province?.label ?? filters.province) : null} onProvince={onProvince} />
          <OverduePpks ppks={data.ppks} />
        </>
      ) : null}
    </div>
  );
}
