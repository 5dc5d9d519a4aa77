import { decide, evolve, initialState, type CaseState } from '../../src/case/case';
import type { DecideContext } from '../../src/case/decide-context';
import { DEFAULT_DEADLINE_POLICY, policyReportingLimit } from '../../src/case/deadlines/deadline-policy';
import { WorkingDayCalendar } from '../../src/case/deadlines/working-day-calendar';
import { syntheticHistory } from '../../src/demo/synthetic-history';
import { caseScripts } from '../../src/bench/workload';

const DAY = 86_400_000;
const synthetic: DecideContext = {
  now: new Date('2026-01-01T00:00:00Z'),
  deadline: (_kind, step, start) => ({
    dueAt: new Date(start.getTime() + (step === 'EXECUTION' ? 14 : 7) * DAY),
    applied: { policyVersion: 'synthetic', days: step === 'EXECUTION' ? 14 : 7, unit: 'CALENDAR', basis: 'synthetic history' },
  }),
  registerNumber: ({ caseId }) => `SYN/${caseId.slice(0, 8)}`,
  reportingLimit: policyReportingLimit(DEFAULT_DEADLINE_POLICY, WorkingDayCalendar.indonesia()),
};

describe('bench workload', () => {
  it('the commands the write path sends decide into the synthetic history the replay reads', () => {
    const history = [...syntheticHistory(200)];
    const scripts = caseScripts(0, 200);
    scripts.forEach((script, n) => {
      let state: CaseState = initialState();
      const events = script.commands.flatMap((command) =>
        decide(command, state, synthetic).map((event) => {
          state = evolve(state, event);
          return { type: event.type, data: event.data };
        }),
      );
      expect(history[n].streamId).toBe(`case-${script.caseId}`);
      expect(events).toEqual(history[n].events.map(({ type, data }) => ({ type, data })));
    });
  });

  it('a slice of the workload is the same cases as the whole, from its first index on', () => {
    const slice = caseScripts(150, 5);
    expect(slice.map((s) => s.caseId)).toEqual(caseScripts(0, 155).slice(150).map((s) => s.caseId));
  });
});
