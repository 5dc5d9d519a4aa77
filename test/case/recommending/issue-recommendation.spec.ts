import { issueRecommendation } from '../case-commands';
import { aPemiluCaseStudied, aReportedCase, aStudiedCase, recommendationIssued } from '../case-fixtures';
import { applied, given, wib } from '../given';

describe('recommending', () => {
  describe('when both respondents’ violations were proven', () => {
    it('Bawaslu recommends both respondents to BKN, and BKN’s decision falls due', () => {
      given(aStudiedCase())
        .when(issueRecommendation())
        .then(
          recommendationIssued({
            respondentIds: ['R1', 'R2'],
            recipient: 'BKN',
            letterNumber: '045/PP.01.02/K.SS-09/10/2024',
            issuedAt: wib('2024-10-02 09:00'),
            // The decision clock runs from the letter: the stub allows 14 days.
            decisionDueAt: wib('2024-10-16 09:00'),
            decisionDeadline: applied('PILKADA', 'SANCTION_DECISION'),
          }),
        );
    });

    it('Bawaslu may recommend Hendra now and Rina in a later letter', () => {
      const first = recommendationIssued({ respondentIds: ['R1'] });
      const later = { letterNumber: '051/PP.01.02/K.SS-09/10/2024', issuedAt: '2024-10-09T09:00:00+07:00' };
      given(aStudiedCase(), first)
        .when(issueRecommendation({ respondentIds: ['R2'], ...later }))
        .then(
          recommendationIssued({
            respondentIds: ['R2'],
            letterNumber: later.letterNumber,
            issuedAt: wib('2024-10-09 09:00'),
            decisionDueAt: wib('2024-10-23 09:00'),
          }),
        );
    });

    it('a respondent already recommended cannot be recommended again', () => {
      given(aStudiedCase(), recommendationIssued({ respondentIds: ['R1'] }))
        .when(issueRecommendation())
        .thenRejects('INVALID_TRANSITION', /respondent R1 is at stage RECOMMENDED/);
    });

    it.each([
      ['no respondent named', { respondentIds: [] }, /^respondentIds: /],
      ['Hendra named twice', { respondentIds: ['R1', 'R1'] }, /^respondentIds: .*repeat/],
      ['an empty letter number', { letterNumber: '  ' }, /^letterNumber: must not be empty/],
      ['a recipient other than KASN or BKN', { recipient: 'KEMENDAGRI' }, /^recipient: .*KASN, BKN/],
      ['a letter dated before the study', { issuedAt: '2024-09-30T13:00:00+07:00' }, /^issuedAt: .*before studiedAt/],
      ['a letter dated in the future', { issuedAt: '2025-01-16T09:00:00+07:00' }, /^issuedAt: .*future/],
    ])('is refused with %s', (_label, input, message) => {
      given(aStudiedCase()).when(issueRecommendation(input)).thenRejects('BAD_USER_INPUT', message);
    });

    it('a respondent the case does not name is not found', () => {
      given(aStudiedCase())
        .when(issueRecommendation({ respondentIds: ['R1', 'R3'] }))
        .thenRejects('NOT_FOUND', /has no respondent R3/);
    });
  });

  describe('when a respondent was not proven', () => {
    it.each(['NO_VIOLATION', 'FORWARDED'] as const)('recommending Rina, found %s, is an invalid transition', (outcome) => {
      given(aStudiedCase({ R1: 'VIOLATION', R2: outcome }))
        .when(issueRecommendation())
        .thenRejects('INVALID_TRANSITION', new RegExp(`respondent R2 is at stage ${outcome}; it needs stage STUDIED`));
    });

    it('Hendra alone may still be recommended', () => {
      given(aStudiedCase({ R1: 'VIOLATION', R2: 'NO_VIOLATION' }))
        .when(issueRecommendation({ respondentIds: ['R1'] }))
        .then(recommendationIssued({ respondentIds: ['R1'] }));
    });
  });

  describe('when the case has not been studied yet', () => {
    it('recommending is an invalid transition naming the stage', () => {
      given(aReportedCase())
        .when(issueRecommendation())
        .thenRejects('INVALID_TRANSITION', /respondent R1 is at stage REPORTED/);
    });
  });

  describe('when KASN still existed (before 24 Aug 2024)', () => {
    it('Bawaslu recommends a Pemilu 2024 case to KASN', () => {
      given(aPemiluCaseStudied())
        .when(issueRecommendation({ recipient: 'KASN', issuedAt: '2024-02-05T09:00:00+07:00' }))
        .then(
          recommendationIssued({
            recipient: 'KASN',
            issuedAt: wib('2024-02-05 09:00'),
            decisionDueAt: wib('2024-02-19 09:00'),
            decisionDeadline: applied('PEMILU', 'SANCTION_DECISION'),
          }),
        );
    });

    it('a letter to KASN dated on its last day, 23 Aug 2024 23:59 WIB, is accepted', () => {
      given(aPemiluCaseStudied())
        .when(issueRecommendation({ recipient: 'KASN', issuedAt: '2024-08-23T23:59:00+07:00' }))
        .then(
          recommendationIssued({
            recipient: 'KASN',
            issuedAt: wib('2024-08-23 23:59'),
            decisionDueAt: wib('2024-09-06 23:59'),
            decisionDeadline: applied('PEMILU', 'SANCTION_DECISION'),
          }),
        );
    });
  });

  describe('when KASN had been dissolved (from 24 Aug 2024)', () => {
    it('a recommendation to KASN is refused: its duties went to BKN', () => {
      given(aStudiedCase())
        .when(issueRecommendation({ recipient: 'KASN' }))
        .thenRejects('BAD_USER_INPUT', /^recipient: KASN stopped operating on 24 Aug 2024/);
    });

    it('a letter to KASN dated 24 Aug 2024 00:00 WIB is already too late', () => {
      given(aPemiluCaseStudied())
        .when(issueRecommendation({ recipient: 'KASN', issuedAt: '2024-08-24T00:00:00+07:00' }))
        .thenRejects('BAD_USER_INPUT', /^recipient: /);
    });
  });
});
