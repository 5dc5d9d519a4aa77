import { FigureTable } from './figure-table';
import type { Figures } from './types';
import { useDashboardText } from './use-text';

/** The one figure oversight asks first: the share of sanctions the PPKs acted on (BPK: ditindaklanjuti). */
export function ActedOnRate({ figures }: { figures: Figures }) {
  const { t, number, percent } = useDashboardText();
  const decided = figures.decided.persons;
  return (
    <section className="card headline" aria-labelledby="acted-on-rate-title">
      <h2 id="acted-on-rate-title">{t('rate.title')}</h2>
      <p className="headline-rate" id="acted-on-rate">
        {percent(figures.actedOnRate)}
      </p>
      <p>{decided > 0 ? t('rate.of', { actedOn: number(figures.actedOn.persons), decided: number(decided) }) : t('rate.none')}</p>
    </section>
  );
}

/** Persons (how KASN/BKN count) and cases (how Bawaslu counts) side by side, each step of the way. */
export function PersonsAndCases({ figures }: { figures: Figures }) {
  const { t, number } = useDashboardText();
  const rows = [
    { key: 'total', persons: figures.total, cases: figures.cases },
    { key: 'recommended', persons: figures.recommended.persons, cases: figures.recommended.cases },
    { key: 'decided', persons: figures.decided.persons, cases: figures.decided.cases },
    { key: 'actedOn', persons: figures.actedOn.persons, cases: figures.actedOn.cases },
    { key: 'waiting', persons: figures.waiting.persons, cases: figures.waiting.cases },
    { key: 'overdue', persons: figures.overdue, cases: figures.overdueCases },
  ] as const;
  return (
    <section className="card" aria-labelledby="counts-title">
      <h2 id="counts-title">{t('counts.title')}</h2>
      <p className="lead" id="counts-explain">
        {t('counts.explain')}
      </p>
      <FigureTable
        id="counts-table"
        caption={t('counts.title')}
        head={[t('counts.figure'), t('counts.persons'), t('counts.cases')]}
        rows={rows.map((row) => ({ key: row.key, name: t(`counts.${row.key}`), cells: [number(row.persons), number(row.cases)] }))}
      />
    </section>
  );
}
