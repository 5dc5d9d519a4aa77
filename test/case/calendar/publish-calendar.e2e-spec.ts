import { gql, type GraphQLClient } from 'graphql-request';
import { OverdueScheduler } from '../../../src/case/overdue/overdue-scheduler.service';
import { aLaporan } from '../../e2e/fixtures';
import { aStudy, mutate, REPORT, STUDY } from '../../e2e/case-steps';
import { codeOf, startTestNetra, type RunningNetra } from '../../support/netra-app';
import { CaseWorkflowClient, OVERSIGHT, refusal } from '../../grpc/grpc-client';

/**
 * The holiday calendar as data, end to end on a real Netra whose clock the test moves: a Pemilu
 * study (14 working days) counted on 18 Dec 2026 runs into 2027, which Netra has only provisionally;
 * the deadline process records it overdue on 13 Jan 2027; KemenPANRB then publishes 2027 (a TEST
 * calendar here, not the real SKB: one invented day of collective leave on 5 Jan 2027), and every
 * open due time through 2027 is recounted and the overdue records it made untrue are withdrawn.
 */
const TRACKS = gql`
  query tracks($id: ID!, $asOf: DateTime) {
    case(id: $id, asOf: $asOf) {
      respondents { respondentId dueAt dueAtProvisional overdue overdueSince }
      timeline { type agency description withdrawn }
    }
  }
`;
const OVERDUE = gql`query overdue($asOf: DateTime) { followUpSummary(asOf: $asOf) { overall { overdue } } }`;
const PUBLISH = gql`
  mutation publish($input: PublishCalendarInput!) {
    publishCalendar(input: $input) { recomputedDueTimes withdrawnOverdueRecords replayed calendarYear { year status publishedBy legalBasis { decree signedAt } } }
  }
`;
const CALENDAR = gql`query { holidayCalendar { year status publishedBy holidays { date kind } } }`;

interface Track {
  respondentId: string;
  dueAt: string;
  dueAtProvisional: boolean;
  overdue: boolean;
  overdueSince: string | null;
}
interface Line {
  type: string;
  agency: string;
  description: string;
  withdrawn: boolean;
}

