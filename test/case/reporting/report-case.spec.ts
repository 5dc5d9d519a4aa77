import type { ReportCase } from '../../../src/case/reporting/report-case';
import { reportCase } from '../case-commands';
import { aReportedCase, caseReported, HENDRA, PILKADA_LUBUK_LINGGAU, REPORTER, RINA } from '../case-fixtures';
import { applied, given, stubRegisterNumber, wib } from '../given';

type Input = Partial<ReportCase['input']>;

describe('reporting', () => {
  describe('when a citizen reports a violation (laporan)', () => {
    it('Bawaslu Lubuk Linggau opens the case naming both respondents, the reporter, and when the study is due', () => {
      given()
        .when(reportCase())
        .then(
          caseReported({
            registerNumber: stubRegisterNumber('REPORT', '16.73', wib('2024-09-27 10:00')),
            receivedAt: wib('2024-09-27 10:00'),
            knownAt: wib('2024-09-26 08:00'),
            occurredAt: wib('2024-09-25 09:00'),
            respondents: [
              { respondentId: 'R1', ...HENDRA },
              { respondentId: 'R2', ...RINA },
            ],
            reporter: REPORTER,
            // The study clock runs from receipt: the stub allows 3 days for a Pilkada STUDY.
            studyDueAt: wib('2024-09-30 10:00'),
            studyDeadline: applied('PILKADA', 'STUDY'),
          }),
        );
    });

    it('keeps the register number the officer copied from the paper register', () => {
      given()
        .when(reportCase({ registerNumber: '014/Reg/LP/PB/Kota/06.16.73/IX/2024' }))
        .then(caseReported({ registerNumber: '014/Reg/LP/PB/Kota/06.16.73/IX/2024' }));
    });

    it('reads a date typed without a time as midnight WIB, and trims what officers type', () => {
      given()
        .when(reportCase({ receivedAt: '2024-09-27', summary: '  Deklarasi paslon.  ', place: '   ' }))
        .then(
          caseReported({
            registerNumber: stubRegisterNumber('REPORT', '16.73', wib('2024-09-27 00:00')),
            receivedAt: wib('2024-09-27 00:00'),
            summary: 'Deklarasi paslon.',
            place: null,
            studyDueAt: wib('2024-09-30 00:00'),
          }),
        );
    });

    it('accepts a village head, who has no NIP, as a respondent', () => {
      const kades = { name: 'Sukirman', nip: null, employment: 'VILLAGE_HEAD', position: 'Kepala Desa', institution: 'Desa Air Kuti', institutionRegionCode: null } as const;
      given()
        .when(reportCase({ respondents: [{ ...HENDRA }, kades] }))
        .then(caseReported({ respondents: [{ respondentId: 'R1', ...HENDRA }, { respondentId: 'R2', ...kades }] }));
    });

    it('is refused without the reporter’s identity, which a laporan cannot do without', () => {
      given().when(reportCase({ reporter: null })).thenRejects('BAD_USER_INPUT', /^reporter: .*laporan/);
    });
  });

  describe('when Bawaslu makes its own finding (temuan)', () => {
    it('opens the case with no outside reporter', () => {
      given()
        .when(reportCase({ source: 'FINDING', reporter: null }))
        .then(
          caseReported({
            source: 'FINDING',
            reporter: null,
            registerNumber: stubRegisterNumber('FINDING', '16.73', wib('2024-09-27 10:00')),
          }),
        );
    });

    it('is refused when it names a reporter', () => {
      given().when(reportCase({ source: 'FINDING' })).thenRejects('BAD_USER_INPUT', /^reporter: .*temuan/);
    });
  });

  describe('when the case was already reported', () => {
    it('reporting it again is an invalid transition naming the stage', () => {
      given(aReportedCase()).when(reportCase()).thenRejects('INVALID_TRANSITION', /already exists: case is at stage REPORTED/);
    });
  });

  describe('the input Bawaslu must correct before the case opens', () => {
    const withRespondent = (i: 0 | 1, change: Record<string, unknown>): Input => {
      const respondents = [{ ...HENDRA }, { ...RINA }] as Array<Record<string, unknown>>;
      respondents[i] = { ...respondents[i], ...change };
      return { respondents: respondents as ReportCase['input']['respondents'] };
    };

    const REFUSED: Array<[string, Input, RegExp]> = [
      ['no respondent at all', { respondents: [] }, /^respondents: /],
      ['a NIP of 17 digits', withRespondent(1, { nip: '19900715201503200' }), /^respondents\[1\]\.nip: .*18 digits/],
      ['a NIP with spaces', withRespondent(1, { nip: '19900715 201503 2 001' }), /^respondents\[1\]\.nip: .*without spaces/],
      ['a NIP born on 30 February', withRespondent(1, { nip: '199002302015032001' }), /^respondents\[1\]\.nip: .*not a real date/],
      ['a NIP with sex digit 3', withRespondent(0, { nip: '198503302010123002' }), /^respondents\[0\]\.nip: .*sex digit/],
      ['a NIP appointed before the 18th birthday', withRespondent(0, { nip: '198503301999121002' }), /^respondents\[0\]\.nip: .*18th birthday/],
      ['the same NIP for both respondents', withRespondent(1, { nip: HENDRA.nip }), /^respondents\[1\]\.nip: .*same person/],
      ['a respondent without a name', withRespondent(1, { name: ' ' }), /^respondents\[1\]\.name: /],
      ['an unknown employment', withRespondent(0, { employment: 'HONORER' }), /^respondents\[0\]\.employment: /],
      ['an unknown institution region', withRespondent(0, { institutionRegionCode: '16.99' }), /^respondents\[0\]\.institutionRegionCode: /],
      ['an unknown handling unit', { handlingUnit: '16.99' }, /^handlingUnit: .*not in the Kemendagri list/],
      ['a BPS-style handling unit 1673', { handlingUnit: '1673' }, /^handlingUnit: .*BPS/],
      ['an unknown electoral region', { election: { ...PILKADA_LUBUK_LINGGAU, regionCode: '16.99' } }, /^election\.regionCode: /],
      ['a district as electoral region', { election: { ...PILKADA_LUBUK_LINGGAU, regionCode: '16.73.02' } }, /^election\.regionCode: .*district/],
      ['an unknown election kind', { election: { ...PILKADA_LUBUK_LINGGAU, kind: 'PILPRES' } }, /^election\.kind: /],
      ['an implausible election year', { election: { ...PILKADA_LUBUK_LINGGAU, year: 1999 } }, /^election\.year: /],
      ['knownAt before occurredAt', { knownAt: '2024-09-24T08:00:00+07:00' }, /^knownAt: .*before occurredAt/],
      ['receivedAt before knownAt', { receivedAt: '2024-09-25T10:00:00+07:00' }, /^receivedAt: .*before knownAt/],
      ['receivedAt in the future', { receivedAt: '2025-01-16T10:00:00+07:00' }, /^receivedAt: .*future/],
      ['occurredAt in the future', { occurredAt: '2025-02-01T09:00:00+07:00' }, /^occurredAt: .*future/],
      ['a time without a time zone', { receivedAt: '2024-09-27T10:00:00' }, /^receivedAt: .*time zone/],
      ['an empty summary', { summary: '   ' }, /^summary: /],
      ['no violation named', { violations: [] }, /^violations: /],
      ['a violation not in the catalogue', { violations: ['LIKING_A_POST'] }, /^violations\[0\]: /],
      ['an unknown source', { source: 'ANONYMOUS' }, /^source: /],
      ['a reporter without a name', { reporter: { ...REPORTER, name: '' } }, /^reporter\.name: /],
      ['a reporter e-mail that is no address', { reporter: { ...REPORTER, email: 'dedi at example' } }, /^reporter\.email: /],
      ['an empty evidence entry', { evidence: ['Foto', ''] }, /^evidence\[1\]: /],
    ];

    it.each(REFUSED)('%s is refused, naming the field', (_label, input, message) => {
      given().when(reportCase(input)).thenRejects('BAD_USER_INPUT', message);
    });
  });
});
