import { FigureTable } from './figure-table';
import type { PpkRow } from './types';
import { useDashboardText } from './use-text';

/** Enough to name the worst; the per-person CSV holds every one. */
const SHOWN = 20;

/** PPKs sitting on sanctions past their due date, most overdue persons first, with the longest delay. */
export function OverduePpks({ ppks }: { ppks: PpkRow[] }) {
  const { t, number } = useDashboardText();
  const shown = ppks.slice(0, SHOWN);
  return (
    <section className="card" aria-labelledby="ppk-title">
      <h2 id="ppk-title">{t('ppk.title')}</h2>
      {shown.length === 0 ? (
        <p>{t('ppk.none')}</p>
      ) : (
        <>
          <FigureTable
            id="ppk-table"
            caption={t('ppk.title')}
            head={[t('ppk.ppk'), t('ppk.overdue'), t('ppk.overdueCases'), t('ppk.waiting'), t('ppk.maxLate')]}
            rows={shown.map((row) => ({
              key: row.key.ppk ?? '',
              name: row.key.ppk ?? '—',
              cells: [number(row.overdue), number(row.overdueCases), number(row.total), row.maxDaysLate === null ? '—' : number(row.maxDaysLate)],
            }))}
          />
          {ppks.length > SHOWN ? <p className="lead">{t('ppk.more', { shown: SHOWN, total: ppks.length })}</p> : null}
        </>
      )}
    </section>
  );
}
