import type { Zone } from '../case/time-zones';

// The zones live with the domain, where the CSV exports read them too.
export { WIB, WIT, WITA, zoneOf, type Zone } from '../case/time-zones';

export type Lang = 'id' | 'en';

const MONTHS: Record<Lang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The wall-clock fields of an instant in a zone (read with getUTC*). */
function wallClock(instant: string | Date, zone: Zone): Date {
  return new Date(new Date(instant).getTime() + zone.offsetHours * 3_600_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "26 Juni 2020" / "26 June 2020". */
export function formatDate(instant: string | Date, zone: Zone, lang: Lang): string {
  const t = wallClock(instant, zone);
  return `${t.getUTCDate()} ${MONTHS[lang][t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}

/** "26 Juni 2020 14.00 WIB" (Indonesian writes the time with a dot) / "26 June 2020 14:00 WIB". */
export function formatDateTime(instant: string | Date, zone: Zone, lang: Lang): string {
  const t = wallClock(instant, zone);
  const separator = lang === 'id' ? '.' : ':';
  return `${formatDate(instant, zone, lang)} ${pad(t.getUTCHours())}${separator}${pad(t.getUTCMinutes())} ${zone.name}`;
}

/** The value of an `<input type="datetime-local">` showing an instant in a zone: "2024-10-01T09:00". */
export function toLocalInput(instant: string | Date, zone: Zone): string {
  const t = wallClock(instant, zone);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** A datetime-local value read in a zone, as the API wants it: "2024-10-01T09:00:00+07:00"; '' stays ''. */
export function fromLocalInput(value: string, zone: Zone): string {
  if (value === '') return '';
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  return `${withSeconds}+${pad(zone.offsetHours)}:00`;
}

/** Whole days from now until an instant, rounded up: 0 on the due day itself. */
export function daysUntil(instant: string, now: Date): number {
  return Math.max(0, Math.ceil((new Date(instant).getTime() - now.getTime()) / 86_400_000));
}
