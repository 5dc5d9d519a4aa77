import { parseCalendarYear } from '../../../src/case/deadlines/calendar-year';
import { countDue } from '../../../src/case/deadlines/deadline-policy';
import { BUNDLED_CALENDAR_YEARS } from '../../../src/case/deadlines/holidays-id';
import { WorkingDayCalendar } from '../../../src/case/deadlines/working-day-calendar';
import type { DeadlineApplied } from '../../../src/case/case-events';
import type { CaseEvent } from '../../../src/case/case';
import { CALENDAR_PROCESS, type RecomputeDueTime } from '../../../src/case/recomputing-due-time/recompute-due-time';
import type { DecideContext } from '../../../src/case/decide-context';
import { bkn, CASE_ID, caseReported, caseStudied, deadlineExtended, followUpOverdue, overdueWithdrawn, recommendationIssued } from '../case-fixtures';
import { givenUnder, testContext, wib } from '../given';

/**
 * A Pemilu case recommended on Friday 18 Dec 2026: BKN decides within 14 working days. Counted with
 * the bundled calendar, where 2027 is PROVISIONAL (fixed-date holidays only), that is 12 Jan 2027.
 */
const PEMILU = { kind: 'PEMILU', year: 2029, regionCode: '16.73' } as const;
const rule = (provisional: boolean): DeadlineApplied => ({ policyVersion: 'test-policy-1', days: 14, unit: 'WORKING', basis: 'test 14 working days', provisional });
const endOfDay = (day: string) => new Date(`${day}T23:59:59.999+07:00`).toISOString();

/** A test calendar for 2027, not the real SKB: one invented day of collective leave on 5 Jan 2027. */
const TEST_2027 = parseCalendarYear({
  year: 2027,
  status: 'COMPLETE',
  legalBasis: { decree: 'SKB TEST/2026', signedAt: '2026-12-01', source: 'test fixture' },
  holidays: [...BUNDLED_CALENDAR_YEARS.find((y) => y.year === 2027)!.holidays, { date: '2027-01-05', name: 'Cuti bersama (test)', kind: 'COLLECTIVE_LEAVE' }],
});
const bundled = WorkingDayCalendar.fromYears(BUNDLED_CALENDAR_YEARS);
const published = WorkingDayCalendar.fromYears([...BUNDLED_CALENDAR_YEARS, TEST_2027]);

const under = (calendar: WorkingDayCalendar, now: string): DecideContext => ({
  ...testContext,
  now: new Date(now),
  recount: (start, days, unit) => countDue(start, days, unit, calendar),
});

const recommendedOn18Dec = (): CaseEvent[] => [
  caseReported({ election: PEMILU, occurredAt: wib('2026-12-01 09:00'), knownAt: wib('2026-12-02 09:00'), receivedAt: wib('2026-12-03 09:00'), studyDueAt: wib('2026-12-06 09:00') }),
  caseStudied(undefined, { studiedAt: wib('2026-12-10 09:00'), recommendationDueAt: wib('2026-12-17 09:00') }),
  recommendationIssued({ issuedAt: wib('2026-12-18 09:00'), decisionDueAt: endOfDay('2027-01-12'), decisionDeadline: rule(true) }),
];

const recompute = (input: Partial<RecomputeDueTime['input']> = {}, actor = CALENDAR_PROCESS): RecomputeDueTime => ({
  type: 'RecomputeDueTime',
  actor,
  caseId: CASE_ID,
  input: { respondentId: 'R1', dueAt: endOfDay('2027-01-12'), calendarYear: 2027, legalBasis: 'SKB TEST/2026', ...input },
});

const recomputed = (data: Record<string, unknown> = {}) => ({
  type: 'DueTimeRecomputed',
  data: {
    caseId: CASE_ID,
    respondentId: 'R1',
    step: 'SANCTION_DECISION',
    previousDueAt: endOfDay('2027-01-12'),
    dueAt: endOfDay('2027-01-13'),
    deadline: rule(false),
    calendarYear: 2027,
    legalBasis: 'SKB TEST/2026',
    recomputedAt: new Date('2027-01-13T10:00:00+07:00').toISOString(),
    ...data,
  },
});

