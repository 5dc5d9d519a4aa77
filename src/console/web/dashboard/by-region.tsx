import { useMemo } from 'react';
import { BarFigure, type BarRow } from './bar-figure';
import type { RegionRow } from './types';
import { useDashboardText, type DashboardText } from './use-text';

interface ByRegionProps {
  regions: RegionRow[];
  /** The chosen province's name; null shows the provinces. */
  province: string | null;
  /** Drills down into a province, or back out with ''. */
  onProvince(code: string): void;
}

/** Regencies and cities by name; persons counted at province level (a governor as PPK) say so. */
function regionLabel(row: RegionRow, text: DashboardText): string {
  const name = row.key.regionName ?? row.key.regionCode ?? '—';
  return row.key.regionCode?.length === 2 ? text.t('region.provinceLevel', { name }) : name;
}

function regionRows(regions: RegionRow[], text: DashboardText, drill: ((code: string) => void) | null): BarRow[] {
  const { number, percent, t } = text;
  return regions.map((row) => {
    const label = drill ? (row.key.regionName ?? row.key.regionCode ?? '—') : regionLabel(row, text);
    const code = row.key.regionCode;
    return {
      key: code ?? '',
      label,
      name:
        drill && code ? (
          <button type="button" className="link-button" onClick={() => drill(code)}>
            {label}
            <span className="visually-hidden"> — {t('region.drill')}</span>
          </button>
        ) : undefined,
      value: row.actedOnRate === null ? null : row.actedOnRate * 100,
      cells: [number(row.total), number(row.cases), number(row.decided.persons), number(row.actedOn.persons), percent(row.actedOnRate), number(row.overdue)],
    };
  });
}

/** The acted-on rate per province, or per regency and city of one province (drill-down by region prefix). */
export function ByRegion({ regions, province, onProvince }: ByRegionProps) {
  const text = useDashboardText();
  const { t, percent } = text;
  const drilled = province !== null;
  const rows = useMemo(() => regionRows(regions, text, drilled ? null : onProvince), [regions, text, drilled, onProvince]);
  const title = drilled ? t('region.regencies', { province }) : t('region.provinces');
  const formatRate = useMemo(() => (value: number) => percent(value / 100), [percent]);
  return (
    <section className="card" aria-labelledby="region-title">
      <h2 id="region-title">{title}</h2>
      {drilled ? (
        <button type="button" onClick={() => onProvince('')}>
          {t('region.back')}
        </button>
      ) : null}
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <BarFigure
          id="region-table"
          caption={title}
          chartLabel={t('region.chart')}
          head={[t('region.region'), t('counts.persons'), t('counts.cases'), t('counts.decided'), t('counts.actedOn'), t('curve.rate'), t('counts.overdue')]}
          rows={rows}
          format={formatRate}
          max={100}
        />
      )}
    </section>
  );
}
