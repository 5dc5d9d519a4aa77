import type { RecordStudy } from '../../../src/case/studying/record-study';
import { recordStudy } from '../case-commands';
import { aReportedCase, aStudiedCase, bawaslu, caseStudied, CASE_ID, finding } from '../case-fixtures';
import { decide } from '../../../src/case/case';
import { applied, given, stateAfter, testContext, wib } from '../given';

type Findings = RecordStudy['input']['findings'];

describe('studying', () => {
  describe('when a case was reported', () => {
    it('Bawaslu records a proven violation for both respondents, and the recommendation falls due', () => {
      given(aReportedCase())
        .when(recordStudy())
        .then(
          caseStudied(
            { R1: 'VIOLATION', R2: 'VIOLATION' },
            {
              studiedAt: wib('2024-09-30 14:00'),
              findings: [
                { respondentId: 'R1', outcome: 'VIOLATION', violations: ['ACTIVE_SUPPORT_AT_CAMPAIGN'], note: null },
                { respondentId: 'R2', outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'], note: null },
              ],
              // The recommendation clock runs from the study: the stub allows 7 days.
              recommendationDueAt: wib('2024-10-07 14:00'),
              recommendationDeadline: applied('PILKADA', 'RECOMMENDATION'),
            },
          ),
        );
    });

    it('"terbukti melanggar" with no violation named is refused at that finding, naming the respondent', () => {
      const findings: Findings = [
        { respondentId: 'R1', outcome: 'VIOLATION', violations: ['ACTIVE_SUPPORT_AT_CAMPAIGN'] },
        { respondentId: 'R2', outcome: 'VIOLATION' },
      ];
      given(aReportedCase())
        .when(recordStudy({ findings }))
        .thenRejects('BAD_USER_INPUT', /^findings\[1\]\.violations: must name at least one proven violation for outcome VIOLATION \(R2\)$/);
    });

    it('an empty list of violations is refused like a missing one, and carries the key and the respondent', () => {
      const findings: Findings = [
        { respondentId: 'R1', outcome: 'VIOLATION', violations: [] },
        { respondentId: 'R2', outcome: 'NO_VIOLATION' },
      ];
      let refusal: unknown;
      try {
        decide(recordStudy({ findings }), stateAfter(aReportedCase()), testContext);
      } catch (e) {
        refusal = e;
      }
      expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'findings[0].violations', key: 'findings.violationsRequired', params: { respondentId: 'R1' } });
    });

    it('one proven and one forwarded to Sentra Gakkumdu: the recommendation still falls due', () => {
      const findings: Findings = [
        { respondentId: 'R1', outcome: 'VIOLATION', violations: ['ACTIVE_SUPPORT_AT_CAMPAIGN'] },
        { respondentId: 'R2', outcome: 'FORWARDED', note: 'Diteruskan ke Sentra Gakkumdu (Pasal 188 UU 1/2015)' },
      ];
      given(aReportedCase())
        .when(recordStudy({ findings }))
        .then(
          caseStudied(
            { R1: 'VIOLATION', R2: 'FORWARDED' },
            {
              findings: [
                finding('R1', 'VIOLATION'),
                { ...finding('R2', 'FORWARDED'), note: 'Diteruskan ke Sentra Gakkumdu (Pasal 188 UU 1/2015)' },
              ],
              recommendationDueAt: wib('2024-10-07 14:00'),
            },
          ),
        );
    });

    it('a study that proves nothing records the not-proven finding and sets no due date', () => {
      const findings: Findings = [
        { respondentId: 'R1', outcome: 'NO_VIOLATION', note: 'Tidak terbukti: hadir sebagai undangan resmi' },
        { respondentId: 'R2', outcome: 'NO_VIOLATION' },
      ];
      given(aReportedCase())
        .when(recordStudy({ findings }))
        .then(
          caseStudied(
            { R1: 'NO_VIOLATION', R2: 'NO_VIOLATION' },
            {
              findings: [{ ...finding('R1', 'NO_VIOLATION'), note: 'Tidak terbukti: hadir sebagai undangan resmi' }, finding('R2', 'NO_VIOLATION')],
              recommendationDueAt: null,
              recommendationDeadline: null,
            },
          ),
        );
    });

    it('the provincial Bawaslu may record the study of a case in one of its cities', () => {
      given(aReportedCase()).when(recordStudy({ by: bawaslu('16') })).then(caseStudied());
    });

    it('Bawaslu Prabumulih, which cannot read a Lubuk Linggau case, finds no such case', () => {
      given(aReportedCase()).when(recordStudy({ by: bawaslu('16.74') })).thenRejects('NOT_FOUND', /^no case /);
    });

    describe('the findings it refuses', () => {
      const proven = (respondentId: string) => ({ respondentId, outcome: 'VIOLATION', violations: ['ACTIVE_SUPPORT_AT_CAMPAIGN'] });
      const REFUSED: Array<[string, Partial<RecordStudy['input']>, RegExp]> = [
        ['no findings', { findings: [] }, /^findings: /],
        ['a finding for Hendra only, not covering Rina', { findings: [proven('R1')] }, /^findings: must cover every respondent; missing R2$/],
        ['Hendra twice', { findings: [proven('R1'), proven('R1'), proven('R2')] }, /^findings\[1\]\.respondentId: .*twice/],
        ['an unknown outcome', { findings: [proven('R1'), { respondentId: 'R2', outcome: 'DISMISSED' }] }, /^findings\[1\]\.outcome: /],
        [
          'violations named for a respondent not proven',
          { findings: [proven('R1'), { respondentId: 'R2', outcome: 'NO_VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'] }] },
          /^findings\[1\]\.violations: .*NO_VIOLATION/,
        ],
        ['a violation not in the catalogue', { findings: [{ ...proven('R1'), violations: ['GOSSIP'] }, proven('R2')] }, /^findings\[0\]\.violations\[0\]: /],
        ['a study dated before the case was received', { studiedAt: '2024-09-26T14:00:00+07:00' }, /^studiedAt: .*before receivedAt/],
        ['a study dated in the future', { studiedAt: '2025-01-20T14:00:00+07:00' }, /^studiedAt: .*future/],
      ];

      it.each(REFUSED)('%s', (_label, input, message) => {
        given(aReportedCase()).when(recordStudy(input)).thenRejects('BAD_USER_INPUT', message);
      });

      it('a finding about someone the case does not name is not found', () => {
        const findings: Findings = [proven('R1'), proven('R2'), proven('R9')];
        given(aReportedCase()).when(recordStudy({ findings })).thenRejects('NOT_FOUND', /has no respondent R9/);
      });
    });
  });

  describe('when there is no such case', () => {
    it('the study is not found', () => {
      given().when(recordStudy()).thenRejects('NOT_FOUND', new RegExp(`no case ${CASE_ID}`));
    });
  });

  describe('when the case was already studied', () => {
    it('a second study is an invalid transition naming the stage', () => {
      given(aStudiedCase()).when(recordStudy()).thenRejects('INVALID_TRANSITION', /case is at stage STUDIED.*studied once/);
    });

    it('even when nothing was proven and the case is closed', () => {
      given(aStudiedCase({ R1: 'NO_VIOLATION', R2: 'FORWARDED' }))
        .when(recordStudy())
        .thenRejects('INVALID_TRANSITION', /case is at stage CLOSED/);
    });
  });
});