describe('recomputing a due time when a year’s calendar is published', () => {
  it('the bundled calendar counts 14 working days from 18 Dec 2026 to 12 Jan 2027, provisionally', () => {
    expect(countDue(new Date(wib('2026-12-18 09:00')), 14, 'WORKING', bundled)).toEqual({ dueAt: new Date(endOfDay('2027-01-12')), provisional: true });
    expect(countDue(new Date(wib('2026-12-01 09:00')), 14, 'WORKING', bundled)).toEqual({ dueAt: new Date(endOfDay('2026-12-21')), provisional: false });
  });

  describe('when BKN has not decided and the 2027 calendar adds a day of collective leave', () => {
    it('Netra recounts the same rule from the same start and records it with the decree', () => {
      givenUnder(under(published, '2027-01-13T10:00:00+07:00'), recommendedOn18Dec()).when(recompute()).then(recomputed() as CaseEvent);
    });

    it('an overdue record made on the provisional due time is withdrawn with it', () => {
      const overdue = followUpOverdue({ step: 'SANCTION_DECISION', dueAt: endOfDay('2027-01-12'), waitingOn: 'BKN', detectedAt: wib('2027-01-13 00:01') });
      givenUnder(under(published, '2027-01-13T10:00:00+07:00'), recommendedOn18Dec(), overdue)
        .when(recompute())
        .then(
          recomputed() as CaseEvent,
          overdueWithdrawn({
            step: 'SANCTION_DECISION',
            dueAt: endOfDay('2027-01-12'),
            overdueVersion: 4,
            reason: 'DUE_TIME_RECOMPUTED',
            explanation: 'the due time is 2027-01-13 23:59 WIB under the holiday calendar 2027 (SKB TEST/2026)',
            withdrawnBy: 'NETRA',
            withdrawnAt: new Date('2027-01-13T10:00:00+07:00').toISOString(),
          }),
        );
    });

    it('a calendar that leaves the count as it is records nothing', () => {
      givenUnder(under(bundled, '2027-01-05T10:00:00+07:00'), recommendedOn18Dec()).when(recompute()).thenRejects('INVALID_TRANSITION', /unchanged/);
    });

    it('a complete year that changes no date still makes the due time final', () => {
      const same2027 = parseCalendarYear({ ...TEST_2027, holidays: BUNDLED_CALENDAR_YEARS.find((y) => y.year === 2027)!.holidays });
      const final = WorkingDayCalendar.fromYears([...BUNDLED_CALENDAR_YEARS, same2027]);
      givenUnder(under(final, '2027-01-05T10:00:00+07:00'), recommendedOn18Dec())
        .when(recompute())
        .then(recomputed({ dueAt: endOfDay('2027-01-12'), recomputedAt: new Date('2027-01-05T10:00:00+07:00').toISOString() }) as CaseEvent);
    });
  });

  it('a due time an agency extended is not recounted', () => {
    const extended = deadlineExtended({ step: 'SANCTION_DECISION', previousDueAt: endOfDay('2027-01-12'), dueAt: endOfDay('2027-01-20'), extendedAt: wib('2027-01-04 09:00') });
    givenUnder(under(published, '2027-01-13T10:00:00+07:00'), recommendedOn18Dec(), extended)
      .when(recompute({ dueAt: endOfDay('2027-01-20') }))
      .thenRejects('INVALID_TRANSITION', /no working-day due time/);
  });

  it('a due time the process no longer sees (it moved) is not recounted', () => {
    givenUnder(under(published, '2027-01-13T10:00:00+07:00'), recommendedOn18Dec()).when(recompute({ dueAt: endOfDay('2027-01-11') })).thenRejects('INVALID_TRANSITION');
  });

  it('only Netra’s calendar process recounts', () => {
    givenUnder(under(published, '2027-01-13T10:00:00+07:00'), recommendedOn18Dec()).when(recompute({}, bkn())).thenRejects('FORBIDDEN', /only NETRA/);
  });
});
