import { WIB, WIT, WITA } from '../../src/case/time-zones';
import { localDateTime, localDecimal, zoneLabel } from '../../src/oversight/exports/local-values';

describe('export values as Indonesian spreadsheets read them', () => {
  it('writes an instant on the wall clock of the zone: a decree of 6 December 02.23 WIB stays on 6 December', () => {
    const decree = new Date('2026-12-05T19:23:00Z');
    expect([localDateTime(decree, WIB), localDateTime(decree, WITA), localDateTime(decree, WIT)]).toEqual(['2026-12-06 02:23', '2026-12-06 03:23', '2026-12-06 04:23']);
    expect([zoneLabel(WIB), zoneLabel(WITA), zoneLabel(WIT)]).toEqual(['WIB (UTC+07:00)', 'WITA (UTC+08:00)', 'WIT (UTC+09:00)']);
  });

  it('writes fractions with a decimal comma under id only, and leaves whole numbers and nulls alone', () => {
    expect([localDecimal(0.908, 'id'), localDecimal(0.908, 'en'), localDecimal(12, 'id'), localDecimal(null, 'id')]).toEqual(['0,908', 0.908, 12, null]);
  });
});
