import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { ChartCanvas, LINE_COLOUR } from './chart-canvas';
import { FigureTable } from './figure-table';
import type { CurvePoint } from './types';
import { useDashboardText, type DashboardText } from './use-text';

/** Month-end points are named by their month, the closing point (the figures shown) by its day. */
const pointLabel = (point: CurvePoint, text: DashboardText) => (point.latest ? text.date(point.asOf) : text.month(point.asOf));

function curveChart(points: CurvePoint[], text: DashboardText): ChartConfiguration {
  return {
    type: 'line',
    data: {
      labels: points.map((p) => pointLabel(p, text)),
      datasets: [
        {
          label: text.t('curve.rate'),
          data: points.map((p) => (p.rate === null ? null : p.rate * 100)),
          borderColor: LINE_COLOUR,
          backgroundColor: LINE_COLOUR,
          pointRadius: 3,
          borderWidth: 2,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        y: { min: 0, max: 100, ticks: { callback: (value) => text.percent(Number(value) / 100) } },
        x: { ticks: { autoSkip: true, maxRotation: 0 } },
      },
      plugins: { tooltip: { callbacks: { label: (item) => text.percent(item.parsed.y === null ? null : item.parsed.y / 100) } } },
    },
  };
}

/** The acted-on rate month by month, from the history (asOf), as a line and as a table. */
export function RateCurve({ points }: { points: CurvePoint[] | null }) {
  const text = useDashboardText();
  const { t, number, percent } = text;
  const config = useMemo(() => (points ? curveChart(points, text) : null), [points, text]);
  const first = points?.find((p) => p.rate !== null);
  const last = points?.[points.length - 1];
  return (
    <section className="card" aria-labelledby="curve-title">
      <h2 id="curve-title">{t('curve.title')}</h2>
      {!points || !config ? <p role="status">{t('curve.loading')}</p> : null}
      {points && points.length === 0 ? <p>{t('empty')}</p> : null}
      {points && config && points.length > 0 ? (
        <>
          {first && last ? (
            <p id="curve-summary">
              {t('curve.summary', { from: pointLabel(first, text), fromRate: percent(first.rate), to: pointLabel(last, text), toRate: percent(last.rate) })}
            </p>
          ) : null}
          <ChartCanvas config={config} label={t('curve.chart')} describedBy={first && last ? 'curve-summary curve-table' : 'curve-table'} height="16rem" />
          <details>
            <summary>{t('curve.table')}</summary>
            <FigureTable
              id="curve-table"
              caption={t('curve.table')}
              head={[t('curve.date'), t('curve.reported'), t('curve.decided'), t('curve.actedOn'), t('curve.rate')]}
              rows={points.map((p) => ({
                key: p.asOf,
                name: <time dateTime={p.asOf}>{text.date(p.asOf)}</time>,
                cells: [number(p.total), number(p.decided), number(p.actedOn), percent(p.rate)],
              }))}
            />
          </details>
        </>
      ) : null}
    </section>
  );
}
