import { daysUntil, formatDateTime, fromLocalInput, toLocalInput, WIB, WIT, WITA, zoneOf } from '../../src/words/zones';

/** The console's clock: every time in the zone of the case's handling unit, written as officers write it. */
describe('console time zones', () => {
  it.each([
    ['16.73', 'WIB', 'Lubuk Linggau (Sumatera Selatan)'],
    ['31', 'WIB', 'DKI Jakarta'],
    ['62.01', 'WIB', 'Kalimantan Tengah'],
    ['51.71', 'WITA', 'Denpasar (Bali)'],
    ['64.02', 'WITA', 'Kutai Kartanegara (Kalimantan Timur)'],
    ['76', 'WITA', 'Sulawesi Barat'],
    ['81.71', 'WIT', 'Ambon (Maluku)'],
    ['82', 'WIT', 'Maluku Utara'],
    ['91', 'WIT', 'Papua'],
    ['96', 'WIT', 'Papua Barat Daya'],
  ])('%s is in %s: %s', (code, zone) => {
    expect(zoneOf(code).name).toBe(zone);
  });

  it('writes 26 June 2020 14.00 in Jakarta as officers do, and the same instant in Makassar an hour later', () => {
    const instant = '2020-06-26T07:00:00Z';
    expect(formatDateTime(instant, WIB, 'id')).toBe('26 Juni 2020 14.00 WIB');
    expect(formatDateTime(instant, WITA, 'id')).toBe('26 Juni 2020 15.00 WITA');
    expect(formatDateTime(instant, WIT, 'en')).toBe('26 June 2020 16:00 WIT');
  });

  it('crosses midnight and year ends in the zone, not in UTC', () => {
    expect(formatDateTime('2024-12-31T16:30:00Z', WIB, 'id')).toBe('31 Desember 2024 23.30 WIB');
    expect(formatDateTime('2024-12-31T16:30:00Z', WITA, 'id')).toBe('1 Januari 2025 00.30 WITA');
  });

  it('reads a date-time input in the handling unit’s zone and writes it back unchanged', () => {
    expect(fromLocalInput('2024-10-01T09:00', WITA)).toBe('2024-10-01T09:00:00+08:00');
    expect(toLocalInput('2024-10-01T09:00:00+08:00', WITA)).toBe('2024-10-01T09:00');
    expect(toLocalInput('2024-10-01T09:00:00+08:00', WIB)).toBe('2024-10-01T08:00');
    expect(fromLocalInput('', WIB)).toBe('');
  });

  it('counts days left rounded up, and none once due', () => {
    const now = new Date('2024-10-01T09:00:00+07:00');
    expect(daysUntil('2024-10-15T23:59:59+07:00', now)).toBe(15);
    expect(daysUntil('2024-10-01T10:00:00+07:00', now)).toBe(1);
    expect(daysUntil('2024-09-30T10:00:00+07:00', now)).toBe(0);
  });
});
