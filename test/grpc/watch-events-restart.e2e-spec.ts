import type { PGlite } from '@electric-sql/pglite';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASE_STREAM_PREFIX } from '../../src/case/case-events';
import type { RecordedEvent } from '../../src/event-store/event-store';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { spawnNetra, type NetraProcess } from '../support/netra-process';
import { Feed, identity } from './event-feed';
import { aLaporan, BAWASLU_LUBUK_LINGGAU, CaseWorkflowClient, OVERSIGHT, type Caller } from './grpc-client';

type Message = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BAWASLU_MUSI_RAWAS: Caller = { agency: 'BAWASLU', region: '16.05' };
const inMusiRawas = {
  election: { kind: 'ELECTION_KIND_PILKADA', year: 2024, regionCode: '16.05' },
  handlingUnit: '16.05',
  respondents: [{ name: 'Siti Aminah', nip: '199001202015032001', employment: 'EMPLOYMENT_PNS', institution: 'Pemerintah Kabupaten Musi Rawas', institutionRegionCode: '16.05' }],
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Writes a few cases in two regions and a study on each: events from both units, interleaved. */
async function writeCases(client: CaseWorkflowClient, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    for (const [caller, overrides] of [[BAWASLU_LUBUK_LINGGAU, {}], [BAWASLU_MUSI_RAWAS, inMusiRawas]] as Array<[Caller, Message]>) {
      const { id: caseId, respondents } = (await client.call('ReportCase', aLaporan(overrides), caller)).case;
      const findings = respondents.map((r: Message) => ({ respondentId: r.respondentId, outcome: 'STUDY_OUTCOME_VIOLATION', violations: ['VIOLATION_CODE_SOCIAL_MEDIA_ENGAGEMENT'] }));
      await client.call('RecordStudy', { caseId, studiedAt: '2024-09-28', findings }, caller);
    }
  }
}

describe('WatchEvents across a server restart', () => {
  let dir: string;
  let running: NetraProcess | null = null;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'netra-grpc-watch-'))));
  afterAll(async () => {
    running?.child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('resumes from the last checkpoint: every event the caller may see, in log order, none missed, none repeated', async () => {
    const port = await freePort();
    const env = { EVENT_STORE_URL: `file:${dir}`, GRPC_PORT: String(port) };
    const address = `127.0.0.1:${port}`;

    running = await spawnNetra(env);
    let client = new CaseWorkflowClient(address);
    await writeCases(client, 2); // history before anyone watches
    const firstFeeds = { all: new Feed(await client.watch({}, OVERSIGHT)), linggau: new Feed(await client.watch({}, BAWASLU_LUBUK_LINGGAU)) };
    await Promise.all([firstFeeds.all.caughtUp, firstFeeds.linggau.caughtUp]);
    await writeCases(client, 2); // live
    await firstFeeds.all.until(16);
    await firstFeeds.linggau.until(8);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    // The server ended the feeds (UNAVAILABLE while shutting down, or the connection dropped).
    expect((await firstFeeds.all.ended)?.code).toBeGreaterThan(0);
    client.close();

    running = await spawnNetra(env);
    client = new CaseWorkflowClient(address);
    await writeCases(client, 1); // while nobody watched
    const resumed = {
      all: new Feed(await client.watch({ afterPosition: firstFeeds.all.checkpoint }, OVERSIGHT)),
      linggau: new Feed(await client.watch({ afterPosition: firstFeeds.linggau.checkpoint }, BAWASLU_LUBUK_LINGGAU)),
    };
    await Promise.all([resumed.all.caughtUp, resumed.linggau.caughtUp]);
    await writeCases(client, 1); // live again
    await resumed.all.until(8);
    await resumed.linggau.until(4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    resumed.all.cancel();
    resumed.linggau.cancel();
    client.close();
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    running = null;

    const log = await storedCaseEvents(dir);
    const linggauCases = new Set(log.filter((e) => e.version === 1 && (e.data as { handlingUnit: string }).handlingUnit === '16.73').map((e) => e.streamId));
    const expectedAll = log.map(storedIdentity);
    const expectedLinggau = log.filter((e) => linggauCases.has(e.streamId)).map(storedIdentity);
    expect(expectedAll).toHaveLength(24);
    expect(expectedLinggau).toHaveLength(12);

    const receivedAll = [...firstFeeds.all.events, ...resumed.all.events].map(identity);
    const receivedLinggau = [...firstFeeds.linggau.events, ...resumed.linggau.events].map(identity);
    expect(receivedAll).toEqual(expectedAll);
    expect(receivedLinggau).toEqual(expectedLinggau);
  }, 180_000);
});

async function storedCaseEvents(dir: string): Promise<RecordedEvent[]> {
  let db: PGlite | null = null;
  try {
    db = await openPglite(dir);
    const events = await new PgliteEventStore(db).readAll(0n, 100_000);
    return events.filter((e) => e.streamId.startsWith(CASE_STREAM_PREFIX));
  } finally {
    await db?.close();
  }
}

const storedIdentity = (e: RecordedEvent) => `${e.position} ${e.streamId.slice(CASE_STREAM_PREFIX.length)} v${e.version}`;
