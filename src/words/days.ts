import type { Lang } from './zones';

const MONTHS: Record<Lang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * A day as officers type it, dd/mm/yyyy (17/08/2027; 1/1/2027 too), as the API wants it, YYYY-MM-DD;
 * null when it is not written so or is no real day (31/02/2027).
 */
export function parseTypedDay(text: string): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** YYYY-MM-DD as the officer types it: 17/08/2027. */
export function toTypedDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** YYYY-MM-DD as officers write it: "1 Januari 2027" / "1 January 2027". */
export function formatDay(day: string, lang: Lang): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${date} ${MONTHS[lang][month - 1]} ${year}`;
}
