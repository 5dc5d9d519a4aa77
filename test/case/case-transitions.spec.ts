import type { CaseCommand, CaseEvent } from '../../src/case/case';
import {
  clearRespondent,
  correctSanctionExecution,
  declareFollowUpImpossible,
  decideSanction,
  issueRecommendation,
  recordSanctionExecution,
  recordStudy,
  reportCase,
} from './case-commands';
import {
  aCaseWithFollowUpImpossible,
  aClearedCase,
  anExecutedCase,
  aRecommendedCase,
  aReportedCase,
  aSanctionedCase,
  aStudiedCase,
  bkn,
  CASE_ID,
  caseReported,
  caseStudied,
  followUpDeclaredImpossible,
  recommendationIssued,
  respondentCleared,
  sanctionDecided,
  sanctionExecuted,
  sanctionExecutionCorrected,
} from './case-fixtures';
import { given } from './given';

/**
 * Every command in every stage (shared/DOMAIN.md §3): allowed → its event; refused →
 * INVALID_TRANSITION naming the stage, or NOT_FOUND when there is no case. Hendra (R1) is the
 * respondent each step acts on; Rina (R2) keeps the case open beside him.
 */
type StageKey =
  | 'no case'
  | 'REPORTED'
  | 'STUDIED (violation proven)'
  | 'NO_VIOLATION'
  | 'FORWARDED'
  | 'RECOMMENDED'
  | 'SANCTION_DECIDED'
  | 'CLEARED'
  | 'SANCTION_EXECUTED as recommended'
  | 'SANCTION_EXECUTED not as recommended'
  | 'FOLLOW_UP_IMPOSSIBLE';

interface Stage {
  key: StageKey;
  history: CaseEvent[];
  /** Where the case stands as a whole, and where Hendra's own track stands — written out, not computed. */
  caseStage: string | null;
  hendra: string | null;
}

const STAGES: Stage[] = [
  { key: 'no case', history: [], caseStage: null, hendra: null },
  { key: 'REPORTED', history: aReportedCase(), caseStage: 'REPORTED', hendra: 'REPORTED' },
  { key: 'STUDIED (violation proven)', history: aStudiedCase(), caseStage: 'STUDIED', hendra: 'STUDIED' },
  { key: 'NO_VIOLATION', history: aStudiedCase({ R1: 'NO_VIOLATION', R2: 'VIOLATION' }), caseStage: 'STUDIED', hendra: 'NO_VIOLATION' },
  { key: 'FORWARDED', history: aStudiedCase({ R1: 'FORWARDED', R2: 'VIOLATION' }), caseStage: 'STUDIED', hendra: 'FORWARDED' },
  { key: 'RECOMMENDED', history: aRecommendedCase(), caseStage: 'RECOMMENDED', hendra: 'RECOMMENDED' },
  { key: 'SANCTION_DECIDED', history: aSanctionedCase(), caseStage: 'SANCTION_DECIDED', hendra: 'SANCTION_DECIDED' },
  { key: 'CLEARED', history: aClearedCase(), caseStage: 'RECOMMENDED', hendra: 'CLEARED' },
  { key: 'SANCTION_EXECUTED as recommended', history: anExecutedCase(), caseStage: 'SANCTION_DECIDED', hendra: 'SANCTION_EXECUTED' },
  {
    key: 'SANCTION_EXECUTED not as recommended',
    history: anExecutedCase('NOT_AS_RECOMMENDED'),
    caseStage: 'SANCTION_DECIDED',
    hendra: 'SANCTION_EXECUTED',
  },
  { key: 'FOLLOW_UP_IMPOSSIBLE', history: aCaseWithFollowUpImpossible(), caseStage: 'SANCTION_DECIDED', hendra: 'FOLLOW_UP_IMPOSSIBLE' },
];

interface Step {
  name: string;
  command: CaseCommand;
  /** Whether a refusal names the case's stage or Hendra's. */
  scope: 'case' | 'respondent';
  allowedIn: Partial<Record<StageKey, CaseEvent>>;
  /** Stages where the actor itself is refused rather than the step. */
  forbiddenIn?: { stages: StageKey[]; message: RegExp };
}

