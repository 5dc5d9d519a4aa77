import { CaseError } from '../../../src/case/case-error';
import { parseCalendarYear } from '../../../src/case/deadlines/calendar-year';
import { BUNDLED_CALENDAR_YEARS } from '../../../src/case/deadlines/holidays-id';
import { WorkingDayCalendar } from '../../../src/case/deadlines/working-day-calendar';

const valid = () => ({
  year: 2027,
  status: 'COMPLETE',
  legalBasis: { decree: 'SKB TEST/2026', signedAt: '2026-10-01', source: 'test fixture, not the real decree' },
  holidays: [{ date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'NATIONAL' }],
});

function refusal(input: unknown): { field?: string; message: string } {
  try {
    parseCalendarYear(input);
  } catch (error) {
    expect(error).toBeInstanceOf(CaseError);
    return { field: (error as CaseError).field, message: (error as CaseError).message };
  }
  throw new Error('expected a refusal');
}

describe('a year of the holiday calendar as data', () => {
  describe('the bundled files', () => {
    it('ship 2024–2026 complete with their SKB, and 2027 provisional with only the fixed-date holidays', () => {
      expect(BUNDLED_CALENDAR_YEARS.map((y) => [y.year, y.status])).toEqual([
        [2024, 'COMPLETE'],
        [2025, 'COMPLETE'],
        [2026, 'COMPLETE'],
        [2027, 'PROVISIONAL'],
      ]);
      expect(BUNDLED_CALENDAR_YEARS.find((y) => y.year === 2026)!.legalBasis).toMatchObject({ decree: expect.stringContaining('1497/2025'), signedAt: '2025-09-19' });
      expect(BUNDLED_CALENDAR_YEARS.find((y) => y.year === 2027)!.holidays.map((h) => h.date)).toEqual(['2027-01-01', '2027-05-01', '2027-06-01', '2027-08-17', '2027-12-25']);
    });

    it('make 1 Jan 2027 a holiday, but do not count 2027 as covered', () => {
      const calendar = WorkingDayCalendar.fromYears(BUNDLED_CALENDAR_YEARS);
      expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
      expect(calendar.covers('2027-01-04')).toBe(false);
      expect(calendar.coversSpan('2026-12-01', '2026-12-31')).toBe(true);
      expect(calendar.coversSpan('2026-12-30', '2027-01-04')).toBe(false);
      expect(calendar.coverage().map((y) => `${y.year} ${y.status}`)).toEqual(['2024 COMPLETE', '2025 COMPLETE', '2026 COMPLETE', '2027 PROVISIONAL']);
    });

    it('a published year replaces the file for that year', () => {
      const calendar = WorkingDayCalendar.fromYears([...BUNDLED_CALENDAR_YEARS, parseCalendarYear(valid())]);
      expect(calendar.covers('2027-01-04')).toBe(true);
      expect(calendar.isWorkingDay('2027-05-03')).toBe(true);
      expect(calendar.holidayOn('2027-12-25')).toBeUndefined();
    });
  });

  describe('checking a year given by an administrator', () => {
    it('sorts the holidays and trims the texts', () => {
      const year = parseCalendarYear({ ...valid(), holidays: [{ date: '2027-12-25', name: ' Natal ', kind: 'NATIONAL' }, ...valid().holidays] });
      expect(year.holidays.map((h) => [h.date, h.name])).toEqual([['2027-01-01', 'Tahun Baru 2027 Masehi'], ['2027-12-25', 'Natal']]);
    });

    it.each([
      ['a year out of range', { year: 1999 }, 'calendar.year', /from 2000 to 2100/],
      ['an unknown status', { status: 'FINAL' }, 'calendar.status', /COMPLETE or PROVISIONAL/],
      ['no decree', { legalBasis: { decree: ' ', signedAt: null, source: 'x' } }, 'calendar.legalBasis.decree', /name the decree/],
      ['no source', { legalBasis: { decree: 'SKB', signedAt: null } }, 'calendar.legalBasis.source', /where the dates/],
      ['a signing day that does not exist', { legalBasis: { decree: 'SKB', signedAt: '2026-02-30', source: 'x' } }, 'calendar.legalBasis.signedAt', /real day/],
      ['a holiday in another year', { holidays: [{ date: '2028-01-01', name: 'x', kind: 'NATIONAL' }] }, 'calendar.holidays[0].date', /not in 2027/],
      ['a holiday twice', { holidays: [valid().holidays[0], valid().holidays[0]] }, 'calendar.holidays[1].date', /listed twice/],
      ['an unknown kind', { holidays: [{ date: '2027-01-01', name: 'x', kind: 'REGIONAL' }] }, 'calendar.holidays[0].kind', /NATIONAL, COLLECTIVE_LEAVE, ELECTION_DAY/],
      ['an unknown field', { holydays: [] }, 'calendar.holydays', /unknown field/],
    ])('refuses %s, naming the field', (_what, change, field, message) => {
      const refused = refusal({ ...valid(), ...change });
      expect(refused.field).toBe(field);
      expect(refused.message).toMatch(message);
    });
  });
});
