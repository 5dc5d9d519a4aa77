import { stateAfter, given, NOW, wib } from '../given';
import {
  aCaseWithFollowUpImpossible,
  aClearedCase,
  anExecutedCase,
  anOverdueCase,
  aRecommendedCase,
  aReportedCase,
  aSanctionedCase,
  aStudiedCase,
  bawaslu,
  bkn,
  deadlineExtended,
  overdueWithdrawn,
  kasn,
  kemendagri,
  ppk,
} from '../case-fixtures';
import { extendDeadline } from '../case-commands';
import { findTrack, type OpenedCase } from '../../../src/case/case-state';

const extendedNow = (data: Parameters<typeof deadlineExtended>[0] = {}) => deadlineExtended({ extendedAt: NOW.toISOString(), ...data });
const BASIS = 'UU 1/2015 Pasal 134 ayat (3): tambahan 2 hari untuk keterangan tambahan';

describe('extending a deadline', () => {
  describe('when Bawaslu studies a report (STUDY)', () => {
    const study = { newDueAt: '2024-10-02T10:00:00+07:00', legalBasis: BASIS };
    const extended = extendedNow({ step: 'STUDY', previousDueAt: wib('2024-09-30 10:00'), dueAt: wib('2024-10-02 10:00'), legalBasis: BASIS, extendedBy: 'BAWASLU' });

    it('the handling Bawaslu unit extends its own study, with the legal basis', () => {
      given(aReportedCase()).when(extendDeadline({ by: bawaslu('16.73'), ...study })).then(extended);
    });

    it('a Bawaslu unit above it may too', () => {
      given(aReportedCase()).when(extendDeadline({ by: bawaslu('16'), ...study })).then(extended);
    });

    it('a Bawaslu unit of another region, which cannot read the case, finds no such case', () => {
      given(aReportedCase()).when(extendDeadline({ by: bawaslu('16.74'), ...study })).thenRejects('NOT_FOUND', /^no case /);
    });

    it('BKN may not extend Bawaslu’s study', () => {
      given(aReportedCase()).when(extendDeadline({ by: bkn(), ...study })).thenRejects('FORBIDDEN', /may not extend the STUDY deadline; only BAWASLU/);
    });

    it('an extension must name its legal basis', () => {
      given(aReportedCase()).when(extendDeadline({ by: bawaslu('16.73'), ...study, legalBasis: ' ' })).thenRejects('BAD_USER_INPUT', /^legalBasis: /);
    });

    it('an extension must move the due time later', () => {
      given(aReportedCase())
        .when(extendDeadline({ by: bawaslu('16.73'), ...study, newDueAt: '2024-09-29T10:00:00+07:00' }))
        .thenRejects('BAD_USER_INPUT', /^newDueAt: an extension must be later than the current due time 2024-09-30 10:00 WIB/);
    });

    it('a new due time without a time zone is refused', () => {
      given(aReportedCase()).when(extendDeadline({ by: bawaslu('16.73'), ...study, newDueAt: '2024-10-02T10:00' })).thenRejects('BAD_USER_INPUT', /^newDueAt: /);
    });
  });

  describe('when Bawaslu owes its recommendation (RECOMMENDATION)', () => {
    it('the handling Bawaslu unit extends it', () => {
      given(aStudiedCase())
        .when(extendDeadline({ by: bawaslu('16.73'), newDueAt: '2024-10-10T14:00:00+07:00' }))
        .then(extendedNow({ step: 'RECOMMENDATION', previousDueAt: wib('2024-10-07 14:00'), dueAt: wib('2024-10-10 14:00'), extendedBy: 'BAWASLU' }));
    });
  });

  describe('when BKN owes its decision (SANCTION_DECISION)', () => {
    it('BKN extends it', () => {
      given(aRecommendedCase())
        .when(extendDeadline({ newDueAt: '2024-10-23T09:00:00+07:00' }))
        .then(extendedNow({ step: 'SANCTION_DECISION', previousDueAt: wib('2024-10-16 09:00'), dueAt: wib('2024-10-23 09:00') }));
    });

    it('Bawaslu may not extend BKN’s decision', () => {
      given(aRecommendedCase()).when(extendDeadline({ by: bawaslu('16.73') })).thenRejects('FORBIDDEN', /SANCTION_DECISION deadline; only BKN/);
    });

    it('KASN, dissolved on 24 Aug 2024, no longer extends anything', () => {
      given(aRecommendedCase()).when(extendDeadline({ by: kasn() })).thenRejects('FORBIDDEN', /KASN may not extendDeadline/);
    });
  });

  describe('when the sanction waits on the PPK (EXECUTION)', () => {
    it('BKN, whose letter set the due time, extends it', () => {
      given(aSanctionedCase()).when(extendDeadline()).then(extendedNow());
    });

    it('the PPK may not extend its own deadline', () => {
      given(aSanctionedCase()).when(extendDeadline({ by: ppk('16.73') })).thenRejects('FORBIDDEN', /PPK may not extendDeadline; only BAWASLU or BKN/);
    });

    it('other agencies may not either', () => {
      given(aSanctionedCase()).when(extendDeadline({ by: kemendagri() })).thenRejects('FORBIDDEN', /may not extendDeadline/);
    });

    it('an extension clears the overdue record: the track is on time until the new due time', () => {
      const state = stateAfter(anOverdueCase()) as OpenedCase;
      expect(findTrack(state, 'R1')).toMatchObject({ overdueSince: wib('2024-11-13 10:00'), overdueFor: 'EXECUTION' });
      const after = stateAfter(anOverdueCase(), extendedNow()) as OpenedCase;
      expect(findTrack(after, 'R1')).toMatchObject({ dueAt: wib('2024-12-13 10:00'), overdueSince: null, overdueFor: null });
    });

    it('an overdue step can still be extended, and its overdue record is withdrawn', () => {
      given(anOverdueCase())
        .when(extendDeadline())
        .then(
          extendedNow(),
          overdueWithdrawn({ reason: 'DEADLINE_EXTENDED', explanation: `the due time was extended to 2024-12-13 10:00 WIB: ${extendedNow().data.legalBasis}` }),
        );
    });
  });

  describe('when nobody has to act any more', () => {
    it.each([
      ['SANCTION_EXECUTED', anExecutedCase],
      ['CLEARED', aClearedCase],
      ['FOLLOW_UP_IMPOSSIBLE', aCaseWithFollowUpImpossible],
      ['NO_VIOLATION', () => aStudiedCase({ R1: 'NO_VIOLATION', R2: 'VIOLATION' })],
    ])('a track at %s has no deadline to extend', (stage, history) => {
      given(history()).when(extendDeadline()).thenRejects('INVALID_TRANSITION', new RegExp(`respondent R1 is at stage ${stage}`));
    });
  });

  it('a case that was never reported is not found', () => {
    given().when(extendDeadline()).thenRejects('NOT_FOUND', /no case/);
  });

  it('a respondent the case does not name is not found', () => {
    given(aSanctionedCase()).when(extendDeadline({ respondentId: 'R9' })).thenRejects('NOT_FOUND', /no respondent R9/);
  });
});