const wib = (text: string) => new Date(`${text}+07:00`);
const endOfDay = (day: string) => wib(`${day}T23:59:59.999`).toISOString();
const FIXED_2027 = [
  { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'NATIONAL' },
  { date: '2027-05-01', name: 'Hari Buruh Internasional', kind: 'NATIONAL' },
  { date: '2027-06-01', name: 'Hari Lahir Pancasila', kind: 'NATIONAL' },
  { date: '2027-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'NATIONAL' },
  { date: '2027-12-25', name: 'Hari Raya Natal', kind: 'NATIONAL' },
];
const TEST_2027 = {
  commandId: 'calendar-2027-test-1',
  year: 2027,
  status: 'COMPLETE',
  legalBasis: { decree: 'SKB TEST/2026 (test fixture, not the real decree)', signedAt: '2026-12-01', source: 'test' },
  holidays: [...FIXED_2027, { date: '2027-01-05', name: 'Cuti bersama (test)', kind: 'COLLECTIVE_LEAVE' }],
};

describe('publishing a year of the holiday calendar', () => {
  let now = wib('2026-12-18T10:00:00');
  let netra: RunningNetra;
  let bawaslu: GraphQLClient;
  let admin: GraphQLClient;
  let pemilu: string;
  let pilkada: string;
  let backdated: string;

  const tracks = async (id: string, asOf?: Date) =>
    (await bawaslu.request<{ case: { respondents: Track[]; timeline: Line[] } }>(TRACKS, { id, asOf: asOf?.toISOString() ?? null })).case;
  const overdue = async (asOf?: Date) => (await admin.request<{ followUpSummary: { overall: { overdue: number } } }>(OVERDUE, { asOf: asOf?.toISOString() ?? null })).followUpSummary.overall.overdue;

  beforeAll(async () => {
    netra = await startTestNetra({}, { clock: () => now });
    bawaslu = await netra.client('BAWASLU', '16.73');
    admin = await netra.client('KEMENPANRB', null);
    const received = { occurredAt: '2026-12-16T08:00:00+07:00', knownAt: '2026-12-17T12:00:00+07:00', receivedAt: '2026-12-18T09:00:00+07:00' };
    pemilu = (await mutate(bawaslu, REPORT, aLaporan({ ...received, election: { kind: 'PEMILU', year: 2029, regionCode: '16.73' } }))).id;
    pilkada = (await mutate(bawaslu, REPORT, aLaporan(received))).id;
    backdated = (await mutate(bawaslu, REPORT, aLaporan(received))).id;
  });

  afterAll(() => netra.close());

  it('a working-day due time counted into 2027 is provisional; a calendar-day one is not', async () => {
    expect((await tracks(pemilu)).respondents).toEqual([
      expect.objectContaining({ respondentId: 'R1', dueAt: endOfDay('2027-01-12'), dueAtProvisional: true }),
      expect.objectContaining({ respondentId: 'R2', dueAt: endOfDay('2027-01-12'), dueAtProvisional: true }),
    ]);
    expect((await tracks(pilkada)).respondents.map((r) => [r.dueAt, r.dueAtProvisional])).toEqual([
      [endOfDay('2026-12-23'), false],
      [endOfDay('2026-12-23'), false],
    ]);
    // Agency systems read the same over gRPC.
    const grpc = new CaseWorkflowClient(netra.grpcAddress);
    try {
      const provisional = async (caseId: string) =>
        ((await grpc.call('GetCase', { caseId }, OVERSIGHT)) as { case: { respondents: Array<{ dueAtProvisional: boolean }> } }).case.respondents.map((r) => r.dueAtProvisional);
      expect(await provisional(pemilu)).toEqual([true, true]);
      expect(await provisional(pilkada)).toEqual([false, false]);
    } finally {
      grpc.close();
    }
  });

  it('/health warns about the provisional year and counts the provisional due times, and stays up', async () => {
    const health = await (await fetch(`${netra.origin}/health`)).json();
    expect(health.status).toBe('ok');
    expect(health.details.calendar).toMatchObject({ status: 'up', completeThrough: 2026, provisionalYears: [2027], provisionalDueTimes: 2 });
    expect(health.details.calendar.warning).toMatch(/not complete for 2027 \(provisional: fixed-date holidays only\).*2 open due time\(s\)/);
  });

  describe('on 13 Jan 2027, after the deadline process recorded all three cases overdue', () => {
    beforeAll(async () => {
      now = wib('2027-01-13T10:00:00');
      expect(await netra.app.get(OverdueScheduler).scan(() => now)).toBe(6);
    });

    it('a study dated before its due time, entered after the scan, withdraws the overdue records', async () => {
      now = wib('2027-01-13T10:05:00');
      await mutate(bawaslu, STUDY, aStudy(backdated, { R1: 'VIOLATION', R2: 'NO_VIOLATION' }, { studiedAt: '2026-12-22T10:00:00+07:00' }));
      const after = await tracks(backdated);
      expect(after.respondents.map((r) => [r.overdue, r.overdueSince])).toEqual([
        [true, null], // the recommendation (7 days from 22 Dec) is now late in its own right, not recorded yet
        [false, null],
      ]);
      const overdueLines = after.timeline.filter((l) => l.type === 'FollowUpOverdue');
      expect(overdueLines.map((l) => l.withdrawn)).toEqual([true, true]);
      expect(after.timeline.filter((l) => l.type === 'OverdueWithdrawn').map((l) => [l.agency, l.description])).toEqual([
        ['BAWASLU', expect.stringMatching(/^Overdue record withdrawn: STUDY for R1 due 2026-12-23 23:59 WIB \(step taken before the due time, entered late\)/)],
        ['BAWASLU', expect.stringMatching(/^Overdue record withdrawn: STUDY for R2 due 2026-12-23 23:59 WIB/)],
      ]);
      // As of a moment before the withdrawal the records still stood.
      const before = await tracks(backdated, wib('2027-01-13T10:01:00'));
      expect(before.timeline.filter((l) => l.type === 'FollowUpOverdue').map((l) => l.withdrawn)).toEqual([false, false]);
      expect(before.timeline.some((l) => l.type === 'OverdueWithdrawn')).toBe(false);
    });

    it('only a national KemenPANRB unit may publish, and a bad year names its field', async () => {
      expect(await codeOf((await netra.client('BKN', null)).request(PUBLISH, { input: { ...TEST_2027, commandId: 'calendar-by-bkn-1' } }))).toBe('FORBIDDEN');
      expect(await codeOf((await netra.client('KEMENPANRB', '16')).request(PUBLISH, { input: { ...TEST_2027, commandId: 'calendar-by-region-1' } }))).toBe('FORBIDDEN');
      expect(await codeOf(netra.anonymous().request(PUBLISH, { input: TEST_2027 }))).toBe('UNAUTHENTICATED');
      const bad = admin.request(PUBLISH, { input: { ...TEST_2027, commandId: 'calendar-bad-1', holidays: [{ date: '2028-01-01', name: 'x', kind: 'NATIONAL' }] } });
      await expect(bad).rejects.toMatchObject({ response: { errors: [expect.objectContaining({ message: 'holidays[0].date: 2028-01-01 is not in 2027', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'holidays[0].date' }) })] } });
      expect((await admin.request<{ holidayCalendar: Array<{ year: number; status: string }> }>(CALENDAR)).holidayCalendar.find((y) => y.year === 2027)?.status).toBe('PROVISIONAL');
    });

    it('publishing 2027 recounts the open due times through it and withdraws the overdue records they made untrue', async () => {
      expect(await overdue()).toBe(5); // the Pemilu pair, the Pilkada pair, the backdated case's late recommendation
      now = wib('2027-01-13T11:00:00');
      const { publishCalendar } = await admin.request<{ publishCalendar: Record<string, unknown> }>(PUBLISH, { input: TEST_2027 });
      expect(publishCalendar).toEqual({
        recomputedDueTimes: 2,
        withdrawnOverdueRecords: 2,
        replayed: false,
        calendarYear: { year: 2027, status: 'COMPLETE', publishedBy: 'KEMENPANRB', legalBasis: { decree: TEST_2027.legalBasis.decree, signedAt: '2026-12-01' } },
      });
      const after = await tracks(pemilu);
      expect(after.respondents.map((r) => [r.dueAt, r.dueAtProvisional, r.overdue, r.overdueSince])).toEqual([
        [endOfDay('2027-01-13'), false, false, null],
        [endOfDay('2027-01-13'), false, false, null],
      ]);
      expect(after.timeline.filter((l) => l.type === 'FollowUpOverdue').map((l) => l.withdrawn)).toEqual([true, true]);
      expect(after.timeline.filter((l) => ['DueTimeRecomputed', 'OverdueWithdrawn'].includes(l.type)).map((l) => [l.type, l.agency])).toEqual([
        ['DueTimeRecomputed', 'NETRA'],
        ['OverdueWithdrawn', 'NETRA'],
        ['DueTimeRecomputed', 'NETRA'],
        ['OverdueWithdrawn', 'NETRA'],
      ]);
      expect(after.timeline.find((l) => l.type === 'DueTimeRecomputed')!.description).toBe(
        `Due time of STUDY for R1 recounted from 2027-01-12 23:59 WIB to 2027-01-13 23:59 WIB: holiday calendar 2027 published (${TEST_2027.legalBasis.decree})`,
      );
      // The Pilkada case counts calendar days: untouched, still overdue.
      expect((await tracks(pilkada)).respondents.map((r) => [r.overdue, r.dueAt])).toEqual([
        [true, endOfDay('2026-12-23')],
        [true, endOfDay('2026-12-23')],
      ]);
      expect(await overdue()).toBe(3);
      // As of before the publication, the figures show what was believed then.
      expect(await overdue(wib('2027-01-13T10:30:00'))).toBe(5);
      const believed = await tracks(pemilu, wib('2027-01-13T10:30:00'));
      expect(believed.respondents.map((r) => [r.dueAt, r.dueAtProvisional, r.overdue])).toEqual([
        [endOfDay('2027-01-12'), true, true],
        [endOfDay('2027-01-12'), true, true],
      ]);
      expect(believed.timeline.filter((l) => l.type === 'FollowUpOverdue').map((l) => l.withdrawn)).toEqual([false, false]);
    });

    it('the publication is in force and recorded; a retry appends nothing and recounts nothing', async () => {
      const year = (await admin.request<{ holidayCalendar: Array<{ year: number; status: string; publishedBy: string | null; holidays: Array<{ date: string }> }> }>(CALENDAR)).holidayCalendar.find((y) => y.year === 2027)!;
      expect(year).toMatchObject({ status: 'COMPLETE', publishedBy: 'KEMENPANRB' });
      expect(year.holidays.map((h) => h.date)).toContain('2027-01-05');
      const again = (await admin.request<{ publishCalendar: Record<string, unknown> }>(PUBLISH, { input: TEST_2027 })).publishCalendar;
      expect(again).toMatchObject({ replayed: true, recomputedDueTimes: 0, withdrawnOverdueRecords: 0 });
      const health = await (await fetch(`${netra.origin}/health`)).json();
      expect(health.details.calendar).toMatchObject({ completeThrough: 2027, provisionalYears: [], provisionalDueTimes: 0 });
    });
  });
});

