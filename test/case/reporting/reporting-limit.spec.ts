import { decide, initialState } from '../../../src/case/case';
import { CaseError } from '../../../src/case/case-error';
import { reportCase } from '../case-commands';
import { caseReported, PILKADA_LUBUK_LINGGAU } from '../case-fixtures';
import { given, stubRegisterNumber, testContext, wib } from '../given';

const PEMILU = { kind: 'PEMILU', year: 2024, regionCode: '16.73' } as const;
const FINDING = { source: 'FINDING', reporter: null } as const;

/** The refusal `decide` throws, to read its field and params. */
function refusal(command: ReturnType<typeof reportCase>): CaseError {
  try {
    decide(command, initialState(), testContext);
  } catch (error) {
    if (error instanceof CaseError) return error;
    throw error;
  }
  throw new Error('the command was accepted');
}

/**
 * The reporting limit (shared/DOMAIN.md §4; the default deadline policy): a laporan within 7 days of
 * the violation becoming known for Pilkada (UU 1/2015 Pasal 134), 7 working days for Pemilu (UU 7/2017
 * Pasal 454); a Pemilu temuan within 7 days of being found. Counted in WIB days after the day of knownAt.
 */
describe('the reporting limit', () => {
  describe('for a Pilkada report (laporan): 7 days after knownAt (26 Sep 2024 08:00 WIB), so until 3 Oct 23:59 WIB', () => {
    it('a report received on the last day is registered', () => {
      given().when(reportCase({ receivedAt: '2024-10-03T23:00:00+07:00' })).then(
        caseReported({
          receivedAt: wib('2024-10-03 23:00'),
          registerNumber: stubRegisterNumber('REPORT', '16.73', wib('2024-10-03 23:00')),
          studyDueAt: new Date(Date.parse(wib('2024-10-03 23:00')) + 3 * 86_400_000).toISOString(),
        }),
      );
    });

    it('a report received the next day is refused naming receivedAt and the limit', () => {
      given()
        .when(reportCase({ receivedAt: '2024-10-04T00:00:00+07:00' }))
        .thenRejects('BAD_USER_INPUT', /^receivedAt: is after the reporting limit 2024-10-03 23:59 WIB: a report \(laporan\) in a PILKADA is registered within 7 days of knownAt .*Pasal 134.*source FINDING with originalReport/);
    });

    it('the refusal carries the limit and the rule in its params', () => {
      const error = refusal(reportCase({ receivedAt: '2024-11-05T10:00:00+07:00' }));
      expect({ code: error.code, field: error.field, params: error.params }).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'receivedAt',
        params: {
          limitAt: '2024-10-03T16:59:59.999Z',
          receivedAt: wib('2024-11-05 10:00'),
          clockFrom: wib('2024-09-26 08:00'),
          clockField: 'knownAt',
          days: 7,
          unit: 'CALENDAR',
          source: 'REPORT',
          electionKind: 'PILKADA',
          policyVersion: 'default-2025.1',
        },
      });
    });

    it('a finding (temuan) 40 days after knownAt is not bound by it: no Pilkada limit for findings was found', () => {
      given()
        .when(reportCase({ ...FINDING, receivedAt: '2024-11-05T10:00:00+07:00' }))
        .then(
          caseReported({
            source: 'FINDING',
            reporter: null,
            receivedAt: wib('2024-11-05 10:00'),
            registerNumber: stubRegisterNumber('FINDING', '16.73', wib('2024-11-05 10:00')),
            studyDueAt: wib('2024-11-08 10:00'),
          }),
        );
    });

    it('Bawaslu registers the out-of-time report explicitly as its finding, and the event says so', () => {
      given()
        .when(reportCase({ ...FINDING, receivedAt: '2024-11-06T09:00:00+07:00', originalReport: { receivedAt: '2024-11-05T10:00:00+07:00', reference: '021/LP/PB/Kota/06.16.73/XI/2024' } }))
        .then(
          caseReported({
            source: 'FINDING',
            reporter: null,
            receivedAt: wib('2024-11-06 09:00'),
            registerNumber: stubRegisterNumber('FINDING', '16.73', wib('2024-11-06 09:00')),
            studyDueAt: wib('2024-11-09 09:00'),
            originalReport: { receivedAt: wib('2024-11-05 10:00'), reference: '021/LP/PB/Kota/06.16.73/XI/2024' },
          }),
        );
    });
  });

  describe('for a Pemilu report: 7 working days after knownAt (Wed 7 Feb 2024), skipping Isra Mikraj, Imlek leave, the weekends and voting day 14 Feb: until 21 Feb', () => {
    const pemilu = (input: Parameters<typeof reportCase>[0]) =>
      reportCase({ election: { ...PEMILU }, occurredAt: '2024-02-06T09:00:00+07:00', knownAt: '2024-02-07T10:00:00+07:00', ...input });

    it('a report received on 21 Feb, 14 calendar days later, is registered', () => {
      expect(decide(pemilu({ receivedAt: '2024-02-21T18:00:00+07:00' }), initialState(), testContext)).toHaveLength(1);
    });

    it('a report received on 22 Feb is refused, with the working-day limit in its params', () => {
      const error = refusal(pemilu({ receivedAt: '2024-02-22T08:00:00+07:00' }));
      expect(error.message).toMatch(/^receivedAt: is after the reporting limit 2024-02-21 23:59 WIB: .* within 7 working days of knownAt/);
      expect(error.params).toMatchObject({ limitAt: '2024-02-21T16:59:59.999Z', days: 7, unit: 'WORKING', electionKind: 'PEMILU' });
    });

    it('a Pemilu finding has 7 calendar days: 14 Feb is in time, 15 Feb is not', () => {
      expect(decide(pemilu({ ...FINDING, receivedAt: '2024-02-14T20:00:00+07:00' }), initialState(), testContext)).toHaveLength(1);
      const error = refusal(pemilu({ ...FINDING, receivedAt: '2024-02-15T08:00:00+07:00' }));
      expect(error.message).toMatch(/^receivedAt: is after the reporting limit 2024-02-14 23:59 WIB: a finding \(temuan\) in a PEMILU is registered within 7 days of knownAt/);
      expect(error.params).toMatchObject({ unit: 'CALENDAR', source: 'FINDING', clockField: 'knownAt' });
    });

    it('a finding taken up from an out-of-time report counts its 7 days from when that report came in', () => {
      const late = { receivedAt: '2024-02-26T10:00:00+07:00' };
      expect(decide(pemilu({ ...FINDING, originalReport: late, receivedAt: '2024-03-04T10:00:00+07:00' }), initialState(), testContext)).toHaveLength(1);
      const error = refusal(pemilu({ ...FINDING, originalReport: late, receivedAt: '2024-03-05T08:00:00+07:00' }));
      expect(error.params).toMatchObject({ clockField: 'originalReport.receivedAt', limitAt: '2024-03-04T16:59:59.999Z' });
    });
  });

  describe('the out-of-time report a finding is taken up from', () => {
    it.each([
      ['on a report (laporan)', { originalReport: { receivedAt: '2024-11-05T10:00:00+07:00' } }, /^originalReport: only a finding \(temuan\)/],
      ['received before the violation became known', { ...FINDING, originalReport: { receivedAt: '2024-09-25T10:00:00+07:00' }, receivedAt: '2024-11-06T09:00:00+07:00' }, /^originalReport\.receivedAt: must not be before knownAt/],
      ['received after the finding was registered', { ...FINDING, originalReport: { receivedAt: '2024-11-07T10:00:00+07:00' }, receivedAt: '2024-11-06T09:00:00+07:00' }, /^receivedAt: must not be before originalReport\.receivedAt/],
      ['received in the future', { ...FINDING, originalReport: { receivedAt: '2025-03-01T10:00:00+07:00' }, receivedAt: '2024-11-06T09:00:00+07:00' }, /^originalReport\.receivedAt: must not be in the future/],
    ])('is refused %s', (_label, input, message) => {
      given().when(reportCase(input as Parameters<typeof reportCase>[0])).thenRejects('BAD_USER_INPUT', message);
    });
  });

  it('PILKADA_LUBUK_LINGGAU is the Pilkada the defaults above use', () => {
    expect(reportCase().input.election).toEqual(PILKADA_LUBUK_LINGGAU);
  });
});
