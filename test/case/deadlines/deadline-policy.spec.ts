import {
  DEFAULT_DEADLINE_POLICY,
  deadlineRule,
  dueAt,
  parseDeadlinePolicy,
  policyReportingLimit,
} from '../../../src/case/deadlines/deadline-policy';
import { WorkingDayCalendar } from '../../../src/case/deadlines/working-day-calendar';
import { expectBadInput } from '../validation/expect-bad-input';

const calendar = WorkingDayCalendar.indonesia();
const pilkadaStudy = deadlineRule(DEFAULT_DEADLINE_POLICY, 'PILKADA', 'STUDY');
const pemiluStudy = deadlineRule(DEFAULT_DEADLINE_POLICY, 'PEMILU', 'STUDY');

/** 23:59:59.999 WIB of a day, as an ISO instant. */
const endOfWib = (day: string) => new Date(`${day}T23:59:59.999+07:00`).toISOString();

describe('deadlines', () => {
  describe('the default policy (shared/DOMAIN.md §4)', () => {
    it('gives Bawaslu 5 calendar days to study a Pilkada report (3 + 2), under UU 1/2015 Pasal 134', () => {
      expect(pilkadaStudy).toMatchObject({ days: 5, unit: 'CALENDAR', confirmed: true });
      expect(pilkadaStudy.basis).toMatch(/Pasal 134/);
    });

    it('gives Bawaslu 14 working days to study a Pemilu report, under UU 7/2017 Pasal 454', () => {
      expect(pemiluStudy).toMatchObject({ days: 14, unit: 'WORKING', confirmed: true });
      expect(pemiluStudy.basis).toMatch(/Pasal 454/);
    });

    it.each(['PILKADA', 'PEMILU'] as const)('for %s marks the recommendation, decision and execution deadlines as unconfirmed settings', (kind) => {
      expect(deadlineRule(DEFAULT_DEADLINE_POLICY, kind, 'RECOMMENDATION')).toMatchObject({ days: 7, confirmed: false });
      expect(deadlineRule(DEFAULT_DEADLINE_POLICY, kind, 'SANCTION_DECISION')).toMatchObject({ days: 7, confirmed: false });
      const execution = deadlineRule(DEFAULT_DEADLINE_POLICY, kind, 'EXECUTION');
      expect(execution).toMatchObject({ days: 14, unit: 'CALENDAR', confirmed: false });
      expect(execution.basis).toMatch(/no statutory day count was found/);
    });

    it('cannot be changed in place', () => {
      expect(() => {
        (DEFAULT_DEADLINE_POLICY.rules.PILKADA.STUDY as { days: number }).days = 99;
      }).toThrow(TypeError);
    });
  });

  describe('dueAt', () => {
    it('5 calendar days from a Thursday end on the Tuesday at 23:59:59.999 WIB', () => {
      const thursday = new Date('2024-11-28T10:00:00+07:00');
      expect(dueAt(thursday, pilkadaStudy, calendar).toISOString()).toBe(endOfWib('2024-12-03'));
    });

    it('calendar days run through weekends and holidays', () => {
      const beforeIdulFitri = new Date('2025-03-28T09:00:00+07:00');
      expect(dueAt(beforeIdulFitri, pilkadaStudy, calendar).toISOString()).toBe(endOfWib('2025-04-02'));
    });

    it('14 working days from a Monday end on the Friday two weeks later', () => {
      const monday = new Date('2024-10-07T08:00:00+07:00');
      expect(dueAt(monday, pemiluStudy, calendar).toISOString()).toBe(endOfWib('2024-10-25'));
    });

    it('14 working days across Idul Fitri 2025 and its collective leave end on 21 April, not 9 April', () => {
      const start = new Date('2025-03-20T14:00:00+07:00');
      expect(dueAt(start, pemiluStudy, calendar).toISOString()).toBe(endOfWib('2025-04-21'));
      expect(dueAt(start, pemiluStudy, new WorkingDayCalendar([])).toISOString()).toBe(endOfWib('2025-04-09'));
    });

    it('a start late in the evening UTC counts from the next day, which it already is in WIB', () => {
      const lateUtc = new Date('2024-11-27T20:00:00Z'); // 28 Nov 03:00 WIB, a Thursday
      expect(dueAt(lateUtc, pilkadaStudy, calendar).toISOString()).toBe(endOfWib('2024-12-03'));
      const thursdayNightUtc = new Date('2024-10-10T18:00:00Z'); // Friday 11 Oct 01:00 WIB
      expect(dueAt(thursdayNightUtc, { ...pemiluStudy, days: 1 }, calendar).toISOString()).toBe(endOfWib('2024-10-14'));
    });

    it('the last minute of a WIB day still counts as that day', () => {
      const lastMinute = new Date('2024-11-28T23:59:00+07:00');
      expect(dueAt(lastMinute, pilkadaStudy, calendar).toISOString()).toBe(endOfWib('2024-12-03'));
      const midnight = new Date('2024-11-29T00:00:00+07:00');
      expect(dueAt(midnight, pilkadaStudy, calendar).toISOString()).toBe(endOfWib('2024-12-04'));
    });

    it('the due instant is 16:59:59.999 UTC', () => {
      expect(dueAt(new Date('2024-11-28T03:00:00Z'), pilkadaStudy, calendar).toISOString()).toBe('2024-12-03T16:59:59.999Z');
    });
  });

  describe('an administrator’s policy', () => {
    const override = {
      version: '2025-02-bawaslu',
      rules: { PILKADA: { EXECUTION: { days: 30, unit: 'CALENDAR', basis: 'Surat edaran (example)' } } },
    };

    it('changes only the rules it names and keeps the rest of the default', () => {
      const policy = parseDeadlinePolicy(override);
      expect(policy.version).toBe('2025-02-bawaslu');
      expect(policy.rules.PILKADA.EXECUTION).toEqual({ days: 30, unit: 'CALENDAR', basis: 'Surat edaran (example)', confirmed: false });
      expect(policy.rules.PEMILU.EXECUTION).toEqual(DEFAULT_DEADLINE_POLICY.rules.PEMILU.EXECUTION);
      expect(policy.rules.PILKADA.STUDY).toEqual(pilkadaStudy);
      expect(DEFAULT_DEADLINE_POLICY.rules.PILKADA.EXECUTION.days).toBe(14);
    });

    it('is read from JSON text, and a rule may claim a legal basis', () => {
      const text = JSON.stringify({ version: 'v2', rules: { PEMILU: { RECOMMENDATION: { days: 3, unit: 'WORKING', basis: 'Perbawaslu X', confirmed: true } } } });
      expect(parseDeadlinePolicy(text).rules.PEMILU.RECOMMENDATION).toMatchObject({ days: 3, unit: 'WORKING', confirmed: true });
    });

    it('refuses text that is not JSON, and a policy that is not an object', () => {
      expectBadInput(() => parseDeadlinePolicy('{version:'), 'deadlinePolicy', /not valid JSON/);
      expectBadInput(() => parseDeadlinePolicy([]), 'deadlinePolicy', /must be an object/);
    });

    it('refuses a policy without a version', () => {
      expectBadInput(() => parseDeadlinePolicy({ rules: {} }), 'deadlinePolicy.version', /needs a version name/);
    });

    it('refuses an unknown election kind or step, so a typo never leaves the default silently in force', () => {
      expectBadInput(() => parseDeadlinePolicy({ version: 'v', rules: { PILKADA_2024: {} } }), 'deadlinePolicy.rules.PILKADA_2024', /unknown election kind "PILKADA_2024"/);
      expectBadInput(() => parseDeadlinePolicy({ version: 'v', rules: { PEMILU: { EXECUTE: {} } } }), 'deadlinePolicy.rules.PEMILU.EXECUTE', /unknown step "EXECUTE"/);
    });

    it.each([0, -1, 2.5, '14', 400])('refuses %p days', (days) => {
      const policy = { version: 'v', rules: { PEMILU: { STUDY: { days, unit: 'WORKING', basis: 'b' } } } };
      expectBadInput(() => parseDeadlinePolicy(policy), 'deadlinePolicy.rules.PEMILU.STUDY.days', /whole number from 1 to 366/);
    });

    it('refuses an unknown unit, a missing basis and a confirmed flag that is not a boolean', () => {
      const rule = (extra: object) => ({ version: 'v', rules: { PILKADA: { STUDY: { days: 5, unit: 'CALENDAR', basis: 'b', ...extra } } } });
      expectBadInput(() => parseDeadlinePolicy(rule({ unit: 'HOURS' })), 'deadlinePolicy.rules.PILKADA.STUDY.unit', /CALENDAR or WORKING/);
      expectBadInput(() => parseDeadlinePolicy(rule({ basis: ' ' })), 'deadlinePolicy.rules.PILKADA.STUDY.basis', /legal basis/);
      expectBadInput(() => parseDeadlinePolicy(rule({ confirmed: 'yes' })), 'deadlinePolicy.rules.PILKADA.STUDY.confirmed', /true or false/);
      expectBadInput(() => parseDeadlinePolicy(rule({ hours: 3 })), 'deadlinePolicy.rules.PILKADA.STUDY.hours', /unknown field/);
    });

    it('names the variable it came from', () => {
      expectBadInput(() => parseDeadlinePolicy({}, 'NETRA_DEADLINE_POLICY'), 'NETRA_DEADLINE_POLICY.version', /version/);
    });
  });
});

