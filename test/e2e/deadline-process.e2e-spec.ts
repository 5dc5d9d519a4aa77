import { gql, GraphQLClient } from 'graphql-request';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDevToken } from '../../src/auth/dev-token';
import type { Agency } from '../../src/case/case-vocabulary';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import type { RecordedEvent } from '../../src/event-store/event-store';
import { TEST_SECRET } from '../support/netra-app';
import { spawnNetra, type NetraProcess } from '../support/netra-process';
import { aRecommendation, aSanctionDecision, aStudy, DECIDE, mutate, RECOMMEND, REPORT, STUDY } from './case-steps';
import { aLaporan } from './fixtures';

const EXTEND = gql`mutation extendDeadline($input: ExtendDeadlineInput!) { extendDeadline(input: $input) { id version } }`;
const ESCALATE = gql`mutation recordEscalation($input: RecordEscalationInput!) { recordEscalation(input: $input) { id version } }`;
const TRACK = gql`
  query track($id: ID!) {
    case(id: $id) {
      respondents { respondentId stage dueAt overdue overdueSince overdueStep siasnBlocked latestEscalation { kind letterNumber escalatedBy } }
      timeline { type agency description }
    }
  }
`;

interface TrackView {
  respondentId: string;
  dueAt: string | null;
  overdue: boolean;
  overdueSince: string | null;
  overdueStep: string | null;
  siasnBlocked: boolean;
  latestEscalation: { kind: string; letterNumber: string; escalatedBy: string } | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000);

async function clientOf(url: string, agency: Agency, region: string | null = null): Promise<GraphQLClient> {
  const token = await signDevToken(TEST_SECRET, { sub: `deadline-${agency}`, agency, region });
  return new GraphQLClient(url, { headers: { authorization: `Bearer ${token}` } });
}

async function r1(client: GraphQLClient, caseId: string): Promise<{ track: TrackView; timeline: Array<{ type: string; agency: string; description: string }> }> {
  const { case: found } = await client.request<{ case: { respondents: TrackView[]; timeline: Array<{ type: string; agency: string; description: string }> } }>(TRACK, { id: caseId });
  return { track: found.respondents.find((r) => r.respondentId === 'R1')!, timeline: found.timeline };
}