describe('Netra started on 1 Jan 2027 with the calendar it ships', () => {
  const now = wib('2027-01-01T09:00:00');
  let netra: RunningNetra;

  beforeAll(async () => {
    netra = await startTestNetra({}, { clock: () => now });
  });

  afterAll(() => netra.close());

  it('warns at start that 2027 is only provisional', () => {
    const warnings = netra.logs.map((line) => JSON.parse(line)).filter((entry) => entry.level === 40 && /holiday calendar/.test(entry.msg));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].msg).toBe('holiday calendar: the holiday calendar is not complete for 2027 (provisional: fixed-date holidays only); publish the SKB 3 Menteri for it with publishCalendar');
    expect(warnings[0].calendar).toMatchObject({ completeThrough: null, provisionalYears: [2027] });
  });

  it('a Pemilu study received that day gets a provisional due time that skips New Year’s Day', async () => {
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const reported = await mutate(bawaslu, REPORT, aLaporan({ election: { kind: 'PEMILU', year: 2029, regionCode: '16.73' }, occurredAt: '2026-12-30T08:00:00+07:00', knownAt: '2026-12-31T08:00:00+07:00', receivedAt: '2027-01-01T08:00:00+07:00' }));
    // 14 working days after Friday 1 Jan 2027: 4–8, 11–15, 18–21 Jan.
    const { case: found } = await bawaslu.request<{ case: { respondents: Track[] } }>(TRACKS, { id: reported.id, asOf: null });
    expect(found.respondents.map((r) => [r.dueAt, r.dueAtProvisional])).toEqual([
      [endOfDay('2027-01-21'), true],
      [endOfDay('2027-01-21'), true],
    ]);
  });
});

