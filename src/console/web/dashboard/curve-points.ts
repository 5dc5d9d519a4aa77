import type { CurvePoint } from './types';

/** Enough points to draw a curve; more would only make the history replay slower to answer. */
const MAX_MONTHLY_POINTS = 36;

const pad = (n: number) => String(n).padStart(2, '0');

/** The last second of a month in WIB: "2020-06-30T23:59:59+07:00". */
export function endOfMonthWib(year: number, month: number): string {
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${pad(month + 1)}-${pad(lastDay)}T23:59:59+07:00`;
}

/**
 * When to ask for the acted-on rate: month ends over the elections' span (from the year before
 * the first through the year after the last, where reports and follow-up happen; every few
 * months when that is long), then year ends, all before `end`. The figures at `end` itself are
 * the dashboard's own and close the curve.
 */
export function curveInstants(years: number[], end: Date): string[] {
  if (years.length === 0) return [];
  const first = Math.min(...years) - 1;
  const last = Math.max(...years) + 1;
  const months = (last - first + 1) * 12;
  const step = Math.ceil(months / MAX_MONTHLY_POINTS);
  const instants: string[] = [];
  for (let i = step - 1; i < months; i += step) instants.push(endOfMonthWib(first + Math.floor(i / 12), i % 12));
  for (let year = last + 1; year <= end.getUTCFullYear(); year++) instants.push(endOfMonthWib(year, 11));
  return instants.filter((instant) => Date.parse(instant) < end.getTime());
}

/** Months before anyone was reported say nothing: the curve starts at the first report. */
export function fromFirstReport(points: CurvePoint[]): CurvePoint[] {
  const first = points.findIndex((point) => point.total > 0);
  return first === -1 ? [] : points.slice(first);
}
