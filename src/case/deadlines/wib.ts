/**
 * Calendar days as officers count them: in Asia/Jakarta (WIB, UTC+7, no daylight saving).
 * A day is a `YYYY-MM-DD` string; instants are `Date`s. Offices in WITA/WIT follow the same
 * national calendar, and a single zone keeps every deadline comparable across regions.
 */
export type IsoDay = string;

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of `YYYY-MM-DD`, or undefined when it is not a real calendar day. */
export function dayParts(day: string): { year: number; month: number; day: number } | undefined {
  const match = DAY_PATTERN.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, date) ? { year, month, day: date } : undefined;
}

/** True when year-month-day exists in the Gregorian calendar (30 February does not; 29 February 2024 does). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(2000, month - 1, day));
  probe.setUTCFullYear(year);
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** The WIB calendar day on which an instant falls. */
export function wibDayOf(instant: Date): IsoDay {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00:00.000 WIB of a day. */
export function startOfWibDay(day: IsoDay): Date {
  return new Date(utcMidnight(day) - WIB_OFFSET_MS);
}

/** 23:59:59.999 WIB of a day: the last instant a deadline on that day is still met. */
export function endOfWibDay(day: IsoDay): Date {
  return new Date(utcMidnight(day) + 24 * 60 * 60 * 1000 - 1 - WIB_OFFSET_MS);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  return new Date(utcMidnight(day) + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: IsoDay): number {
  return new Date(utcMidnight(day)).getUTCDay();
}

/** `2024-11-27 09:30 WIB`: how an instant reads to an officer. */
export function formatWib(instant: Date): string {
  const shifted = new Date(instant.getTime() + WIB_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} WIB`;
}

function utcMidnight(day: IsoDay): number {
  const parts = dayParts(day);
  if (!parts) throw new RangeError(`not a calendar day: ${day}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day);
}
