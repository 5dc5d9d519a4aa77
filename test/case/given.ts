import { CaseError, type ErrorCode } from '../../src/case/case-error';
import type { DeadlineApplied } from '../../src/case/case-events';
import { decide, fold, initialState, type CaseEvent, type CaseState } from '../../src/case/case';
import type { CaseCommand } from '../../src/case/case';
import type { ElectionKind } from '../../src/case/case-vocabulary';
import type { DecideContext, DeadlineStep } from '../../src/case/decide-context';
import { DEFAULT_DEADLINE_POLICY, policyReportingLimit } from '../../src/case/deadlines/deadline-policy';
import { WorkingDayCalendar } from '../../src/case/deadlines/working-day-calendar';

/**
 * The decider's test grammar (shared/STYLE.md, Tests):
 *
 *   given(aRecommendedCase()).when(decideSanction()).then(sanctionDecided())
 *   given().when(recordStudy()).thenRejects('NOT_FOUND', /no case/)
 *
 * `given` folds the history with `evolve`, `when` runs `decide` with a fixed context.
 */

/** "Now" for every test: mid-January 2025, after the Pilkada 2024 cases below and after KASN was dissolved. */
export const NOW = new Date('2025-01-15T10:00:00+07:00');

/** Days the stub allows per step; distinct so a step that asks for the wrong deadline shows up. */
const STUB_DAYS: Record<DeadlineStep, number> = { STUDY: 3, RECOMMENDATION: 7, SANCTION_DECISION: 14, EXECUTION: 30 };
const DAY_MS = 24 * 60 * 60 * 1000;

/** The policy record the stub hands out, as decide must copy it into the event. */
export function applied(kind: ElectionKind, step: DeadlineStep): DeadlineApplied {
  return {
    policyVersion: 'test-policy-1',
    days: STUB_DAYS[step],
    unit: kind === 'PEMILU' ? 'WORKING' : 'CALENDAR',
    basis: `test stub ${kind} ${step}`,
  };
}

/** A recognisable register number, built from what decide passes in. */
export function stubRegisterNumber(source: string, handlingUnit: string, receivedAt: string): string {
  return `TEST/${source}/${handlingUnit}/${receivedAt}`;
}

export const testContext: DecideContext = {
  now: NOW,
  deadline: (kind, step, start) => ({
    dueAt: new Date(start.getTime() + STUB_DAYS[step] * DAY_MS),
    applied: applied(kind, step),
  }),
  registerNumber: ({ source, handlingUnit, receivedAt }) =>
    stubRegisterNumber(source, handlingUnit, receivedAt.toISOString()),
  // The real reporting limits on the real working-day calendar: the law's day counts are what is tested.
  reportingLimit: policyReportingLimit(DEFAULT_DEADLINE_POLICY, WorkingDayCalendar.indonesia()),
};

/** An instant written as an officer reads it, `2024-09-27 10:00` in WIB, as the events store it (ISO UTC). */
export function wib(dateTime: string): string {
  return new Date(`${dateTime.replace(' ', 'T')}:00+07:00`).toISOString();
}

type History = Array<CaseEvent | readonly CaseEvent[]>;

export function stateAfter(...history: History): CaseState {
  return fold(history.flat(), initialState());
}

export function given(...history: History) {
  return givenUnder(testContext, ...history);
}

/** `given` with another context: a real calendar's `recount`, another "now". */
export function givenUnder(context: DecideContext, ...history: History) {
  const testContext = context;
  const state = stateAfter(...history);
  return {
    when(command: CaseCommand) {
      return {
        then(...expected: CaseEvent[]): void {
          expect(decide(command, state, testContext)).toStrictEqual(expected);
        },
        thenRejects(code: Exclude<ErrorCode, 'UNAUTHENTICATED' | 'CONFLICT'>, message?: RegExp): void {
          let produced: CaseEvent[] | undefined;
          let error: unknown;
          try {
            produced = decide(command, state, testContext);
          } catch (e) {
            error = e;
          }
          // A refusal appends nothing: decide must throw rather than return any event.
          expect(produced).toBeUndefined();
          expect(error).toBeInstanceOf(CaseError);
          const refusal = error as CaseError;
          expect({ code: refusal.code, message: refusal.message }).toEqual({
            code,
            message: message ? expect.stringMatching(message) : expect.any(String),
          });
        },
      };
    },
  };
}
