import { decide, fold, initialState, type CaseEvent } from '../../../src/case/case';
import { findTrack, type OpenedCase } from '../../../src/case/case-state';
import type { DecideContext } from '../../../src/case/decide-context';
import { DEFAULT_DEADLINE_POLICY, parseDeadlinePolicy, policyDeadline, type DeadlinePolicy } from '../../../src/case/deadlines/deadline-policy';
import { WorkingDayCalendar } from '../../../src/case/deadlines/working-day-calendar';
import { followUpRow } from '../../../src/oversight/projection/case-rows';
import { aRecommendedCase, PPK_LUBUK_LINGGAU } from '../case-fixtures';
import { decideSanction, issueRecommendation, recordStudy, reportCase } from '../case-commands';
import { NOW, testContext } from '../given';

const calendar = WorkingDayCalendar.indonesia();
const contextOf = (policy: DeadlinePolicy): DecideContext => ({ ...testContext, deadline: policyDeadline(policy, calendar) });

/** An administrator's new policy: the PPK gets 30 working days instead of 14 calendar days. */
const REVISED = parseDeadlinePolicy({
  version: '2025-02-bkn',
  rules: { PILKADA: { EXECUTION: { days: 30, unit: 'WORKING', basis: 'Surat Edaran BKN (example): 30 hari kerja' } } },
});

const endOfWib = (day: string) => new Date(`${day}T23:59:59.999+07:00`).toISOString();

describe('deadline policy versioning', () => {
  describe('every event that sets a due date from the policy records which rule set it', () => {
    const ctx = contextOf(DEFAULT_DEADLINE_POLICY);
    const v = DEFAULT_DEADLINE_POLICY.version;
    let history: CaseEvent[] = [];
    const step = (command: Parameters<typeof decide>[0]) => {
      const events = decide(command, fold(history, initialState()), ctx);
      history = [...history, ...events];
      return events[0].data as unknown as Record<string, unknown>;
    };

    it('CaseReported: the study deadline', () => {
      expect(step(reportCase())).toMatchObject({
        studyDueAt: endOfWib('2024-10-02'),
        studyDeadline: { policyVersion: v, days: 5, unit: 'CALENDAR', basis: expect.stringMatching(/Pasal 134/) },
      });
    });

    it('CaseStudied: the recommendation deadline', () => {
      expect(step(recordStudy())).toMatchObject({ recommendationDueAt: endOfWib('2024-10-07'), recommendationDeadline: { policyVersion: v, days: 7 } });
    });

    it('RecommendationIssued: the decision deadline', () => {
      expect(step(issueRecommendation())).toMatchObject({ decisionDueAt: endOfWib('2024-10-09'), decisionDeadline: { policyVersion: v, days: 7 } });
    });

    it('SanctionDecided: the execution deadline', () => {
      expect(step(decideSanction())).toMatchObject({ dueAt: endOfWib('2024-10-28'), deadline: { policyVersion: v, days: 14, unit: 'CALENDAR' } });
    });

    it('SanctionDecided with a due time set by the letter records no policy (deadline null)', () => {
      const events = decide(decideSanction({ respondentId: 'R2', dueAt: '2024-11-30T10:00:00+07:00' }), fold(history, initialState()), ctx);
      expect(events[0].data).toMatchObject({ dueAt: '2024-11-30T03:00:00.000Z', deadline: null });
    });
  });

  describe('when the administrator changes the policy', () => {
    // Hendra's sanction is decided under the default policy; then the policy changes; then Rina's.
    const before = decide(decideSanction(), fold(aRecommendedCase(), initialState()), contextOf(DEFAULT_DEADLINE_POLICY));
    const history = [...aRecommendedCase(), ...before];

    it('an old due date keeps the day count, unit and version it was decided under', () => {
      expect(before[0].data).toMatchObject({ dueAt: endOfWib('2024-10-28'), deadline: { policyVersion: 'default-2025.1', days: 14, unit: 'CALENDAR' } });
    });

    it('folding the old events under the new policy never rewrites the old due date', () => {
      const state = fold(history, initialState()) as OpenedCase;
      expect(findTrack(state, 'R1')!.dueAt).toBe(endOfWib('2024-10-28'));
      // The read model derives its row from the folded events only.
      expect(followUpRow(state, findTrack(state, 'R1')!).dueAt).toEqual(new Date(endOfWib('2024-10-28')));
    });

    it('a new decision uses the new policy and records its version', () => {
      const after = decide(
        decideSanction({ respondentId: 'R2', letterNumber: 'B-2818/JP.01/10/2024', sanction: 'MORAL_OPEN', ppk: { ...PPK_LUBUK_LINGGAU } }),
        fold(history, initialState()),
        contextOf(REVISED),
      );
      // 30 working days from Monday 14 Oct 2024 (no national holiday in between): Monday 25 Nov 2024.
      expect(after[0].data).toMatchObject({
        respondentId: 'R2',
        dueAt: endOfWib('2024-11-25'),
        deadline: { policyVersion: '2025-02-bkn', days: 30, unit: 'WORKING', basis: expect.stringMatching(/30 hari kerja/) },
      });
      const state = fold([...history, ...after], initialState()) as OpenedCase;
      expect(findTrack(state, 'R1')!.dueAt).toBe(endOfWib('2024-10-28'));
      expect(findTrack(state, 'R2')!.dueAt).toBe(endOfWib('2024-11-25'));
    });

    it('the context time does not matter for a due date: only the start and the policy', () => {
      expect(decide(decideSanction(), fold(aRecommendedCase(), initialState()), { ...contextOf(DEFAULT_DEADLINE_POLICY), now: new Date(NOW.getTime() + 86_400_000) })).toEqual(before);
    });
  });
});