const STEPS: Step[] = [
  { name: 'Bawaslu reports the case', command: reportCase(), scope: 'case', allowedIn: { 'no case': caseReported() } },
  { name: 'Bawaslu records its study', command: recordStudy(), scope: 'case', allowedIn: { REPORTED: caseStudied() } },
  {
    name: 'Bawaslu recommends Hendra to BKN',
    command: issueRecommendation({ respondentIds: ['R1'] }),
    scope: 'respondent',
    allowedIn: { 'STUDIED (violation proven)': recommendationIssued({ respondentIds: ['R1'] }) },
  },
  {
    name: 'BKN recommends a sanction for Hendra to his PPK',
    command: decideSanction(),
    scope: 'respondent',
    allowedIn: { RECOMMENDED: sanctionDecided() },
  },
  { name: 'BKN clears Hendra', command: clearRespondent(), scope: 'respondent', allowedIn: { RECOMMENDED: respondentCleared() } },
  {
    name: 'the Walikota records the decree executing Hendra’s sanction',
    command: recordSanctionExecution(),
    scope: 'respondent',
    allowedIn: { SANCTION_DECIDED: sanctionExecuted() },
  },
  {
    name: 'the Walikota corrects the decree recorded for Hendra',
    command: correctSanctionExecution(),
    scope: 'respondent',
    allowedIn: {
      'SANCTION_EXECUTED not as recommended': sanctionExecutionCorrected(),
      'SANCTION_EXECUTED as recommended': sanctionExecutionCorrected({
        previous: { decreeNumber: '800.1.6.4/117/BKPSDM/2024', executedAt: sanctionExecuted().data.executedAt, sanction: 'DEMOTION_12M', followUpStatus: 'AS_RECOMMENDED' },
      }),
    },
    forbiddenIn: {
      stages: ['REPORTED', 'STUDIED (violation proven)', 'NO_VIOLATION', 'FORWARDED', 'RECOMMENDED', 'CLEARED'],
      message: /only for a sanction addressed to it/,
    },
  },
  {
    name: 'BKN declares Hendra’s follow-up impossible',
    command: declareFollowUpImpossible({ by: bkn() }),
    scope: 'respondent',
    allowedIn: {
      RECOMMENDED: followUpDeclaredImpossible({ declaredBy: 'BKN' }),
      SANCTION_DECIDED: followUpDeclaredImpossible({ declaredBy: 'BKN' }),
    },
  },
  {
    name: 'the Walikota declares Hendra’s follow-up impossible',
    command: declareFollowUpImpossible(),
    scope: 'respondent',
    allowedIn: { SANCTION_DECIDED: followUpDeclaredImpossible() },
    // No sanction was addressed to any PPK yet (or Hendra was cleared): the PPK is not a party.
    forbiddenIn: {
      stages: ['REPORTED', 'STUDIED (violation proven)', 'NO_VIOLATION', 'FORWARDED', 'RECOMMENDED', 'CLEARED'],
      message: /only for a sanction addressed to it/,
    },
  },
];

describe('the case lifecycle', () => {
  describe.each(STEPS)('$name', (step) => {
    it.each(STAGES)('in a case at $key', (stage) => {
      const allowed = step.allowedIn[stage.key];
      const when = given(stage.history).when(step.command);
      if (allowed) {
        when.then(allowed);
      } else if (stage.caseStage === null) {
        when.thenRejects('NOT_FOUND', new RegExp(`no case ${CASE_ID}`));
      } else if (step.forbiddenIn?.stages.includes(stage.key)) {
        when.thenRejects('FORBIDDEN', step.forbiddenIn.message);
      } else {
        const named = step.scope === 'case' ? `stage ${stage.caseStage}\\b` : `respondent R1 is at stage ${stage.hendra}\\b`;
        when.thenRejects('INVALID_TRANSITION', new RegExp(named));
      }
    });
  });

  it('every step is allowed somewhere, so the table cannot pass by refusing everything', () => {
    const keys = STAGES.map((s) => s.key);
    for (const step of STEPS) {
      expect(Object.keys(step.allowedIn).length).toBeGreaterThan(0);
      expect(keys).toEqual(expect.arrayContaining(Object.keys(step.allowedIn)));
    }
  });
});
