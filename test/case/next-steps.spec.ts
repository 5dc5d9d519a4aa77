import { nextSteps, type NextStep } from '../../src/case/next-steps';
import type { Actor } from '../../src/case/decide-context';
import {
  aCaseWithFollowUpImpossible,
  anExecutedCase,
  anOverdueCase,
  aRecommendedCase,
  aReportedCase,
  aSanctionedCase,
  bawaslu,
  bkn,
  kemendagri,
  kemenpanrb,
  oversight,
  ppk,
  sanctionDecided,
} from './case-fixtures';
import { stateAfter, testContext } from './given';
import type { CaseEvent } from '../../src/case/case';

/**
 * What each caller is offered at each point of a case (the access matrix in case-access.spec.ts
 * holds the first four steps against the decider; these are the steps beside them).
 */
const offered = (history: CaseEvent[], actor: Actor): Record<string, NextStep> =>
  Object.fromEntries(nextSteps(stateAfter(history), actor, testContext).map((s) => [s.step, s]));

describe('the next steps a caller is offered', () => {
  it('nothing on a case that does not exist, and nothing to oversight, which only reads', () => {
    expect(nextSteps(stateAfter(), bawaslu('16.73'), testContext)).toEqual([]);
    expect(offered(aSanctionedCase(), oversight())).toEqual({});
  });

  it('a reported case: Bawaslu of the handling unit studies it, extends its own study, and may erase only by overriding the legal hold if national', () => {
    const local = offered(aReportedCase(), bawaslu('16.73'));
    expect(local.recordStudy.respondentIds).toEqual(['R1', 'R2']);
    expect(local.extendDeadline.respondentIds).toEqual(['R1', 'R2']);
    expect(local.erasePersonalData).toBeUndefined();
    expect(offered(aReportedCase(), bawaslu(null)).erasePersonalData).toEqual({ step: 'erasePersonalData', respondentIds: [], overridesLegalHold: true });
    expect(offered(aReportedCase(), bawaslu('16.74'))).toEqual({});
  });

  it('a recommended case: BKN decides and may declare it impossible; the PPK has nothing yet', () => {
    const byBkn = offered(aRecommendedCase(), bkn());
    expect(byBkn.decideSanction.respondentIds).toEqual(['R1', 'R2']);
    expect(byBkn.recordStudy).toBeUndefined();
    expect(offered(aRecommendedCase(), ppk('16.73')).recordSanctionExecution).toBeUndefined();
  });

  it('after a decree: the named PPK corrects it and no longer records it; the other respondent still waits for its decree', () => {
    const named = offered(anExecutedCase(), ppk('16.73'));
    expect(named.correctSanctionExecution.respondentIds).toEqual(['R1']);
    expect(named.recordSanctionExecution.respondentIds).toEqual(['R2']);
    expect(offered(anExecutedCase(), ppk('16.74'))).toEqual({});
    expect(offered(anExecutedCase(), bkn()).correctSanctionExecution.respondentIds).toEqual(['R1']);
  });

  it('sanctions waiting for the PPK (one overdue): each ministry is offered only its own escalation', () => {
    expect(offered(anOverdueCase(), kemendagri()).recordEscalation).toEqual({ step: 'recordEscalation', respondentIds: ['R1', 'R2'], escalationKinds: ['KEMENDAGRI_REPRIMAND'] });
    expect(offered(anOverdueCase(), kemenpanrb()).recordEscalation?.escalationKinds).toEqual(['KEMENPANRB_REPRIMAND']);
    expect(offered(anOverdueCase(), bkn()).recordEscalation?.escalationKinds).toEqual(['SIASN_BLOCKED']);
  });

  it('an extension names the due time it moves: one entry per waiting step', () => {
    const oneDecided = [...aRecommendedCase(), sanctionDecided({ respondentId: 'R1' })];
    const extensions = nextSteps(stateAfter(oneDecided), bkn(), testContext).filter((s) => s.step === 'extendDeadline');
    expect(extensions).toEqual(
      expect.arrayContaining([
        { step: 'extendDeadline', respondentIds: ['R1'], deadlineStep: 'EXECUTION' },
        { step: 'extendDeadline', respondentIds: ['R2'], deadlineStep: 'SANCTION_DECISION' },
      ]),
    );
    expect(extensions).toHaveLength(2);
  });

  it('a finished track is offered nothing more', () => {
    const steps = offered(aCaseWithFollowUpImpossible(), ppk('16.73'));
    expect(steps.declareFollowUpImpossible?.respondentIds ?? []).not.toContain('R1');
    expect(steps.recordSanctionExecution?.respondentIds ?? []).not.toContain('R1');
  });

  it('a letter is offered once its step is recorded: Bawaslu its recommendation, BKN its letter to the PPK; never a letter not issued, nor to another region', () => {
    const letters = (history: CaseEvent[], actor: Actor) => nextSteps(stateAfter(history), actor, testContext).filter((s) => s.step === 'generateLetter');
    expect(letters(aReportedCase(), bawaslu('16.73'))).toEqual([]);
    expect(letters(aRecommendedCase(), bawaslu('16.73'))).toEqual([{ step: 'generateLetter', respondentIds: ['R1', 'R2'], letterKind: 'RECOMMENDATION' }]);
    expect(letters(aRecommendedCase(), bawaslu('16.74'))).toEqual([]);
    const oneDecided = [...aRecommendedCase(), sanctionDecided({ respondentId: 'R1' })];
    expect(letters(oneDecided, bkn())).toEqual([
      { step: 'generateLetter', respondentIds: ['R1', 'R2'], letterKind: 'RECOMMENDATION' },
      { step: 'generateLetter', respondentIds: ['R1'], letterKind: 'SANCTION_DECISION' },
    ]);
    expect(letters(oneDecided, oversight())).toEqual([]);
  });
});
