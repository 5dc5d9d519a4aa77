import { addDays, wibDayOf } from './wib';
import type { WorkingDayCalendar } from './working-day-calendar';

/** Warn this long before the complete calendar runs out: the SKB for next year is usually signed in September–October. */
const LOOKAHEAD_DAYS = 90;

export interface CalendarStatusReport {
  /** The last year from which on every year up to it is complete, counting from the current one; null when the current year is not. */
  completeThrough: number | null;
  provisionalYears: number[];
  /** Open waiting tracks whose due time is provisional. */
  provisionalDueTimes: number;
  /** One line for the start-up log and /health, or null when nothing needs an administrator. */
  warning: string | null;
}

/**
 * Whether the calendar in force still counts working days right: today and the next 90 days must
 * lie in complete years, and no open due time may be provisional. Pure: `now` is passed in.
 */
export function calendarStatus(calendar: WorkingDayCalendar, now: Date, provisionalDueTimes: number): CalendarStatusReport {
  const today = wibDayOf(now);
  const horizon = addDays(today, LOOKAHEAD_DAYS);
  const thisYear = Number(today.slice(0, 4));
  let completeThrough: number | null = null;
  for (let year = thisYear; calendar.coveredYears.has(year); year++) completeThrough = year;
  const provisionalYears = calendar.coverage().filter((y) => y.status === 'PROVISIONAL').map((y) => y.year);
  const missing: number[] = [];
  for (let year = thisYear; year <= Number(horizon.slice(0, 4)); year++) if (!calendar.coveredYears.has(year)) missing.push(year);
  const problems: string[] = [];
  if (missing.length > 0) {
    const what = missing.map((year) => (provisionalYears.includes(year) ? `${year} (provisional: fixed-date holidays only)` : `${year} (no data)`)).join(', ');
    problems.push(`the holiday calendar is not complete for ${what}; publish the SKB 3 Menteri for it with publishCalendar`);
  }
  if (provisionalDueTimes > 0) problems.push(`${provisionalDueTimes} open due time(s) counted in working days are provisional and will be recounted when the year is published`);
  return { completeThrough, provisionalYears, provisionalDueTimes, warning: problems.length > 0 ? problems.join('; ') : null };
}
