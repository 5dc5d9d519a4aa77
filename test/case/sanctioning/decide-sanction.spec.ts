import { clearRespondent, decideSanction } from '../case-commands';
import {
  aPemiluCaseRecommendedToKasn,
  aRecommendedCase,
  aSanctionedCase,
  aStudiedCase,
  kasn,
  PPK_LUBUK_LINGGAU,
  respondentCleared,
  sanctionDecided,
} from '../case-fixtures';
import { applied, given, wib } from '../given';

describe('sanctioning', () => {
  describe('when the respondent was recommended', () => {
    it('BKN recommends a sanction to the PPK with a due date', () => {
      given(aRecommendedCase())
        .when(decideSanction())
        .then(
          sanctionDecided({
            respondentId: 'R1',
            decidedBy: 'BKN',
            letterNumber: 'B-2817/JP.01/10/2024',
            decidedAt: wib('2024-10-14 10:00'),
            sanction: 'DEMOTION_12M',
            ppk: { title: 'Walikota Lubuk Linggau', regionCode: '16.73' },
            // The execution clock runs from BKN's letter: the stub allows 30 days.
            dueAt: wib('2024-11-13 10:00'),
            deadline: applied('PILKADA', 'EXECUTION'),
          }),
        );
    });

    it('a due date set in BKN’s letter is kept, and no policy is recorded for it', () => {
      given(aRecommendedCase())
        .when(decideSanction({ dueAt: '2024-11-29T23:59:00+07:00' }))
        .then(sanctionDecided({ dueAt: wib('2024-11-29 23:59'), deadline: null }));
    });

    it('BKN recommends Rina an open moral sanction while Hendra still waits', () => {
      given(aRecommendedCase())
        .when(decideSanction({ respondentId: 'R2', letterNumber: 'B-2818/JP.01/10/2024', sanction: 'MORAL_OPEN' }))
        .then(sanctionDecided({ respondentId: 'R2', letterNumber: 'B-2818/JP.01/10/2024', sanction: 'MORAL_OPEN' }));
    });

    it('BKN clears the respondent', () => {
      given(aRecommendedCase())
        .when(clearRespondent())
        .then(respondentCleared({ respondentId: 'R1', decidedBy: 'BKN', letterNumber: 'B-2819/JP.01/10/2024', decidedAt: wib('2024-10-14 10:00') }));
    });

    it.each([
      ['a sanction not in PP 94/2021 or PP 42/2004', { sanction: 'SUSPENSION' }, /^sanction: must be one of MORAL_CLOSED, /],
      ['no sanction for a SANCTION decision', { sanction: null }, /^sanction: /],
      ['no PPK to address it to', { ppk: null }, /^ppk: .*PPK/],
      ['a PPK without a title', { ppk: { ...PPK_LUBUK_LINGGAU, title: '' } }, /^ppk\.title: /],
      ['a BPS-style PPK region 1673', { ppk: { ...PPK_LUBUK_LINGGAU, regionCode: '1673' } }, /^ppk\.regionCode: .*BPS/],
      ['an unknown PPK region', { ppk: { ...PPK_LUBUK_LINGGAU, regionCode: '16.99' } }, /^ppk\.regionCode: .*not in the Kemendagri list/],
      ['a district as PPK region', { ppk: { ...PPK_LUBUK_LINGGAU, regionCode: '16.73.02' } }, /^ppk\.regionCode: .*district/],
      ['a due date not after the decision', { dueAt: '2024-10-14T10:00:00+07:00' }, /^dueAt: must be after decidedAt/],
      ['a due date that is no date', { dueAt: 'bulan depan' }, /^dueAt: /],
      ['a decision dated before the recommendation', { decidedAt: '2024-10-01T10:00:00+07:00' }, /^decidedAt: .*before issuedAt/],
      ['a decision dated in the future', { decidedAt: '2025-02-01T10:00:00+07:00' }, /^decidedAt: .*future/],
      ['an empty letter number', { letterNumber: '' }, /^letterNumber: must not be empty/],
      ['a decision other than SANCTION or CLEAR', { decision: 'WARN' }, /^decision: /],
    ])('is refused with %s', (_label, input, message) => {
      given(aRecommendedCase()).when(decideSanction(input)).thenRejects('BAD_USER_INPUT', message);
    });

    it.each([
      ['a sanction', { sanction: 'MORAL_OPEN' }, /^sanction: .*CLEAR/],
      ['a PPK', { ppk: PPK_LUBUK_LINGGAU }, /^ppk: .*CLEAR/],
      ['a due date', { dueAt: '2024-11-29T23:59:00+07:00' }, /^dueAt: .*CLEAR/],
    ])('clearing is refused when it names %s', (_label, input, message) => {
      given(aRecommendedCase()).when(clearRespondent(input)).thenRejects('BAD_USER_INPUT', message);
    });

    it('a respondent the case does not name is not found', () => {
      given(aRecommendedCase()).when(decideSanction({ respondentId: 'R7' })).thenRejects('NOT_FOUND', /has no respondent R7/);
    });
  });

  describe('when the respondent was not yet recommended', () => {
    it('deciding is an invalid transition naming the stage', () => {
      given(aStudiedCase())
        .when(decideSanction())
        .thenRejects('INVALID_TRANSITION', /respondent R1 is at stage STUDIED; it needs stage RECOMMENDED/);
    });
  });

  describe('when a sanction was already decided', () => {
    it('a second decision is an invalid transition', () => {
      given(aSanctionedCase()).when(decideSanction()).thenRejects('INVALID_TRANSITION', /respondent R1 is at stage SANCTION_DECIDED/);
    });

    it('clearing afterwards is an invalid transition too', () => {
      given(aSanctionedCase()).when(clearRespondent()).thenRejects('INVALID_TRANSITION', /respondent R1 is at stage SANCTION_DECIDED/);
    });
  });

  describe('when KASN still existed (before 24 Aug 2024)', () => {
    it('KASN recommends a sanction to the PPK', () => {
      given(aPemiluCaseRecommendedToKasn())
        .when(decideSanction({ by: kasn(), decidedAt: '2024-03-11T10:00:00+07:00' }))
        .then(
          sanctionDecided({
            decidedBy: 'KASN',
            decidedAt: wib('2024-03-11 10:00'),
            dueAt: wib('2024-04-10 10:00'),
            deadline: applied('PEMILU', 'EXECUTION'),
          }),
        );
    });

    it('KASN may still decide on 23 Aug 2024 at 23:59 WIB', () => {
      given(aPemiluCaseRecommendedToKasn())
        .when(clearRespondent({ by: kasn(), decidedAt: '2024-08-23T23:59:00+07:00' }))
        .then(respondentCleared({ decidedBy: 'KASN', decidedAt: wib('2024-08-23 23:59') }));
    });
  });

  describe('when KASN had been dissolved (from 24 Aug 2024)', () => {
    it('KASN may no longer decide', () => {
      given(aPemiluCaseRecommendedToKasn())
        .when(decideSanction({ by: kasn(), decidedAt: '2024-08-24T00:00:00+07:00' }))
        .thenRejects('FORBIDDEN', /KASN may only decide before 24 Aug 2024/);
    });

    it('BKN decides the recommendation that was addressed to KASN', () => {
      given(aPemiluCaseRecommendedToKasn())
        .when(decideSanction({ decidedAt: '2024-09-02T10:00:00+07:00' }))
        .then(
          sanctionDecided({
            decidedBy: 'BKN',
            decidedAt: wib('2024-09-02 10:00'),
            dueAt: wib('2024-10-02 10:00'),
            deadline: applied('PEMILU', 'EXECUTION'),
          }),
        );
    });
  });
});
