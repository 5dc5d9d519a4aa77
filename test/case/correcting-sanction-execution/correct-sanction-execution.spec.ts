import { evolve, type OpenedCase } from '../../../src/case/case';
import { correctSanctionExecution, declareFollowUpImpossible, recordEscalation } from '../case-commands';
import {
  aLighterExecution,
  anExecutedCase,
  aSanctionedCase,
  bawaslu,
  bkn,
  kasn,
  ppk,
  sanctionExecutionCorrected,
} from '../case-fixtures';
import { given, stateAfter, wib } from '../given';

/**
 * Hendra (R1) was recommended DEMOTION_12M; the Walikota Lubuk Linggau (16.73) first decreed only a
 * written reprimand (SK 098, 4 Nov 2024: NOT_AS_RECOMMENDED), then replaced it with SK 131.
 */
describe('correcting a sanction execution', () => {
  describe('when a decree not as recommended was recorded', () => {
    it('the PPK’s corrected decree imposing the recommended sanction is AS_RECOMMENDED, and says what it replaces and why', () => {
      given(aSanctionedCase(), aLighterExecution()).when(correctSanctionExecution()).then(sanctionExecutionCorrected());
    });

    it('a corrected decree that still falls short stays NOT_AS_RECOMMENDED', () => {
      given(aSanctionedCase(), aLighterExecution())
        .when(correctSanctionExecution({ sanction: 'ALLOWANCE_CUT_6M' }))
        .then(sanctionExecutionCorrected({ sanction: 'ALLOWANCE_CUT_6M', followUpStatus: 'NOT_AS_RECOMMENDED' }));
    });

    it('BKN may correct what was recorded, and the event names BKN', () => {
      given(aSanctionedCase(), aLighterExecution())
        .when(correctSanctionExecution({ by: bkn() }))
        .then(sanctionExecutionCorrected({ correctedBy: 'BKN' }));
    });

    it('the same SK with only its sanction recorded wrongly may be corrected', () => {
      given(aSanctionedCase(), aLighterExecution())
        .when(correctSanctionExecution({ decreeNumber: '800.1.6.4/098/BKPSDM/2024', executedAt: '2024-11-04T09:00:00+07:00' }))
        .then(sanctionExecutionCorrected({ decreeNumber: '800.1.6.4/098/BKPSDM/2024', executedAt: wib('2024-11-04 09:00') }));
    });

    it('the decree already recorded, unchanged, is no correction', () => {
      given(aSanctionedCase(), aLighterExecution())
        .when(correctSanctionExecution({ decreeNumber: '800.1.6.4/098/BKPSDM/2024', executedAt: '2024-11-04T09:00:00+07:00', sanction: 'WRITTEN_REPRIMAND' }))
        .thenRejects('BAD_USER_INPUT', /^decreeNumber: the corrected decree is the one already recorded/);
    });

    it.each([
      ['no reason', { reason: '  ' }, /^reason: must not be empty/],
      ['an empty decree number', { decreeNumber: '' }, /^decreeNumber: must not be empty/],
      ['a sanction not in the catalogue', { sanction: 'SUSPENSION' }, /^sanction: must be one of/],
      ['a decree dated before BKN’s decision', { executedAt: '2024-10-13T09:00:00+07:00' }, /^executedAt: .*before decidedAt/],
      ['a decree dated in the future', { executedAt: '2025-01-31T09:00:00+07:00' }, /^executedAt: .*future/],
    ])('is refused with %s', (_label, input, message) => {
      given(aSanctionedCase(), aLighterExecution()).when(correctSanctionExecution(input)).thenRejects('BAD_USER_INPUT', message);
    });

    it.each([
      ['the Gubernur Sumatera Selatan (16)', ppk('16'), /^PPK unit 16 may not correctSanctionExecution: the decision is addressed to the PPK of 16\.73$/],
      ['Bawaslu', bawaslu('16.73'), /^BAWASLU may not correctSanctionExecution; only PPK or BKN/],
      ['KASN', kasn(), /^KASN may not correctSanctionExecution/],
    ])('%s may not correct it', (_label, by, message) => {
      given(aSanctionedCase(), aLighterExecution()).when(correctSanctionExecution({ by })).thenRejects('FORBIDDEN', message);
    });

    it('the Walikota Prabumulih (16.74), who cannot read a Lubuk Linggau case, finds no such case', () => {
      given(aSanctionedCase(), aLighterExecution()).when(correctSanctionExecution({ by: ppk('16.74') })).thenRejects('NOT_FOUND', /^no case /);
    });

    it('a respondent the case does not name is not found', () => {
      given(aSanctionedCase(), aLighterExecution()).when(correctSanctionExecution({ respondentId: 'R7' })).thenRejects('NOT_FOUND', /has no respondent R7/);
    });
  });

  describe('when no decree was recorded yet', () => {
    it('a correction is an invalid transition naming the stage', () => {
      given(aSanctionedCase())
        .when(correctSanctionExecution())
        .thenRejects('INVALID_TRANSITION', /cannot correct a sanction execution: respondent R1 is at stage SANCTION_DECIDED; it needs stage SANCTION_EXECUTED/);
    });
  });

  describe('when the decree was corrected', () => {
    const corrected = () => [...aSanctionedCase(), aLighterExecution(), sanctionExecutionCorrected()];

    it('the track follows the decree in force: its number, date, sanction and status, with the reason and what it replaced', () => {
      const hendra = (stateAfter(corrected()) as OpenedCase).respondents[0];
      expect(hendra).toMatchObject({
        stage: 'SANCTION_EXECUTED',
        since: wib('2024-11-25 09:00'),
        execution: { decreeNumber: '800.1.6.4/131/BKPSDM/2024', executedAt: wib('2024-11-25 09:00'), sanction: 'DEMOTION_12M' },
        followUpStatus: 'AS_RECOMMENDED',
        executionCorrection: {
          reason: 'SK 098 dicabut setelah teguran BKN; diganti SK penurunan jabatan sesuai rekomendasi.',
          correctedBy: 'PPK',
          replacedDecreeNumber: '800.1.6.4/098/BKPSDM/2024',
          corrections: 1,
        },
      });
    });

    it('a second correction may go back below the recommendation, and counts as the second', () => {
      const lighterAgain = sanctionExecutionCorrected({
        decreeNumber: '800.1.6.4/140/BKPSDM/2024',
        executedAt: wib('2024-12-02 09:00'),
        sanction: 'ALLOWANCE_CUT_12M',
        followUpStatus: 'NOT_AS_RECOMMENDED',
        reason: 'Keberatan terlapor dikabulkan sebagian.',
        previous: { decreeNumber: '800.1.6.4/131/BKPSDM/2024', executedAt: wib('2024-11-25 09:00'), sanction: 'DEMOTION_12M', followUpStatus: 'AS_RECOMMENDED' },
      });
      given(corrected())
        .when(correctSanctionExecution({ decreeNumber: '800.1.6.4/140/BKPSDM/2024', executedAt: '2024-12-02T09:00:00+07:00', sanction: 'ALLOWANCE_CUT_12M', reason: 'Keberatan terlapor dikabulkan sebagian.' }))
        .then(lighterAgain);
      const hendra = (evolve(stateAfter(corrected()), lighterAgain) as OpenedCase).respondents[0];
      expect(hendra.followUpStatus).toBe('NOT_AS_RECOMMENDED');
      expect(hendra.executionCorrection?.corrections).toBe(2);
    });

    it('nor may its follow-up be declared impossible, nor the PPK be reprimanded: the track stays executed', () => {
      given(corrected()).when(declareFollowUpImpossible({ declaredAt: '2024-12-02T09:00:00+07:00' })).thenRejects('INVALID_TRANSITION', /stage SANCTION_EXECUTED/);
      given(corrected()).when(recordEscalation({ escalatedAt: '2024-12-02T09:00:00+07:00' })).thenRejects('INVALID_TRANSITION', /stage SANCTION_EXECUTED/);
    });
  });

  describe('when the decree was executed as recommended', () => {
    it('a decree recorded with the wrong date may still be corrected', () => {
      given(anExecutedCase('AS_RECOMMENDED'))
        .when(correctSanctionExecution({ decreeNumber: '800.1.6.4/117/BKPSDM/2024', executedAt: '2024-11-08T09:00:00+07:00', reason: 'Tanggal SK salah ketik.' }))
        .then(
          sanctionExecutionCorrected({
            decreeNumber: '800.1.6.4/117/BKPSDM/2024',
            executedAt: wib('2024-11-08 09:00'),
            reason: 'Tanggal SK salah ketik.',
            previous: { decreeNumber: '800.1.6.4/117/BKPSDM/2024', executedAt: wib('2024-11-11 09:00'), sanction: 'DEMOTION_12M', followUpStatus: 'AS_RECOMMENDED' },
          }),
        );
    });
  });
});
