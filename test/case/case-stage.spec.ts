import { caseStage, evolve, waitingOn, type CaseEvent, type CaseState, type OpenedCase } from '../../src/case/case';
import {
  aCaseWithFollowUpImpossible,
  aLighterExecution,
  anExecutedCase,
  aPemiluCaseRecommendedToKasn,
  aRecommendedCase,
  aReportedCase,
  aSanctionedCase,
  aStudiedCase,
  caseReported,
  caseStudied,
  recommendationIssued,
  respondentCleared,
  sanctionDecided,
  sanctionExecuted,
  sanctionExecutionCorrected,
} from './case-fixtures';
import { stateAfter, wib } from './given';

function opened(state: CaseState): OpenedCase {
  if (state.status !== 'opened') throw new Error('expected an opened case');
  return state;
}

/** What the follow-up list shows: the case stage, and who each respondent is waiting on. */
function standing(...history: Array<CaseEvent | CaseEvent[]>) {
  const state = opened(stateAfter(...history));
  const [hendra, rina] = state.respondents;
  return {
    stage: caseStage(state.respondents),
    waitingOn: { hendra: waitingOn(hendra), rina: waitingOn(rina) },
    followUpStatus: { hendra: hendra.followUpStatus, rina: rina.followUpStatus },
  };
}

const rinaCleared = respondentCleared({ respondentId: 'R2', letterNumber: 'B-2820/JP.01/10/2024' });

