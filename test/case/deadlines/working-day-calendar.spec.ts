import { INDONESIAN_HOLIDAYS } from '../../../src/case/deadlines/holidays-id';
import { WorkingDayCalendar } from '../../../src/case/deadlines/working-day-calendar';
import { dayOfWeek } from '../../../src/case/deadlines/wib';
import { expectBadInput } from '../validation/expect-bad-input';

const indonesia = WorkingDayCalendar.indonesia();
const weekendsOnly = new WorkingDayCalendar([]);

describe('the working-day calendar', () => {
  describe('weekends', () => {
    it('Saturday and Sunday are not working days; Monday to Friday are', () => {
      expect(indonesia.isWorkingDay('2024-10-12')).toBe(false); // Saturday
      expect(indonesia.isWorkingDay('2024-10-13')).toBe(false); // Sunday
      expect(indonesia.isWorkingDay('2024-10-14')).toBe(true); // Monday
      expect(indonesia.isWorkingDay('2024-10-11')).toBe(true); // Friday
    });

    it('the first working day after a Friday is the Monday', () => {
      expect(weekendsOnly.nthWorkingDayAfter('2024-10-11', 1)).toBe('2024-10-14');
    });
  });

  describe('holidays, collective leave and voting days', () => {
    it('knows both 2024 voting days as holidays', () => {
      expect(indonesia.holidayOn('2024-02-14')).toMatchObject({ kind: 'ELECTION_DAY' });
      expect(indonesia.holidayOn('2024-11-27')).toMatchObject({ kind: 'ELECTION_DAY' });
      expect(indonesia.isWorkingDay('2024-11-27')).toBe(false);
      expect(weekendsOnly.isWorkingDay('2024-11-27')).toBe(true);
    });

    it('knows Idul Fitri 1446 H and its collective leave (31 Mar – 7 Apr 2025)', () => {
      expect(indonesia.holidayOn('2025-03-31')).toMatchObject({ kind: 'NATIONAL' });
      expect(indonesia.holidayOn('2025-04-01')).toMatchObject({ kind: 'NATIONAL' });
      for (const day of ['2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07']) {
        expect(indonesia.holidayOn(day)).toMatchObject({ kind: 'COLLECTIVE_LEAVE' });
      }
      expect(indonesia.isWorkingDay('2025-04-08')).toBe(true);
    });

    it('knows the collective leave added on 18 August 2025', () => {
      expect(indonesia.holidayOn('2025-08-18')).toMatchObject({ kind: 'COLLECTIVE_LEAVE' });
    });

    it('covers 2024 to 2026 and says so, but not 2027', () => {
      expect([...indonesia.coveredYears].sort()).toEqual([2024, 2025, 2026]);
      expect(indonesia.covers('2026-12-31')).toBe(true);
      expect(indonesia.covers('2027-01-04')).toBe(false);
    });

    it('takes holidays an administrator adds', () => {
      const extended = indonesia.withHolidays([
        { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'NATIONAL' },
        { date: '2024-10-14', name: 'Regional holiday for a test', kind: 'COLLECTIVE_LEAVE' },
      ]);
      expect(extended.isWorkingDay('2024-10-14')).toBe(false);
      expect(extended.covers('2027-01-04')).toBe(true);
      expect(extended.isWorkingDay('2024-11-27')).toBe(false);
      expect(indonesia.isWorkingDay('2024-10-14')).toBe(true);
      expect(extended.nthWorkingDayAfter('2024-10-11', 1)).toBe('2024-10-15');
    });

    it('refuses an added holiday that is not a real day or has an unknown kind', () => {
      expectBadInput(
        () => WorkingDayCalendar.indonesia([{ date: '2025-02-29', name: 'x', kind: 'NATIONAL' }]),
        `holidays[${INDONESIAN_HOLIDAYS.length}].date`,
        /must be a real day written YYYY-MM-DD/,
      );
      expectBadInput(
        () => new WorkingDayCalendar([{ date: '2025-05-02', name: 'x', kind: 'REGIONAL' as never }]),
        'holidays[0].kind',
        /must be one of NATIONAL, COLLECTIVE_LEAVE, ELECTION_DAY/,
      );
    });
  });

  describe('counting working days', () => {
    it('14 working days from a Monday span two weekends', () => {
      expect(indonesia.nthWorkingDayAfter('2024-10-07', 14)).toBe('2024-10-25');
    });

    it('14 working days from 20 March 2025 skip Nyepi, Idul Fitri, its collective leave and Good Friday', () => {
      expect(indonesia.nthWorkingDayAfter('2025-03-20', 14)).toBe('2025-04-21');
      expect(weekendsOnly.nthWorkingDayAfter('2025-03-20', 14)).toBe('2025-04-09');
    });

    it('the day itself never counts, and zero days is the day itself', () => {
      expect(indonesia.nthWorkingDayAfter('2024-10-07', 1)).toBe('2024-10-08');
      expect(indonesia.nthWorkingDayAfter('2024-10-07', 0)).toBe('2024-10-07');
    });

    it('counts the working days used between two days', () => {
      expect(indonesia.workingDaysBetween('2025-03-20', '2025-04-21')).toBe(14);
      expect(indonesia.workingDaysBetween('2025-03-27', '2025-04-07')).toBe(0);
    });
  });
});

describe('the bundled holiday data', () => {
  it('has only real, distinct days, sorted by date', () => {
    const days = INDONESIAN_HOLIDAYS.map((holiday) => holiday.date);
    expect(new Set(days).size).toBe(days.length);
    expect([...days].sort()).toEqual(days);
    expect(() => WorkingDayCalendar.indonesia()).not.toThrow();
  });

  it.each([
    [2024, 17, 10, 2],
    [2025, 17, 11, 0],
    [2026, 17, 8, 0],
  ])('in %i has %i national holidays, %i days of collective leave and %i voting days', (year, national, leave, voting) => {
    const ofYear = INDONESIAN_HOLIDAYS.filter((holiday) => holiday.date.startsWith(`${year}-`));
    expect(ofYear.filter((holiday) => holiday.kind === 'NATIONAL')).toHaveLength(national);
    expect(ofYear.filter((holiday) => holiday.kind === 'COLLECTIVE_LEAVE')).toHaveLength(leave);
    expect(ofYear.filter((holiday) => holiday.kind === 'ELECTION_DAY')).toHaveLength(voting);
  });

  it('puts no collective leave on a weekend (the decrees use working days for it)', () => {
    const onWeekend = INDONESIAN_HOLIDAYS.filter(
      (holiday) => holiday.kind === 'COLLECTIVE_LEAVE' && [0, 6].includes(dayOfWeek(holiday.date)),
    );
    expect(onWeekend).toEqual([]);
  });
});
