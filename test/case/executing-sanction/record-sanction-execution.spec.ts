import { declareFollowUpImpossible, recordSanctionExecution } from '../case-commands';
import {
  aCaseWithFollowUpImpossible,
  aClearedCase,
  aLighterExecution,
  anExecutedCase,
  aRecommendedCase,
  aSanctionedCase,
  bkn,
  ppk,
  sanctionDecided,
  sanctionExecuted,
  sanctionExecutionCorrected,
} from '../case-fixtures';
import { given, wib } from '../given';

/** Hendra (R1) was recommended DEMOTION_12M, to the Walikota Lubuk Linggau (16.73), due 13 Nov 2024. */
describe('executing a sanction', () => {
  describe('when the decision names the governor as PPK', () => {
    const toTheGovernor = () => [...aRecommendedCase(), sanctionDecided({ respondentId: 'R1', ppk: { title: 'Gubernur Sumatera Selatan', regionCode: '16' } })];

    it('the province’s PPK executes it', () => {
      given(toTheGovernor()).when(recordSanctionExecution({ by: ppk('16') })).then(sanctionExecuted());
    });

    it('the Walikota Lubuk Linggau, whose city handles the case, may not', () => {
      given(toTheGovernor())
        .when(recordSanctionExecution({ by: ppk('16.73') }))
        .thenRejects('FORBIDDEN', /^PPK unit 16\.73 may not recordSanctionExecution: the decision is addressed to the PPK of 16$/);
    });
  });

  describe('when a sanction was decided', () => {
    it('the PPK executes it as recommended', () => {
      given(aSanctionedCase())
        .when(recordSanctionExecution())
        .then(
          sanctionExecuted({
            respondentId: 'R1',
            decreeNumber: '800.1.6.4/117/BKPSDM/2024',
            executedAt: wib('2024-11-11 09:00'),
            sanction: 'DEMOTION_12M',
            followUpStatus: 'AS_RECOMMENDED',
          }),
        );
    });

    it.each([
      ['lighter: a written reprimand', 'WRITTEN_REPRIMAND'],
      ['lighter: a 12-month allowance cut', 'ALLOWANCE_CUT_12M'],
      ['heavier: dismissal', 'DISMISSAL'],
      ['of another kind: an open moral sanction', 'MORAL_OPEN'],
    ] as const)('a sanction %s is follow-up not as recommended', (_label, sanction) => {
      given(aSanctionedCase())
        .when(recordSanctionExecution({ sanction }))
        .then(sanctionExecuted({ sanction, followUpStatus: 'NOT_AS_RECOMMENDED' }));
    });

    it('Rina’s open moral sanction executed as such is as recommended', () => {
      given(aSanctionedCase())
        .when(recordSanctionExecution({ respondentId: 'R2', decreeNumber: '800.1.6.4/118/BKPSDM/2024', sanction: 'MORAL_OPEN' }))
        .then(sanctionExecuted({ respondentId: 'R2', decreeNumber: '800.1.6.4/118/BKPSDM/2024', sanction: 'MORAL_OPEN' }));
    });

    it('a decree executed after the due date is still recorded as recommended', () => {
      given(aSanctionedCase())
        .when(recordSanctionExecution({ executedAt: '2024-12-20T09:00:00+07:00' }))
        .then(sanctionExecuted({ executedAt: wib('2024-12-20 09:00') }));
    });

    it('the Walikota Prabumulih (16.74), who cannot read a Lubuk Linggau (16.73) case, finds no such case', () => {
      given(aSanctionedCase())
        .when(recordSanctionExecution({ by: ppk('16.74') }))
        .thenRejects('NOT_FOUND', /^no case /);
    });

    it('the Gubernur Sumatera Selatan (16), who reads the case, may not execute what was addressed to the Walikota', () => {
      given(aSanctionedCase())
        .when(recordSanctionExecution({ by: ppk('16') }))
        .thenRejects('FORBIDDEN', /^PPK unit 16 may not recordSanctionExecution: the decision is addressed to the PPK of 16\.73$/);
    });

    it('BKN does not execute sanctions; it only records what the PPK decreed', () => {
      given(aSanctionedCase()).when(recordSanctionExecution({ by: bkn() })).thenRejects('FORBIDDEN', /^BKN may not/);
    });

    it.each([
      ['a sanction not in the catalogue', { sanction: 'SUSPENSION' }, /^sanction: /],
      ['an empty decree number', { decreeNumber: ' ' }, /^decreeNumber: must not be empty/],
      ['a decree dated before BKN’s decision', { executedAt: '2024-10-13T09:00:00+07:00' }, /^executedAt: .*before decidedAt/],
      ['a decree dated in the future', { executedAt: '2025-01-31T09:00:00+07:00' }, /^executedAt: .*future/],
    ])('is refused with %s', (_label, input, message) => {
      given(aSanctionedCase()).when(recordSanctionExecution(input)).thenRejects('BAD_USER_INPUT', message);
    });

    it('a respondent the case does not name is not found', () => {
      given(aSanctionedCase()).when(recordSanctionExecution({ respondentId: 'R5' })).thenRejects('NOT_FOUND', /has no respondent R5/);
    });
  });

  describe('when a decree was already recorded', () => {
    it('the same decree recorded again is refused, naming the stage and the correction step', () => {
      given(aSanctionedCase(), aLighterExecution())
        .when(recordSanctionExecution({ decreeNumber: '800.1.6.4/098/BKPSDM/2024', executedAt: '2024-11-04T09:00:00+07:00', sanction: 'WRITTEN_REPRIMAND' }))
        .thenRejects('INVALID_TRANSITION', /cannot record a second sanction execution: respondent R1 is at stage SANCTION_EXECUTED; .*correctSanctionExecution/);
    });

    it('a different, heavier decree after one not as recommended is refused too: it is a correction', () => {
      given(aSanctionedCase(), aLighterExecution())
        .when(recordSanctionExecution({ decreeNumber: '800.1.6.4/131/BKPSDM/2024', executedAt: '2024-11-25T09:00:00+07:00' }))
        .thenRejects('INVALID_TRANSITION', /stage SANCTION_EXECUTED/);
    });

    it('after a corrected decree a second recording is refused as well', () => {
      given(aSanctionedCase(), aLighterExecution(), sanctionExecutionCorrected())
        .when(recordSanctionExecution({ executedAt: '2024-12-02T09:00:00+07:00' }))
        .thenRejects('INVALID_TRANSITION', /stage SANCTION_EXECUTED/);
    });
  });

  describe('when it was executed as recommended', () => {
    it('nothing may follow: another decree is an invalid transition', () => {
      given(anExecutedCase('AS_RECOMMENDED'))
        .when(recordSanctionExecution({ executedAt: '2024-12-02T09:00:00+07:00', sanction: 'DISMISSAL' }))
        .thenRejects('INVALID_TRANSITION', /respondent R1 is at stage SANCTION_EXECUTED/);
    });

    it('nor may its follow-up be declared impossible afterwards', () => {
      given(anExecutedCase('AS_RECOMMENDED'))
        .when(declareFollowUpImpossible({ declaredAt: '2024-12-02T09:00:00+07:00' }))
        .thenRejects('INVALID_TRANSITION', /respondent R1 is at stage SANCTION_EXECUTED/);
    });
  });

  describe('when no sanction was decided for the respondent', () => {
    it.each([
      ['still waiting for BKN', aRecommendedCase(), 'RECOMMENDED'],
      ['cleared by BKN', aClearedCase(), 'CLEARED'],
      ['whose follow-up was declared impossible', aCaseWithFollowUpImpossible(), 'FOLLOW_UP_IMPOSSIBLE'],
    ])('a decree for a respondent %s is an invalid transition', (_label, history, stage) => {
      given(history)
        .when(recordSanctionExecution({ executedAt: '2024-12-02T09:00:00+07:00' }))
        .thenRejects('INVALID_TRANSITION', new RegExp(`respondent R1 is at stage ${stage}; it needs stage SANCTION_DECIDED`));
    });
  });
});
