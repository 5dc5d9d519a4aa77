import type { Zone } from '../../case/time-zones';
import type { HeaderLanguage } from './header-language';

/**
 * Values as a spreadsheet with Indonesian regional settings reads them (headers=id). An instant
 * is "2026-12-06 09:23" on the wall clock of the case's zone, named in a column of its own:
 * Excel, LibreOffice and Google Sheets read "yyyy-mm-dd hh:mm" as a date and time in every locale,
 * while a zone or offset in the cell ("… WIB", "+07:00") would leave it text that neither sorts
 * nor subtracts. headers=en keeps the API's ISO-8601 in UTC.
 */
export function localDateTime(instant: Date, zone: Zone): string {
  const wall = new Date(instant.getTime() + zone.offsetHours * 3_600_000).toISOString();
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
}

/** "WIB (UTC+07:00)". */
export const zoneLabel = (zone: Zone) => `${zone.name} (UTC+${String(zone.offsetHours).padStart(2, '0')}:00)`;

/** A fraction with a decimal comma under id (0,9080), as Indonesian settings read it; whole numbers stay numbers. */
export function localDecimal(value: number | null, language: HeaderLanguage): number | string | null {
  if (value === null || language === 'en' || Number.isInteger(value)) return value;
  return String(value).replace('.', ',');
}
