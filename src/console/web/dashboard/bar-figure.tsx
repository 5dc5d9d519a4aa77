import type { ChartConfiguration } from 'chart.js';
import { useMemo, type ReactNode } from 'react';
import { BAR_COLOUR, ChartCanvas } from './chart-canvas';
import { FigureTable } from './figure-table';

export interface BarRow {
  key: string;
  /** The bar's name on the chart. */
  label: string;
  /** The row's name in the table, when it is more than text (a drill-down button). */
  name?: ReactNode;
  /** The bar's length; null draws none. */
  value: number | null;
  cells: ReactNode[];
}

interface BarFigureProps {
  /** The table's id, which the chart names as its description. */
  id: string;
  caption: string;
  chartLabel: string;
  head: string[];
  rows: BarRow[];
  /** Tick and tooltip text for a value. */
  format(value: number): string;
  /** Fixed end of the value axis (100 for percentages). */
  max?: number;
}

/** Long names (a province, "PPK (Pejabat Pembina Kepegawaian)") on lines of about 22 characters, so the bars keep their room. */
function wrap(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + word.length < 22) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function barChart(rows: BarRow[], format: (value: number) => string, max: number | undefined): ChartConfiguration {
  return {
    type: 'bar',
    data: { labels: rows.map((r) => r.label), datasets: [{ data: rows.map((r) => r.value), backgroundColor: BAR_COLOUR, maxBarThickness: 28 }] },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { min: 0, max, ticks: { precision: 0, callback: (value) => format(Number(value)) } },
        y: { ticks: { autoSkip: false, callback: (_, index) => wrap(rows[index].label) } },
      },
      plugins: { tooltip: { callbacks: { label: (item) => format(Number(item.parsed.x)) } } },
    },
  };
}

/** Horizontal bars (long names read on a phone) with the same figures as a table beside them. */
export function BarFigure({ id, caption, chartLabel, head, rows, format, max }: BarFigureProps) {
  const config = useMemo(() => barChart(rows, format, max), [rows, format, max]);
  return (
    <div className="bar-figure">
      <ChartCanvas config={config} label={chartLabel} describedBy={id} height={`${rows.length * 2 + 3}rem`} />
      <FigureTable id={id} caption={caption} head={head} rows={rows.map((r) => ({ key: r.key, name: r.name ?? r.label, cells: r.cells }))} />
    </div>
  );
}
