import type { Lang } from '../../../words/zones';

/**
 * Dates as officers type them: day/month/year and a 24-hour time, "06/12/2026 14.05" (Indonesian
 * writes the time with a dot; "14:05" is read too). The forms keep the wall-clock value in the
 * datetime-local shape ("2026-12-06T14:05", read in the case's zone by fromLocalInput), so a text
 * that is not a real date and time never reaches it.
 */
const TYPED = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?:\s*[ ,T]\s*(\d{1,2})[.:](\d{2}))?\s*$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

const pad = (n: number) => String(n).padStart(2, '0');

function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(2000, month - 1, day));
  probe.setUTCFullYear(year);
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  time: [number, number] | null;
}

function partsOf(text: string): Parts | null {
  const typed = TYPED.exec(text);
  const local = typed ? null : LOCAL.exec(text.trim());
  if (!typed && !local) return null;
  const [day, month, year, hour, minute] = typed
    ? [typed[1], typed[2], typed[3], typed[4], typed[5]]
    : [local![3], local![2], local![1], local![4], local![5]];
  const parts: Parts = { year: Number(year), month: Number(month), day: Number(day), time: hour === undefined ? null : [Number(hour), Number(minute)] };
  if (!realDate(parts.year, parts.month, parts.day)) return null;
  if (parts.time && (parts.time[0] > 23 || parts.time[1] > 59)) return null;
  return parts;
}

/** "06/12/2026 14.05" → "2026-12-06T14:05"; null unless it is a real date with a real time of day. */
export function parseTypedDateTime(text: string): string | null {
  const parts = partsOf(text);
  if (!parts?.time) return null;
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.time[0])}:${pad(parts.time[1])}`;
}

/** "06/12/2026" → "2026-12-06"; null unless it is a real date (a time is not asked for). */
export function parseTypedDay(text: string): string | null {
  const parts = partsOf(text);
  if (!parts || parts.time) return null;
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

/** "2026-12-06T14:05" → "06/12/2026 14.05" (id) or "06/12/2026 14:05" (en); any other text stays as typed. */
export function typedDateTime(value: string, lang: Lang): string {
  const local = LOCAL.exec(value);
  if (!local || local[4] === undefined) return value;
  return `${local[3]}/${local[2]}/${local[1]} ${local[4]}${lang === 'id' ? '.' : ':'}${local[5]}`;
}

/** "2026-12-06" → "06/12/2026"; any other text stays as typed. */
export function typedDay(value: string): string {
  const local = LOCAL.exec(value);
  return local && local[4] === undefined ? `${local[3]}/${local[2]}/${local[1]}` : value;
}
