import { badInput } from '../case-error';
import { formatWib, isRealDate, startOfWibDay } from '../deadlines/wib';

/** Server and agency clocks drift; a time this far ahead of `now` still counts as "now". */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXAMPLE = 'e.g. 2024-11-27T09:30:00+07:00, or a date such as 2024-11-27';

/**
 * An instant from ISO-8601 text. A date-time must carry `Z` or an offset (`+07:00`): without one
 * it is ambiguous across WIB, WITA and WIT. A bare date `YYYY-MM-DD` is accepted because officers
 * type dates, and is read as 00:00 WIB (+07:00) of that day.
 */
export function parseInstant(value: string, field: string): Date {
  if (typeof value !== 'string' || value.trim() === '') {
    throw badInput(field, `a date or date-time is required (${EXAMPLE})`, 'date.required');
  }
  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    assertRealDate(dateOnly, field);
    return startOfWibDay(text);
  }
  const match = DATE_TIME.exec(text);
  if (!match) throw badInput(field, `${JSON.stringify(value)} is not an ISO-8601 date or date-time (${EXAMPLE})`, 'date.malformed', { value: String(value) });
  if (!match[8]) {
    throw badInput(field, `${value} has no time zone; add Z or an offset such as +07:00 (WIB)`, 'date.noZone', { value });
  }
  assertRealDate(match, field);
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) throw badInput(field, `${value} is not a real time of day`, 'date.notRealTime', { value });
  const offset = match[8];
  const offsetMinutes = offset === 'Z' ? 0 : Number(offset.slice(1, 3)) * 60 + Number(offset.slice(-2));
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(-2)) > 59)) {
    throw badInput(field, `${value} has an impossible time-zone offset ${offset}`, 'date.badOffset', { value, offset });
  }
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), hour, minute, second, millis);
  const sign = offset.startsWith('-') ? -1 : 1;
  return new Date(local - sign * offsetMinutes * 60 * 1000);
}

/** Years before 1900 are typing mistakes here, and `Date.UTC` would misread two-digit years. */
function assertRealDate(match: RegExpExecArray, field: string): void {
  if (Number(match[1]) < 1900) throw badInput(field, `year ${match[1]} is not plausible (before 1900)`, 'date.implausibleYear', { year: Number(match[1]), minimum: 1900 });
  if (!isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw badInput(field, `${match[1]}-${match[2]}-${match[3]} is not a real date`, 'date.notRealDate', { date: `${match[1]}-${match[2]}-${match[3]}` });
  }
}

/** Refuses a time later than `now` (plus {@link CLOCK_SKEW_MS}); `now` is passed in, never read from the clock. */
export function assertNotFuture(date: Date, field: string, now: Date): void {
  assertValidDate(date, field);
  if (date.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw badInput(field, `must not be in the future (${formatWib(date)} is after now, ${formatWib(now)})`, 'date.future', { at: date.toISOString(), now: now.toISOString() });
  }
}

/** Refuses `later` when it precedes `earlier`, e.g. "knownAt must not be before occurredAt". */
export function assertNotBefore(later: Date, laterField: string, earlier: Date, earlierField: string): void {
  assertValidDate(later, laterField);
  assertValidDate(earlier, earlierField);
  if (later.getTime() < earlier.getTime()) {
    throw badInput(
      laterField,
      `must not be before ${earlierField} (${formatWib(later)} is before ${formatWib(earlier)})`,
      'date.beforeOther',
      { otherField: earlierField, at: later.toISOString(), other: earlier.toISOString() },
    );
  }
}

function assertValidDate(date: Date, field: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw badInput(field, 'is not a valid date', 'date.invalid');
}