async function until<T>(what: string, probe: () => Promise<T | null>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function stop(netra: NetraProcess): Promise<void> {
  netra.child.kill('SIGTERM');
  expect(await netra.exited).toBe(0);
}

/** A case whose respondent R1 has a sanction waiting on the Walikota until `dueAt` (R2 not proven). */
async function aSanctionDueAt(url: string, dueAt: Date): Promise<string> {
  const bawaslu = await clientOf(url, 'BAWASLU', '16.73');
  const bkn = await clientOf(url, 'BKN');
  const reported = await mutate(bawaslu, REPORT, aLaporan());
  await mutate(bawaslu, STUDY, aStudy(reported.id, { R1: 'VIOLATION', R2: 'NO_VIOLATION' }));
  await mutate(bawaslu, RECOMMEND, aRecommendation(reported.id, ['R1']));
  await mutate(bkn, DECIDE, aSanctionDecision(reported.id, 'R1', { dueAt: dueAt.toISOString() }));
  return reported.id;
}

describe('the deadline process across a restart', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'netra-deadlines-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('records FollowUpOverdue exactly once per due time — passed while running, while down, or after a restart — and never for an extended one', async () => {
    const env = { EVENT_STORE_URL: `file:${dir}`, OVERDUE_SCAN_SECONDS: '0.5' };

    // 1. First process: one due time passes while it runs; another is extended before it passes.
    const first = await spawnNetra(env);
    const early = await aSanctionDueAt(first.url, inSeconds(2));
    const extended = await aSanctionDueAt(first.url, inSeconds(4));
    const bkn1 = await clientOf(first.url, 'BKN');
    await bkn1.request(EXTEND, { input: { caseId: extended, respondentId: 'R1', newDueAt: inSeconds(86_400).toISOString(), legalBasis: 'Surat BKN B-3001/JP.01/11/2024: perpanjangan atas permintaan PPK' } });
    const oversight1 = await clientOf(first.url, 'OVERSIGHT');
    const earlyOverdue = await until('the first overdue', async () => {
      const { track } = await r1(oversight1, early);
      return track.overdueSince ? track : null;
    });
    expect(earlyOverdue).toMatchObject({ overdue: true, overdueStep: 'EXECUTION', overdueSince: earlyOverdue.dueAt });
    const reprimand = { caseId: early, respondentId: 'R1', kind: 'KEMENDAGRI_REPRIMAND', letterNumber: '800.1.6.4/5123/OTDA', escalatedAt: new Date().toISOString(), commandId: 'reprimand-early-1' };
    await (await clientOf(first.url, 'KEMENDAGRI')).request(ESCALATE, { input: reprimand });

    // 2. A due time that passes while Netra is down.
    const whileDown = await aSanctionDueAt(first.url, inSeconds(3));
    const downDue = new Date((await r1(oversight1, whileDown)).track.dueAt!);
    await stop(first);
    const stoppedAt = new Date();
    expect(stoppedAt.getTime()).toBeLessThan(downDue.getTime()); // else the test proves nothing about downtime
    await sleep(downDue.getTime() - Date.now() + 1500);

    // 3. Second process: its first scan finds the due time it missed; another passes while it runs.
    const second = await spawnNetra(env);
    const startedAt = new Date();
    const oversight2 = await clientOf(second.url, 'OVERSIGHT');
    const missed = await until('the overdue missed while down', async () => {
      const { track } = await r1(oversight2, whileDown);
      return track.overdueSince ? track : null;
    });
    expect(missed.overdueSince).toBe(downDue.toISOString());
    // The client retries its escalation after the restart: the same command id appends nothing.
    await (await clientOf(second.url, 'KEMENDAGRI')).request(ESCALATE, { input: reprimand });
    await (await clientOf(second.url, 'BKN')).request(ESCALATE, {
      input: { caseId: whileDown, respondentId: 'R1', kind: 'SIASN_BLOCKED', letterNumber: 'B-3100/JP.01/11/2024', escalatedAt: new Date().toISOString() },
    });
    const live = await aSanctionDueAt(second.url, inSeconds(2));
    await until('the overdue that passed while running', async () => ((await r1(oversight2, live)).track.overdueSince ? true : null));
    const blocked = await r1(oversight2, whileDown);
    expect(blocked.track).toMatchObject({ siasnBlocked: true, latestEscalation: { kind: 'SIASN_BLOCKED', escalatedBy: 'BKN' } });
    const early2 = await r1(oversight2, early);
    expect(early2.track.latestEscalation).toEqual({ kind: 'KEMENDAGRI_REPRIMAND', letterNumber: '800.1.6.4/5123/OTDA', escalatedBy: 'KEMENDAGRI' });
    expect(early2.timeline.filter((t) => t.type === 'FollowUpOverdue' && t.description.includes('EXECUTION'))).toEqual([
      { type: 'FollowUpOverdue', agency: 'NETRA', description: expect.stringMatching(/^Overdue: EXECUTION for R1 still waits on PPK after its due time/) },
    ]);
    const ext = await r1(oversight2, extended);
    expect(ext.track).toMatchObject({ overdue: false, overdueSince: null });
    await sleep(1500); // a few more scans
    await stop(second);

    // 4. A third start scans again over everything already recorded.
    const third = await spawnNetra(env);
    await sleep(1500);
    await stop(third);

    const disk = await openPglite(dir);
    let events: RecordedEvent[];
    try {
      events = await new PgliteEventStore(disk).readAll(0n, 100_000);
    } finally {
      await disk.close();
    }
    const ofCase = (caseId: string, type: string) => events.filter((e) => e.streamId === `case-${caseId}` && e.type === type);
    const executionOverdue = (caseId: string) => ofCase(caseId, 'FollowUpOverdue').filter((e) => e.data.step === 'EXECUTION');

    // Exactly one per due time, for every track and step (the past-dated study, recommendation and decision steps included).
    const perDueTime = new Map<string, number>();
    for (const e of events.filter((x) => x.type === 'FollowUpOverdue')) {
      const key = `${e.streamId}/${String(e.data.respondentId)}/${String(e.data.step)}/${String(e.data.dueAt)}`;
      perDueTime.set(key, (perDueTime.get(key) ?? 0) + 1);
    }
    expect([...perDueTime.values()].every((n) => n === 1)).toBe(true);
    expect(perDueTime.size).toBeGreaterThanOrEqual(3);

    expect(executionOverdue(early)).toHaveLength(1);
    expect(new Date(String(executionOverdue(early)[0].data.detectedAt)).getTime()).toBeLessThan(stoppedAt.getTime());
    expect(executionOverdue(whileDown)).toHaveLength(1);
    expect(executionOverdue(whileDown)[0].data).toMatchObject({ dueAt: downDue.toISOString(), waitingOn: 'PPK' });
    expect(new Date(String(executionOverdue(whileDown)[0].data.detectedAt)).getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 5000);
    expect(executionOverdue(live)).toHaveLength(1);
    expect(executionOverdue(extended)).toHaveLength(0);
    expect(ofCase(extended, 'DeadlineExtended')).toHaveLength(1);
    expect(ofCase(early, 'EscalationRecorded')).toHaveLength(1);
    expect(ofCase(whileDown, 'EscalationRecorded')).toHaveLength(1);
    for (const e of events.filter((x) => x.type === 'FollowUpOverdue')) {
      expect(e.metadata).toMatchObject({ agency: 'NETRA', unit: null, userId: 'netra:deadline-process' });
    }
  }, 180_000);
});
