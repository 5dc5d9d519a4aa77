import { badInput, list } from '../case-error';
import { dayParts } from './wib';

/** What kind of day off (the bundled files and publishCalendar use the same words). */
export type HolidayKind = 'NATIONAL' | 'COLLECTIVE_LEAVE' | 'ELECTION_DAY';

export interface Holiday {
  /** WIB calendar day, `YYYY-MM-DD`. */
  date: string;
  name: string;
  kind: HolidayKind;
}

/**
 * One year of Indonesia's non-working days as an administrator publishes it: the holidays and the
 * legal basis they come from (the SKB 3 Menteri, its amendments, a Keppres declaring a voting day).
 * COMPLETE: the decree for the year is in; PROVISIONAL: only what is certain without it (fixed-date
 * holidays), so a working-day due time counted through it may still move.
 */
export type CalendarStatus = 'COMPLETE' | 'PROVISIONAL';

export interface CalendarLegalBasis {
  /** The decree, e.g. "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497/2025, 2/2025, 5/2025". */
  decree: string;
  /** The day it was signed (`YYYY-MM-DD`), when known. */
  signedAt: string | null;
  /** Where the dates were taken from. */
  source: string;
}

export interface CalendarYear {
  year: number;
  status: CalendarStatus;
  legalBasis: CalendarLegalBasis;
  holidays: Holiday[];
}

export const CALENDAR_STATUSES: readonly CalendarStatus[] = ['COMPLETE', 'PROVISIONAL'];
export const HOLIDAY_KINDS: readonly HolidayKind[] = ['NATIONAL', 'COLLECTIVE_LEAVE', 'ELECTION_DAY'];
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
const MAX_HOLIDAYS = 60;
const MAX_TEXT = 2000;

/**
 * A year's calendar from a data file or a publishCalendar input, checked field by field: every
 * refusal names the field at fault. Holidays come back sorted, each inside the year, none twice.
 */
export function parseCalendarYear(value: unknown, field = 'calendar'): CalendarYear {
  const root = asObject(value, field, 'a calendar year must be an object { year, status, legalBasis, holidays }');
  refuseUnknownKeys(root, ['year', 'status', 'legalBasis', 'holidays'], field);
  const year = root.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw badInput(at(field, 'year'), `year must be a whole number from ${FIRST_YEAR} to ${LAST_YEAR}, not ${JSON.stringify(year)}`, 'calendar.year', {
      minimum: FIRST_YEAR,
      maximum: LAST_YEAR,
    });
  }
  if (!CALENDAR_STATUSES.includes(root.status as CalendarStatus)) {
    throw badInput(at(field, 'status'), `status must be COMPLETE or PROVISIONAL, not ${JSON.stringify(root.status)}`, 'calendar.status', {
      allowed: list(CALENDAR_STATUSES),
    });
  }
  const basis = asObject(root.legalBasis, at(field, 'legalBasis'), 'legalBasis must be an object { decree, signedAt, source }');
  refuseUnknownKeys(basis, ['decree', 'signedAt', 'source'], at(field, 'legalBasis'));
  const legalBasis: CalendarLegalBasis = {
    decree: requiredText(basis.decree, at(field, 'legalBasis.decree'), 'decree must name the decree (e.g. the SKB number), or say that there is none yet'),
    signedAt: basis.signedAt === null || basis.signedAt === undefined ? null : day(basis.signedAt, at(field, 'legalBasis.signedAt')),
    source: requiredText(basis.source, at(field, 'legalBasis.source'), 'source must say where the dates were taken from'),
  };
  if (!Array.isArray(root.holidays)) throw badInput(at(field, 'holidays'), 'holidays must be a list of { date, name, kind }', 'calendar.shape');
  if (root.holidays.length > MAX_HOLIDAYS) throw badInput(at(field, 'holidays'), `at most ${MAX_HOLIDAYS} holidays in a year`, 'calendar.holidaysTooMany', { maximum: MAX_HOLIDAYS });
  const seen = new Set<string>();
  const holidays = root.holidays.map((entry, index) => {
    const path = at(field, `holidays[${index}]`);
    const holiday = parseHoliday(entry, path);
    if (Number(holiday.date.slice(0, 4)) !== year) throw badInput(at(path, 'date'), `${holiday.date} is not in ${year}`, 'calendar.dateOutsideYear', { date: holiday.date, year });
    if (seen.has(holiday.date)) throw badInput(at(path, 'date'), `${holiday.date} is listed twice`, 'calendar.dateRepeated', { date: holiday.date });
    seen.add(holiday.date);
    return holiday;
  });
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  return { year, status: root.status as CalendarStatus, legalBasis, holidays };
}

export function parseHoliday(value: unknown, field: string): Holiday {
  const entry = asObject(value, field, 'a holiday must be { date, name, kind }');
  refuseUnknownKeys(entry, ['date', 'name', 'kind'], field);
  const date = day(entry.date, at(field, 'date'));
  const name = requiredText(entry.name, at(field, 'name'), `holiday on ${date} needs a name`);
  if (!HOLIDAY_KINDS.includes(entry.kind as HolidayKind)) {
    throw badInput(at(field, 'kind'), `holiday kind must be one of ${HOLIDAY_KINDS.join(', ')}, not ${JSON.stringify(entry.kind)}`, 'calendar.holidayKind', {
      allowed: list(HOLIDAY_KINDS),
    });
  }
  return { date, name, kind: entry.kind as HolidayKind };
}

/** `calendar.year`, or `year` at the top of a mutation's input. */
const at = (field: string, key: string) => (field === '' ? key : `${field}.${key}`);

function day(value: unknown, field: string): string {
  if (typeof value !== 'string' || !dayParts(value)) throw badInput(field, `${JSON.stringify(value)} must be a real day written YYYY-MM-DD`, 'calendar.day');
  return value;
}

function requiredText(value: unknown, field: string, message: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw badInput(field, message, 'text.empty');
  if (value.length > MAX_TEXT) throw badInput(field, `at most ${MAX_TEXT} characters`, 'text.tooLong', { max: MAX_TEXT });
  return value.trim();
}

function asObject(value: unknown, field: string, message: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badInput(field, message, 'calendar.shape');
  return value as Record<string, unknown>;
}

function refuseUnknownKeys(object: Record<string, unknown>, allowed: readonly string[], field: string): void {
  const unknown = Object.keys(object).find((key) => !allowed.includes(key));
  if (unknown !== undefined) throw badInput(at(field, unknown), `unknown field ${JSON.stringify(unknown)}; expected one of ${allowed.join(', ')}`, 'calendar.unknownField', {
      name: unknown,
      allowed: list(allowed),
    });
}
