import { badInput } from '../case-error';
import { Holiday, HolidayKind, INDONESIAN_HOLIDAYS } from './holidays-id';
import { addDays, dayOfWeek, dayParts, IsoDay } from './wib';

const KINDS: readonly HolidayKind[] = ['NATIONAL', 'COLLECTIVE_LEAVE', 'ELECTION_DAY'];
const SATURDAY = 6;
const SUNDAY = 0;

/**
 * Which WIB days are working days for the civil service: not Saturday or Sunday, not a national
 * holiday, collective leave (cuti bersama) or declared voting day. Immutable; extending it with
 * an administrator's holidays gives a new calendar.
 */
export class WorkingDayCalendar {
  private readonly holidays = new Map<IsoDay, Holiday>();
  /** Years for which holiday data was given; outside them only weekends are skipped. */
  readonly coveredYears: ReadonlySet<number>;

  constructor(holidays: readonly Holiday[], field = 'holidays') {
    holidays.forEach((holiday, index) => {
      assertHoliday(holiday, `${field}[${index}]`);
      if (!this.holidays.has(holiday.date)) this.holidays.set(holiday.date, { ...holiday });
    });
    this.coveredYears = new Set([...this.holidays.keys()].map((day) => Number(day.slice(0, 4))));
  }

  /** Indonesia's calendar from the bundled data (2024–2026), plus any holidays an administrator adds. */
  static indonesia(extra: readonly Holiday[] = []): WorkingDayCalendar {
    return new WorkingDayCalendar([...INDONESIAN_HOLIDAYS, ...extra]);
  }

  /** A new calendar with these holidays added (e.g. a newly declared voting day or an amended SKB). */
  withHolidays(extra: readonly Holiday[]): WorkingDayCalendar {
    return new WorkingDayCalendar([...this.holidays.values(), ...extra]);
  }

  holidayOn(day: IsoDay): Holiday | undefined {
    return this.holidays.get(day);
  }

  isWorkingDay(day: IsoDay): boolean {
    const weekday = dayOfWeek(day);
    return weekday !== SATURDAY && weekday !== SUNDAY && !this.holidays.has(day);
  }

  /** Whether holiday data exists for the day's year; a deadline beyond it may fall too early. */
  covers(day: IsoDay): boolean {
    return this.coveredYears.has(Number(day.slice(0, 4)));
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
  if (!holiday || typeof holiday !== 'object') throw badInput(field, 'a holiday must be { date, name, kind }');
  if (typeof holiday.date !== 'string' || !dayParts(holiday.date)) {
    throw badInput(`${field}.date`, `holiday date ${JSON.stringify(holiday.date)} must be a real day written YYYY-MM-DD`);
  }
  if (typeof holiday.name !== 'string' || holiday.name.trim() === '') {
    throw badInput(`${field}.name`, `holiday on ${holiday.date} needs a name`);
  }
  if (!KINDS.includes(holiday.kind)) {
    throw badInput(`${field}.kind`, `holiday kind must be one of ${KINDS.join(', ')}, not ${JSON.stringify(holiday.kind)}`);
  }
}
