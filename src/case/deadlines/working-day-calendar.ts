import { badInput, list } from '../case-error';
import { HOLIDAY_KINDS, type CalendarLegalBasis, type CalendarYear } from './calendar-year';
import { BUNDLED_CALENDAR_YEARS, type Holiday } from './holidays-id';
import { addDays, dayOfWeek, dayParts, IsoDay } from './wib';

const SATURDAY = 6;
const SUNDAY = 0;

/** What a year's holiday data rests on: COMPLETE years carry the decree, PROVISIONAL ones say what is missing. */
export interface YearCoverage {
  year: number;
  status: CalendarYear['status'];
  legalBasis: CalendarLegalBasis | null;
}

/**
 * Which WIB days are working days for the civil service: not Saturday or Sunday, not a national
 * holiday, collective leave (cuti bersama) or declared voting day. Immutable; a published year gives
 * a new calendar. `covers(day)` is true only for a year whose decree is in (COMPLETE): elsewhere only
 * weekends and the holidays known so far are skipped, and a due time counted through it is provisional.
 */
export class WorkingDayCalendar {
  private readonly holidays = new Map<IsoDay, Holiday>();
  private readonly years = new Map<number, YearCoverage>();
  /** Years whose holiday data is complete. */
  readonly coveredYears: ReadonlySet<number>;

  /** Ad-hoc holidays count as complete years (tests, a one-off calendar); Indonesia's come from `fromYears`. */
  constructor(holidays: readonly Holiday[], field = 'holidays', years: readonly YearCoverage[] | null = null) {
    holidays.forEach((holiday, index) => {
      assertHoliday(holiday, `${field}[${index}]`);
      if (!this.holidays.has(holiday.date)) this.holidays.set(holiday.date, { ...holiday });
    });
    const coverage = years ?? [...new Set([...this.holidays.keys()].map((day) => Number(day.slice(0, 4))))].map((year) => ({ year, status: 'COMPLETE' as const, legalBasis: null }));
    coverage.forEach((entry) => this.years.set(entry.year, entry));
    this.coveredYears = new Set(coverage.filter((entry) => entry.status === 'COMPLETE').map((entry) => entry.year));
  }

  /** A calendar of whole years: a later entry for the same year replaces the earlier one (a publication overrides the file). */
  static fromYears(years: readonly CalendarYear[]): WorkingDayCalendar {
    const byYear = new Map<number, CalendarYear>();
    years.forEach((year) => byYear.set(year.year, year));
    const ordered = [...byYear.values()].sort((a, b) => a.year - b.year);
    return new WorkingDayCalendar(
      ordered.flatMap((year) => year.holidays),
      'holidays',
      ordered.map(({ year, status, legalBasis }) => ({ year, status, legalBasis })),
    );
  }

  /** Indonesia's calendar from the bundled data files, plus any holidays an administrator adds. */
  static indonesia(extra: readonly Holiday[] = []): WorkingDayCalendar {
    const base = WorkingDayCalendar.fromYears(BUNDLED_CALENDAR_YEARS);
    return extra.length === 0 ? base : base.withHolidays(extra, BUNDLED_CALENDAR_YEARS.flatMap((year) => year.holidays).length);
  }

  /** A new calendar with these holidays added (e.g. a newly declared voting day); their years count as complete. */
  withHolidays(extra: readonly Holiday[], firstIndex = this.holidays.size): WorkingDayCalendar {
    extra.forEach((holiday, index) => assertHoliday(holiday, `holidays[${firstIndex + index}]`));
    const years = new Map(this.years);
    extra.forEach((holiday) => {
      const year = Number(holiday.date.slice(0, 4));
      years.set(year, { year, status: 'COMPLETE', legalBasis: years.get(year)?.legalBasis ?? null });
    });
    return new WorkingDayCalendar([...this.holidays.values(), ...extra], 'holidays', [...years.values()]);
  }

  /** What the calendar knows about each year it has data for, in year order. */
  coverage(): YearCoverage[] {
    return [...this.years.values()].sort((a, b) => a.year - b.year);
  }

  holidayOn(day: IsoDay): Holiday | undefined {
    return this.holidays.get(day);
  }

  isWorkingDay(day: IsoDay): boolean {
    const weekday = dayOfWeek(day);
    return weekday !== SATURDAY && weekday !== SUNDAY && !this.holidays.has(day);
  }

  /** Whether the day's year has complete holiday data; a deadline counted through any other year may fall too early. */
  covers(day: IsoDay): boolean {
    return this.coveredYears.has(Number(day.slice(0, 4)));
  }

  /** Whether every day in (from, to] lies in a complete year: a working-day count over them is final. */
  coversSpan(from: IsoDay, to: IsoDay): boolean {
    const [first, last] = [Number(addDays(from, 1).slice(0, 4)), Number(to.slice(0, 4))];
    for (let year = first; year <= last; year++) if (!this.coveredYears.has(year)) return false;
    return true;
  }

  /** The nth working day after `day` (the day itself never counts); n = 0 gives `day`. */
  nthWorkingDayAfter(day: IsoDay, n: number): IsoDay {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    let current = day;
    for (let counted = 0; counted < n; ) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) counted += 1;
    }
    return current;
  }

  /** Working days in (from, to]: how many a step has used so far. */
  workingDaysBetween(from: IsoDay, to: IsoDay): number {
    let count = 0;
    for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
      if (this.isWorkingDay(current)) count += 1;
    }
    return count;
  }
}

function assertHoliday(holiday: Holiday, field: string): void {
  if (!holiday || typeof holiday !== 'object') throw badInput(field, 'a holiday must be { date, name, kind }', 'calendar.shape');
  if (typeof holiday.date !== 'string' || !dayParts(holiday.date)) {
    throw badInput(`${field}.date`, `holiday date ${JSON.stringify(holiday.date)} must be a real day written YYYY-MM-DD`, 'calendar.day');
  }
  if (typeof holiday.name !== 'string' || holiday.name.trim() === '') {
    throw badInput(`${field}.name`, `holiday on ${holiday.date} needs a name`, 'calendar.holidayName', { date: holiday.date });
  }
  if (!HOLIDAY_KINDS.includes(holiday.kind)) {
    throw badInput(`${field}.kind`, `holiday kind must be one of ${HOLIDAY_KINDS.join(', ')}, not ${JSON.stringify(holiday.kind)}`, 'calendar.holidayKind', {
      allowed: list(HOLIDAY_KINDS),
    });
  }
}
