import { declareFollowUpImpossible } from '../case-commands';
import {
  aCaseWithFollowUpImpossible,
  aClearedCase,
  aLighterExecution,
  anExecutedCase,
  aRecommendedCase,
  aSanctionedCase,
  aStudiedCase,
  bawaslu,
  bkn,
  followUpDeclaredImpossible,
  kasn,
  ppk,
} from '../case-fixtures';
import { given, wib } from '../given';

/** BPK's "tidak dapat ditindaklanjuti": a valid reason the recommendation cannot be acted on. */
describe('declaring follow-up impossible', () => {
  describe('when a sanction was decided', () => {
    it('the PPK declares that the respondent died', () => {
      given(aSanctionedCase())
        .when(declareFollowUpImpossible())
        .then(
          followUpDeclaredImpossible({
            respondentId: 'R1',
            reason: 'DECEASED',
            note: 'Meninggal dunia 3 November 2024; akta kematian terlampir.',
            declaredAt: wib('2024-11-11 09:00'),
            declaredBy: 'PPK',
          }),
        );
    });

    it('BKN may declare it in the PPK’s stead', () => {
      given(aSanctionedCase())
        .when(declareFollowUpImpossible({ by: bkn(), reason: 'COURT_PROCESS', note: 'Gugatan di PTUN Palembang' }))
        .then(followUpDeclaredImpossible({ reason: 'COURT_PROCESS', note: 'Gugatan di PTUN Palembang', declaredBy: 'BKN' }));
    });

    it('the Walikota Prabumulih (16.74), who cannot read a Lubuk Linggau (16.73) case, finds no such case', () => {
      given(aSanctionedCase())
        .when(declareFollowUpImpossible({ by: ppk('16.74') }))
        .thenRejects('NOT_FOUND', /^no case /);
    });

    it.each([
      ['KASN', kasn()],
      ['Bawaslu', bawaslu('16.73')],
    ])('%s may not declare it', (_label, by) => {
      given(aSanctionedCase()).when(declareFollowUpImpossible({ by })).thenRejects('FORBIDDEN', /may not declareFollowUpImpossible/);
    });

    it.each([
      ['a reason not in the list', { reason: 'TRANSFERRED' }, /^reason: must be one of DECEASED, /],
      ['no note', { note: '' }, /^note: must not be empty/],
      ['a date before BKN’s decision', { declaredAt: '2024-10-13T09:00:00+07:00' }, /^declaredAt: .*before the start of the current stage/],
      ['a date in the future', { declaredAt: '2025-03-01T09:00:00+07:00' }, /^declaredAt: .*future/],
    ])('is refused with %s', (_label, input, message) => {
      given(aSanctionedCase()).when(declareFollowUpImpossible(input)).thenRejects('BAD_USER_INPUT', message);
    });

    it('a respondent the case does not name is not found', () => {
      given(aSanctionedCase()).when(declareFollowUpImpossible({ respondentId: 'R4' })).thenRejects('NOT_FOUND', /has no respondent R4/);
    });
  });

  describe('when the respondent was recommended and BKN has not decided', () => {
    it('BKN declares it (the respondent retired before a decision)', () => {
      given(aRecommendedCase())
        .when(declareFollowUpImpossible({ by: bkn(), reason: 'RETIRED', note: 'Pensiun dini per 1 Oktober 2024', declaredAt: '2024-10-10T09:00:00+07:00' }))
        .then(
          followUpDeclaredImpossible({
            reason: 'RETIRED',
            note: 'Pensiun dini per 1 Oktober 2024',
            declaredAt: wib('2024-10-10 09:00'),
            declaredBy: 'BKN',
          }),
        );
    });

    it('BKN may not date it before Bawaslu’s recommendation', () => {
      given(aRecommendedCase())
        .when(declareFollowUpImpossible({ by: bkn(), declaredAt: '2024-10-01T09:00:00+07:00' }))
        .thenRejects('BAD_USER_INPUT', /^declaredAt: /);
    });

    it('the PPK may not: no sanction was addressed to it yet', () => {
      given(aRecommendedCase()).when(declareFollowUpImpossible()).thenRejects('FORBIDDEN', /only for a sanction addressed to it/);
    });
  });

  describe('when nothing is left to follow up', () => {
    it.each([
      ['a respondent only studied', aStudiedCase(), bkn(), 'STUDIED'],
      ['a cleared respondent', aClearedCase(), bkn(), 'CLEARED'],
      ['a sanction executed as recommended', anExecutedCase('AS_RECOMMENDED'), ppk('16.73'), 'SANCTION_EXECUTED'],
      ['a sanction executed not as recommended', [...aSanctionedCase(), aLighterExecution()], ppk('16.73'), 'SANCTION_EXECUTED'],
      ['a follow-up already declared impossible', aCaseWithFollowUpImpossible(), bkn(), 'FOLLOW_UP_IMPOSSIBLE'],
    ])('declaring it for %s is an invalid transition', (_label, history, by, stage) => {
      given(history)
        .when(declareFollowUpImpossible({ by, declaredAt: '2024-12-02T09:00:00+07:00' }))
        .thenRejects('INVALID_TRANSITION', new RegExp(`respondent R1 is at stage ${stage}`));
    });
  });
});