describe('the reporting limits in the policy', () => {
  const limit = (policy = DEFAULT_DEADLINE_POLICY) => policyReportingLimit(policy, calendar);

  it('default: 7 calendar days for a Pilkada laporan, 7 working days for a Pemilu laporan, 7 days for a Pemilu temuan, none for a Pilkada temuan', () => {
    const known = new Date('2024-02-07T10:00:00+07:00');
    expect(limit()('PILKADA', 'REPORT', known)?.limitAt.toISOString()).toBe(endOfWib('2024-02-14'));
    expect(limit()('PEMILU', 'REPORT', known)?.limitAt.toISOString()).toBe(endOfWib('2024-02-21'));
    expect(limit()('PEMILU', 'FINDING', known)?.limitAt.toISOString()).toBe(endOfWib('2024-02-14'));
    expect(limit()('PILKADA', 'FINDING', known)).toBeNull();
    expect(limit()('PEMILU', 'REPORT', known)?.applied).toEqual({ policyVersion: 'default-2025.1', days: 7, unit: 'WORKING', basis: expect.stringContaining('Pasal 454') });
  });

  it('an administrator adds a Pilkada finding limit, or removes one with null, and keeps the others', () => {
    const policy = parseDeadlinePolicy({
      version: 'test-reporting',
      reporting: { PILKADA: { FINDING: { days: 3, unit: 'CALENDAR', basis: 'Perbawaslu (test)' } }, PEMILU: { FINDING: null } },
    });
    const known = new Date('2024-10-01T10:00:00+07:00');
    expect(limit(policy)('PILKADA', 'FINDING', known)?.limitAt.toISOString()).toBe(endOfWib('2024-10-04'));
    expect(limit(policy)('PEMILU', 'FINDING', known)).toBeNull();
    expect(limit(policy)('PILKADA', 'REPORT', known)?.applied.days).toBe(7);
  });

  it('refuses an unknown source, naming the path', () => {
    expectBadInput(() => parseDeadlinePolicy({ version: 'x', reporting: { PEMILU: { LAPORAN: null } } }), 'deadlinePolicy.reporting.PEMILU.LAPORAN', /unknown source/);
  });
});