describe('where a case stands', () => {
  describe('the case is where its least advanced open respondent is', () => {
    it.each([
      ['just reported', aReportedCase(), 'REPORTED', 'BAWASLU', 'BAWASLU'],
      ['Hendra proven, Rina not proven', aStudiedCase({ R1: 'VIOLATION', R2: 'NO_VIOLATION' }), 'STUDIED', 'BAWASLU', null],
      ['Hendra forwarded to Gakkumdu, Rina proven', aStudiedCase({ R1: 'FORWARDED', R2: 'VIOLATION' }), 'STUDIED', null, 'BAWASLU'],
      ['both recommended to BKN', aRecommendedCase(), 'RECOMMENDED', 'BKN', 'BKN'],
      // KASN stopped operating on 24 Aug 2024: what it never decided now waits on BKN.
      ['both recommended to KASN in February 2024, never decided', aPemiluCaseRecommendedToKasn(), 'RECOMMENDED', 'BKN', 'BKN'],
      ['Hendra’s sanction decided, Rina still with BKN', [...aRecommendedCase(), sanctionDecided()], 'RECOMMENDED', 'PPK', 'BKN'],
      ['both sanctions decided', aSanctionedCase(), 'SANCTION_DECIDED', 'PPK', 'PPK'],
      ['Hendra’s sanction executed, Rina’s still with the PPK', anExecutedCase(), 'SANCTION_DECIDED', null, 'PPK'],
    ] as const)('%s: the case is %s', (_label, history, stage, hendra, rina) => {
      expect(standing([...history])).toMatchObject({ stage, waitingOn: { hendra, rina } });
    });
  });

  describe('when every respondent is finished', () => {
    it('Hendra executed as recommended and Rina cleared: the case is SANCTION_EXECUTED and waits on nobody', () => {
      expect(standing(aRecommendedCase(), sanctionDecided(), rinaCleared, sanctionExecuted())).toEqual({
        stage: 'SANCTION_EXECUTED',
        waitingOn: { hendra: null, rina: null },
        followUpStatus: { hendra: 'AS_RECOMMENDED', rina: null },
      });
    });

    it('Hendra executed lighter and Rina cleared: Hendra’s follow-up is NOT_AS_RECOMMENDED', () => {
      // Current rule: a lighter decree finishes the track (nobody is waited on); see the report on NOT_AS_RECOMMENDED.
      expect(standing(aRecommendedCase(), sanctionDecided(), rinaCleared, aLighterExecution())).toEqual({
        stage: 'SANCTION_EXECUTED',
        waitingOn: { hendra: null, rina: null },
        followUpStatus: { hendra: 'NOT_AS_RECOMMENDED', rina: null },
      });
    });

    it('a corrected decree brings Hendra to AS_RECOMMENDED', () => {
      const corrected = sanctionExecutionCorrected();
      expect(standing(aRecommendedCase(), sanctionDecided(), rinaCleared, aLighterExecution(), corrected).followUpStatus).toEqual({
        hendra: 'AS_RECOMMENDED',
        rina: null,
      });
    });

    it.each([
      ['neither respondent proven', aStudiedCase({ R1: 'NO_VIOLATION', R2: 'NO_VIOLATION' })],
      ['one not proven, one forwarded', aStudiedCase({ R1: 'NO_VIOLATION', R2: 'FORWARDED' })],
      ['both cleared by BKN', [...aRecommendedCase(), respondentCleared(), rinaCleared]],
      ['Hendra’s follow-up impossible, Rina cleared', [...aRecommendedCase(), sanctionDecided(), rinaCleared, ...aCaseWithFollowUpImpossible().slice(-1)]],
    ])('%s: the case is CLOSED without any sanction executed', (_label, history) => {
      expect(standing(history)).toMatchObject({ stage: 'CLOSED', waitingOn: { hendra: null, rina: null } });
    });

    it('a follow-up declared impossible is CANNOT_BE_ACTED_ON; the sanction still pending is PENDING', () => {
      expect(standing(aCaseWithFollowUpImpossible()).followUpStatus).toEqual({ hendra: 'CANNOT_BE_ACTED_ON', rina: 'PENDING' });
    });
  });

  describe('evolve folds a whole lifecycle into respondent tracks', () => {
    const lifecycle: Array<[string, CaseEvent]> = [
      ['reported', caseReported()],
      ['studied', caseStudied()],
      ['recommended', recommendationIssued()],
      ['Hendra’s sanction decided', sanctionDecided()],
      ['Rina cleared', respondentCleared({ respondentId: 'R2', decidedAt: wib('2024-10-15 10:00') })],
      ['Hendra executed lighter', aLighterExecution()],
      ['Hendra’s corrected decree', sanctionExecutionCorrected()],
    ];
    const track = (stage: string, since: string, dueAt: string | null, followUpStatus: string | null) => ({ stage, since, dueAt, followUpStatus });
    const expected: Array<[ReturnType<typeof track>, ReturnType<typeof track>]> = [
      [track('REPORTED', wib('2024-09-27 10:00'), wib('2024-09-30 10:00'), null), track('REPORTED', wib('2024-09-27 10:00'), wib('2024-09-30 10:00'), null)],
      [track('STUDIED', wib('2024-09-30 14:00'), wib('2024-10-07 14:00'), null), track('STUDIED', wib('2024-09-30 14:00'), wib('2024-10-07 14:00'), null)],
      [track('RECOMMENDED', wib('2024-10-02 09:00'), wib('2024-10-16 09:00'), null), track('RECOMMENDED', wib('2024-10-02 09:00'), wib('2024-10-16 09:00'), null)],
      [track('SANCTION_DECIDED', wib('2024-10-14 10:00'), wib('2024-11-13 10:00'), 'PENDING'), track('RECOMMENDED', wib('2024-10-02 09:00'), wib('2024-10-16 09:00'), null)],
      [track('SANCTION_DECIDED', wib('2024-10-14 10:00'), wib('2024-11-13 10:00'), 'PENDING'), track('CLEARED', wib('2024-10-15 10:00'), null, null)],
      [track('SANCTION_EXECUTED', wib('2024-11-04 09:00'), null, 'NOT_AS_RECOMMENDED'), track('CLEARED', wib('2024-10-15 10:00'), null, null)],
      [track('SANCTION_EXECUTED', wib('2024-11-25 09:00'), null, 'AS_RECOMMENDED'), track('CLEARED', wib('2024-10-15 10:00'), null, null)],
    ];

    it.each(lifecycle.map(([step], i) => [step, i] as const))('after %s', (_step, i) => {
      const state = opened(stateAfter(lifecycle.slice(0, i + 1).map(([, event]) => event)));
      const [hendra, rina] = expected[i];
      expect(state.version).toBe(i + 1);
      expect(state.respondents).toEqual([expect.objectContaining(hendra), expect.objectContaining(rina)]);
    });

    it('keeps what each agency decided on Hendra’s track', () => {
      const state = opened(stateAfter(lifecycle.map(([, event]) => event)));
      expect(state.respondents[0]).toMatchObject({
        respondentId: 'R1',
        nip: '198503302010121002',
        outcome: 'VIOLATION',
        findingViolations: ['ACTIVE_SUPPORT_AT_CAMPAIGN'],
        recommendation: { recipient: 'BKN', letterNumber: '045/PP.01.02/K.SS-09/10/2024', issuedAt: wib('2024-10-02 09:00') },
        decision: { decidedBy: 'BKN', sanction: 'DEMOTION_12M', ppk: { title: 'Walikota Lubuk Linggau', regionCode: '16.73' } },
        execution: { decreeNumber: '800.1.6.4/131/BKPSDM/2024', executedAt: wib('2024-11-25 09:00'), sanction: 'DEMOTION_12M' },
        impossibility: null,
      });
      expect(state.respondents[1]).toMatchObject({ decision: { decidedBy: 'BKN', sanction: null, ppk: null }, execution: null });
    });

    it('never changes the state it folds from', () => {
      const before = stateAfter(aRecommendedCase());
      const copy = structuredClone(before);
      evolve(before, sanctionDecided());
      expect(before).toEqual(copy);
    });

    it('ignores a step on a case that was never reported', () => {
      expect(stateAfter(sanctionDecided())).toEqual({ status: 'empty', version: 0 });
    });
  });
});
