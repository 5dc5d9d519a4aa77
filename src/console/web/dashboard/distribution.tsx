import { useMemo } from 'react';
import { BarFigure } from './bar-figure';
import type { Figures, WaitingRow } from './types';
import { useDashboardText } from './use-text';

/** Where every person stands: each stage of the track, zeros included (a zero is a figure too). */
export function ByStage({ figures }: { figures: Figures }) {
  const { t, label, number } = useDashboardText();
  const rows = useMemo(
    () =>
      figures.byStage.map((s) => ({
        key: s.stage,
        label: label('Stage', s.stage),
        value: s.count,
        cells: [number(s.count), number(s.cases)],
      })),
    [figures, label, number],
  );
  return (
    <section className="card" aria-labelledby="stage-title">
      <h2 id="stage-title">{t('stage.title')}</h2>
      <BarFigure
        id="stage-table"
        caption={t('stage.title')}
        chartLabel={t('stage.chart')}
        head={[t('stage.stage'), t('counts.persons'), t('counts.cases')]}
        rows={rows}
        format={number}
      />
    </section>
  );
}

/** Who must act next, and how many of those are already late: the handoff that stalls shows here. */
export function ByWaitingAgency({ waiting }: { waiting: WaitingRow[] }) {
  const { t, label, number } = useDashboardText();
  const rows = useMemo(
    () =>
      waiting.map((w) => ({
        key: w.key.waitingOn ?? '',
        label: label('Agency', w.key.waitingOn),
        value: w.total,
        cells: [number(w.total), number(w.cases), number(w.overdue)],
      })),
    [waiting, label, number],
  );
  return (
    <section className="card" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('waiting.title')}</h2>
      {rows.length === 0 ? (
        <p>{t('waiting.none')}</p>
      ) : (
        <BarFigure
          id="waiting-table"
          caption={t('waiting.title')}
          chartLabel={t('waiting.chart')}
          head={[t('waiting.agency'), t('counts.persons'), t('counts.cases'), t('waiting.overdue')]}
          rows={rows}
          format={number}
        />
      )}
    </section>
  );
}
