import { DEADLINE_PROCESS, markOverdueCommand, overdueCommandId, overdueDue, type MarkOverdue } from '../../../src/case/overdue/mark-overdue';
import { findTrack, type OpenedCase } from '../../../src/case/case-state';
import type { Actor } from '../../../src/case/decide-context';
import { given, NOW, stateAfter, wib } from '../given';
import {
  anExecutedCase,
  anOverdueCase,
  aRecommendedCase,
  aReportedCase,
  aSanctionedCase,
  bkn,
  CASE_ID,
  deadlineExtended,
  followUpOverdue,
  recommendationIssued,
  sanctionDecided,
} from '../case-fixtures';

const HENDRA_DUE = wib('2024-11-13 10:00');
const markOverdue = (dueAt = HENDRA_DUE, respondentId = 'R1', actor: Actor = DEADLINE_PROCESS): MarkOverdue => ({
  type: 'MarkOverdue',
  actor,
  caseId: CASE_ID,
  input: { respondentId, dueAt },
});
const overdueNow = (data: Parameters<typeof followUpOverdue>[0] = {}) => followUpOverdue({ detectedAt: NOW.toISOString(), ...data });

describe('the deadline process', () => {
  describe('overdueDue: which tracks are past due without an overdue record for that due time', () => {
    it('lists both sanctions waiting on the PPK after their due time', () => {
      expect(overdueDue(stateAfter(aSanctionedCase()), NOW)).toEqual([
        { caseId: CASE_ID, respondentId: 'R1', step: 'EXECUTION', dueAt: HENDRA_DUE },
        { caseId: CASE_ID, respondentId: 'R2', step: 'EXECUTION', dueAt: HENDRA_DUE },
      ]);
    });

    it('lists nothing before the due time, and a track from the due instant on', () => {
      const state = stateAfter(aSanctionedCase());
      expect(overdueDue(state, new Date(HENDRA_DUE))).toEqual([]);
      expect(overdueDue(state, new Date(new Date(HENDRA_DUE).getTime() + 1))).toHaveLength(2);
    });

    it('leaves out a track already recorded overdue for its due time', () => {
      expect(overdueDue(stateAfter(anOverdueCase()), NOW).map((t) => t.respondentId)).toEqual(['R2']);
    });

    it('lists a track again for its new due time after an extension that passed too', () => {
      const extended = deadlineExtended({ dueAt: wib('2024-12-13 10:00') });
      expect(overdueDue(stateAfter(anOverdueCase(), extended), NOW)[0]).toEqual({ caseId: CASE_ID, respondentId: 'R1', step: 'EXECUTION', dueAt: wib('2024-12-13 10:00') });
    });

    it('knows every waiting step: Bawaslu’s study is late too', () => {
      expect(overdueDue(stateAfter(aReportedCase()), NOW).map((t) => t.step)).toEqual(['STUDY', 'STUDY']);
    });

    it('ignores finished tracks and states folded before the process existed', () => {
      expect(overdueDue(stateAfter(anExecutedCase()), NOW).map((t) => t.respondentId)).toEqual(['R2']);
      const legacy = stateAfter(aSanctionedCase()) as OpenedCase;
      const { overdueSince: _s, overdueFor: _f, ...oldTrack } = legacy.respondents[0];
      expect(overdueDue({ ...legacy, respondents: [oldTrack as never] }, NOW)).toHaveLength(1);
    });

    it('derives one command id per case, respondent, step and due time', () => {
      const [r1, r2] = overdueDue(stateAfter(aSanctionedCase()), NOW);
      expect(overdueCommandId(r1)).toBe(`overdue:${CASE_ID}:R1:EXECUTION:2024-11-13T03:00:00.000Z`);
      expect(overdueCommandId(r1)).toBe(overdueCommandId({ ...r1 }));
      expect(overdueCommandId(r2)).not.toBe(overdueCommandId(r1));
      expect(overdueCommandId({ ...r1, dueAt: wib('2024-12-13 10:00') })).not.toBe(overdueCommandId(r1));
      expect(markOverdueCommand(r1)).toEqual(markOverdue());
    });
  });

  describe('MarkOverdue', () => {
    it('records that the PPK did not act by the due time', () => {
      given(aSanctionedCase()).when(markOverdue()).then(overdueNow());
    });

    it('records a late study as waiting on Bawaslu', () => {
      given(aReportedCase())
        .when(markOverdue(wib('2024-09-30 10:00')))
        .then(overdueNow({ step: 'STUDY', dueAt: wib('2024-09-30 10:00'), waitingOn: 'BAWASLU' }));
    });

    it('records a late decision as waiting on BKN', () => {
      given(aRecommendedCase())
        .when(markOverdue(wib('2024-10-16 09:00')))
        .then(overdueNow({ step: 'SANCTION_DECISION', dueAt: wib('2024-10-16 09:00'), waitingOn: 'BKN' }));
    });

    it('the fold remembers which due time was missed', () => {
      const state = stateAfter(anOverdueCase()) as OpenedCase;
      expect(findTrack(state, 'R1')).toMatchObject({ overdueSince: HENDRA_DUE, overdueFor: 'EXECUTION' });
      expect(findTrack(state, 'R2')).toMatchObject({ overdueSince: null, overdueFor: null });
    });

    it('is refused a second time for the same due time', () => {
      given(anOverdueCase()).when(markOverdue()).thenRejects('INVALID_TRANSITION', /respondent R1 .* is not past a due time without an overdue record/);
    });

    it('is refused when the due time was extended into the future', () => {
      given(aSanctionedCase(), deadlineExtended({ dueAt: wib('2025-02-13 10:00') })).when(markOverdue()).thenRejects('INVALID_TRANSITION', /not past a due time/);
    });

    it('is refused for the old due time when an extension passed too, and recorded for the new one', () => {
      const history = [...anOverdueCase(), deadlineExtended({ dueAt: wib('2024-12-13 10:00') })];
      given(history).when(markOverdue()).thenRejects('INVALID_TRANSITION', /is now 2024-12-13T03:00:00.000Z, not 2024-11-13T03:00:00.000Z: it was extended/);
      given(history).when(markOverdue(wib('2024-12-13 10:00'))).then(overdueNow({ dueAt: wib('2024-12-13 10:00') }));
    });

    it('is refused once the step moved on', () => {
      given(anExecutedCase()).when(markOverdue()).thenRejects('INVALID_TRANSITION', /stage SANCTION_EXECUTED is not past a due time/);
    });

    it('is refused before the due time', () => {
      const notYetDue = [...aRecommendedCase(), sanctionDecided({ dueAt: wib('2025-02-01 10:00') })];
      given(notYetDue).when(markOverdue(wib('2025-02-01 10:00'))).thenRejects('INVALID_TRANSITION', /not past a due time/);
    });

    it('a new stage starts on time: the next step’s due time is its own', () => {
      const lateDecision = [...aRecommendedCase(), followUpOverdue({ step: 'SANCTION_DECISION', dueAt: wib('2024-10-16 09:00'), waitingOn: 'BKN' })];
      const state = stateAfter(lateDecision, sanctionDecided()) as OpenedCase;
      expect(findTrack(state, 'R1')).toMatchObject({ stage: 'SANCTION_DECIDED', overdueSince: null, overdueFor: null });
      expect(findTrack(stateAfter(lateDecision, recommendationIssued()) as OpenedCase, 'R1')).toMatchObject({ overdueSince: null });
    });

    it('only Netra’s deadline process marks a track overdue', () => {
      given(aSanctionedCase()).when(markOverdue(HENDRA_DUE, 'R1', bkn())).thenRejects('FORBIDDEN', /BKN may not markOverdue; only NETRA/);
    });

    it('a respondent the case does not name is not found', () => {
      given(aSanctionedCase()).when(markOverdue(HENDRA_DUE, 'R9')).thenRejects('NOT_FOUND', /no respondent R9/);
    });
  });
});
