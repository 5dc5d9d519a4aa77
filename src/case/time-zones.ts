/**
 * Indonesia's three time zones, none with daylight saving, so a fixed offset is exact. A case's
 * times are read and written in the zone of its handling unit (the console, the CSV exports).
 * Plain data: the browser console imports it too.
 */
export interface Zone {
  name: 'WIB' | 'WITA' | 'WIT';
  offsetHours: number;
}

export const WIB: Zone = { name: 'WIB', offsetHours: 7 };
export const WITA: Zone = { name: 'WITA', offsetHours: 8 };
export const WIT: Zone = { name: 'WIT', offsetHours: 9 };

/** Bali, Nusa Tenggara, South/East/North Kalimantan and Sulawesi (Permendagri province codes). */
const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
/** Maluku, Maluku Utara and the Papua provinces. */
const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

export function zoneOf(regionCode: string | null | undefined): Zone {
  const province = regionCode?.slice(0, 2) ?? '';
  if (WITA_PROVINCES.has(province)) return WITA;
  if (WIT_PROVINCES.has(province)) return WIT;
  return WIB;
}