describe('publishing a year over gRPC (PublishCalendar)', () => {
  let netra: RunningNetra;
  let grpc: CaseWorkflowClient;
  const ADMIN = { agency: 'KEMENPANRB' as const };
  const year2027 = (commandId: string, holidays = TEST_2027.holidays) => ({
    commandId,
    year: 2027,
    status: 'CALENDAR_STATUS_COMPLETE',
    legalBasis: TEST_2027.legalBasis,
    holidays: holidays.map((h) => ({ ...h, kind: `HOLIDAY_KIND_${h.kind}` })),
  });

  beforeAll(async () => {
    netra = await startTestNetra({}, { clock: () => wib('2026-12-18T10:00:00') });
    grpc = new CaseWorkflowClient(netra.grpcAddress);
  });
  afterAll(async () => {
    grpc.close();
    await netra.close();
  });

  it('national KemenPANRB publishes the year as GraphQL does; others are refused, a bad day names its field, a retry appends nothing', async () => {
    expect(await refusal(grpc.call('PublishCalendar', year2027('grpc-bkn-1'), { agency: 'BKN' as const }))).toMatchObject({ code: 7, netraCode: 'FORBIDDEN' });
    const bad = await refusal(grpc.call('PublishCalendar', year2027('grpc-bad-1', [{ date: '2028-01-01', name: 'x', kind: 'NATIONAL' }]), ADMIN));
    expect(bad).toMatchObject({ code: 3, netraCode: 'BAD_USER_INPUT', field: 'holidays[0].date' });
    const published = await grpc.call('PublishCalendar', year2027('grpc-2027-1'), ADMIN);
    expect(published).toMatchObject({ year: 2027, status: 'CALENDAR_STATUS_COMPLETE', replayed: false, recomputedDueTimes: 0, withdrawnOverdueRecords: 0 });
    expect(await grpc.call('PublishCalendar', year2027('grpc-2027-1'), ADMIN)).toMatchObject({ year: 2027, replayed: true });
    const admin = await netra.client('KEMENPANRB', null);
    const calendar = await admin.request<{ holidayCalendar: Array<{ year: number; status: string; publishedBy: string | null }> }>(CALENDAR);
    expect(calendar.holidayCalendar.find((y) => y.year === 2027)).toMatchObject({ status: 'COMPLETE', publishedBy: 'KEMENPANRB' });
  });
});
