import { assertMayPublishCalendar } from '../case-access';
import type { Agency } from '../case-vocabulary';
import { parseCalendarYear, type CalendarYear } from '../deadlines/calendar-year';
import type { Actor } from '../decide-context';
import { iso } from '../input-rules';

/** One stream holds every publication: the calendar is Indonesia's, not a case's. */
export const CALENDAR_STREAM = 'calendar-indonesia';

/**
 * An administrator published a year of the holiday calendar (or amended one): it replaces the
 * bundled file and any earlier publication for that year. Recorded with its legal basis (the SKB
 * number and date) and who published it.
 */
export interface CalendarPublished {
  type: 'CalendarPublished';
  data: CalendarYear & { publishedAt: string; publishedBy: Agency };
}

export interface PublishCalendar {
  type: 'PublishCalendar';
  actor: Actor;
  /** As the administrator sent it; checked field by field. */
  input: unknown;
}

/** Pure: who may publish (case-access.ts) and what a valid year is (calendar-year.ts). */
export function publishCalendar(command: PublishCalendar, now: Date): CalendarPublished {
  assertMayPublishCalendar(command.actor);
  const year = parseCalendarYear(command.input, '');
  return { type: 'CalendarPublished', data: { ...year, publishedAt: iso(now), publishedBy: command.actor.agency } };
}

/** The year a publication carries, without who and when. */
export function yearOf(event: CalendarPublished): CalendarYear {
  const { year, status, legalBasis, holidays } = event.data;
  return { year, status, legalBasis, holidays };
}
