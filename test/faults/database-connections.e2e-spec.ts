import { Client } from 'pg';
import { CaseWorkflowClient, OVERSIGHT, refusal } from '../grpc/grpc-client';
import { aLaporan, NIP_CAMAT, REPORT_CASE, REPORTER } from '../e2e/fixtures';
import { spawnNetra, type NetraProcess } from '../support/netra-process';
import { TEST_SECRET } from '../support/netra-app';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';
import { signDevToken } from '../../src/auth/dev-token';
import {
  bawaslu,
  compareWithRebuild,
  FAULT_MASTER_KEY,
  healthRecovers,
  missingFromReadModel,
  missingFromStore,
  refusalOf,
  startWriteLoad,
  type LoadReport,
} from './fault-load';
import { TcpProxy } from './tcp-proxy';

/** Netra's connections carry this name, so the test terminates only them, and only in its own database. */
const APPLICATION_NAME = 'netra-fault-test';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithPostgres('database connection faults (real PostgreSQL, Netra as a child process)', () => {
  let database: ThrowawayDatabase;
  let admin: Client;
  let netra: NetraProcess | null = null;
  const origin = () => netra!.url.replace(/\/graphql$/, '');

  const start = (url: string, env: Record<string, string> = {}, onOutput?: (chunk: string) => void) =>
    spawnNetra({ EVENT_STORE_URL: withName(url), NETRA_MASTER_KEY: FAULT_MASTER_KEY, MUTATION_RATE_LIMIT_PER_MINUTE: '100000', ...env }, onOutput);

  beforeAll(async () => {
    database = await createThrowawayDatabase(4);
    admin = new Client({ connectionString: database.url });
    admin.on('error', () => undefined);
    await admin.connect();
  }, 60_000);
  afterEach(async () => {
    if (netra && netra.child.exitCode === null) {
      netra.child.kill('SIGTERM');
      await netra.exited;
    }
    netra = null;
  });
  afterAll(async () => {
    await admin?.end();
    await database?.drop();
  });

  /** The checks every fault ends with: nothing acknowledged lost, no stale answer, read model = full replay. */
  async function expectNothingLost(load: LoadReport): Promise<void> {
    expect(load.staleAnswers).toEqual([]);
    expect(load.refusals.filter((r) => r.code !== 'UNAVAILABLE')).toEqual([]);
    expect(load.acknowledged.length).toBeGreaterThan(5);
    expect(await missingFromStore(database.url, load.acknowledged)).toEqual([]);
    expect(await missingFromReadModel(await bawaslu(netra!.url), load.acknowledged)).toEqual([]);
    const logs = netra!.output.join('');
    for (const personal of [NIP_CAMAT, 'Ahmad Fauzi', REPORTER.name, REPORTER.phone]) expect(logs).not.toContain(personal);
    netra!.child.kill('SIGTERM');
    expect(await netra!.exited).toBe(0);
    const { live, rebuilt } = await compareWithRebuild(database.url);
    expect(live).toEqual(rebuilt);
  }

  it('survives pg_terminate_backend on all its connections, again and again, under a write load', async () => {
    netra = await start(database.url);
    const load = startWriteLoad(await bawaslu(netra.url), 4);
    let terminated = 0;
    for (let round = 0; round < 10; round++) {
      await sleep(700);
      const { rows } = await admin.query<{ n: string }>(
        `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS n FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = $1 AND pid <> pg_backend_pid()`,
        [APPLICATION_NAME],
      );
      terminated += Number(rows[0].n);
      expect(netra.child.exitCode).toBeNull();
    }
    await sleep(500);
    const report = await load.stop();
    expect(netra.child.exitCode).toBeNull();
    expect(terminated).toBeGreaterThanOrEqual(10);
    await healthRecovers(origin(), 30_000);
    expect(netra.output.join('')).toMatch(/"dependency":"(event store|read model) \(PostgreSQL\)".*"database connection lost; the pool replaces it"/);
    await expectNothingLost(report);
  }, 180_000);

  it('answers UNAVAILABLE with retryAfterSeconds while the database is unreachable, and recovers by itself when it is back', async () => {
    const proxy = new TcpProxy(new URL(database.url).hostname, Number(new URL(database.url).port || 5432));
    await proxy.open();
    netra = await start(proxy.url(database.url));
    const grpcAddress = /"grpc":"([^"]+)"/.exec(netra.output.join(''))![1];
    const grpc = new CaseWorkflowClient(grpcAddress);
    const load = startWriteLoad(await bawaslu(netra.url), 4);
    try {
      await sleep(1500);
      await proxy.refuse();
      await sleep(300);
      const reader = await bawaslu(netra.url);
      const query = await reader.request('{ cases(first: 1) { totalCount } }').then(() => null, refusalOf);
      expect(query).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: expect.any(Number) });
      // A write during the outage is refused the same way (the writers' own refusals depend on where each
      // one is when the proxy closes, which a loaded machine shifts).
      const write = await reader.request(REPORT_CASE, { input: aLaporan({ commandId: `outage-${Date.now()}` }) }).then(() => null, refusalOf);
      expect(write).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: expect.any(Number) });
      const token = await signDevToken(TEST_SECRET, { sub: 'fault-test', agency: 'OVERSIGHT', region: null });
      const download = await fetch(`${origin()}/exports/follow-ups.csv`, { headers: { authorization: `Bearer ${token}` } });
      expect(download.status).toBe(503);
      expect(Number(download.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await download.json()).toMatchObject({ code: 'UNAVAILABLE' });
      const rpc = await refusal(grpc.call('GetCase', { caseId: '00000000-0000-4000-8000-000000000000' }, OVERSIGHT));
      expect(rpc.code).toBe(14); // UNAVAILABLE
      const health = await fetch(`${origin()}/health`);
      expect(health.status).toBe(503);
      await sleep(2500);
      expect(netra.child.exitCode).toBeNull();
      await proxy.open();
      const report = await load.stop();
      for (const unavailable of report.refusals) expect(unavailable.retryAfterSeconds).toEqual(expect.any(Number));
      await healthRecovers(origin(), 30_000);
      await expectNothingLost(report);
    } finally {
      grpc.close();
      await proxy.refuse();
    }
  }, 180_000);

  it('waits at start-up for a database that is not answering yet, then becomes ready', async () => {
    const proxy = new TcpProxy(new URL(database.url).hostname, Number(new URL(database.url).port || 5432));
    await proxy.open();
    await proxy.refuse();
    try {
      let refusedAttempts = 0;
      let opening: Promise<void> | null = null;
      // Opened (once) only after Netra was refused twice: a slow start must not find it open already.
      netra = await start(proxy.url(database.url), { STARTUP_WAIT_SECONDS: '60' }, (chunk) => {
        refusedAttempts += (chunk.match(/waiting for the event store/g) ?? []).length;
        if (refusedAttempts >= 2) opening ??= sleep(1000).then(() => proxy.open());
      });
      await opening;
      expect(refusedAttempts).toBeGreaterThanOrEqual(2);
      expect(netra.output.join('')).toMatch(/"dependency":"event store \(PostgreSQL\)","failure":\{"type":"Error","code":"ECONNREFUSED"\}.*"waiting for the event store \(PostgreSQL\) to answer"/);
      await healthRecovers(origin(), 10_000);
    } finally {
      await proxy.refuse();
    }
  }, 120_000);

  it('gives up after STARTUP_WAIT_SECONDS with one line naming the store and the failure', async () => {
    const proxy = new TcpProxy(new URL(database.url).hostname, Number(new URL(database.url).port || 5432));
    await proxy.open();
    await proxy.refuse();
    const started = Date.now();
    const failure = await start(proxy.url(database.url), { STARTUP_WAIT_SECONDS: '2' }).then(
      (running) => ((netra = running), 'started'),
      (error: Error) => error.message,
    );
    expect(failure).toContain(
      'netra: could not start: event store (PostgreSQL) did not answer within 2 s (last failure: ECONNREFUSED); check that it runs and that its URL is right, or raise STARTUP_WAIT_SECONDS',
    );
    expect(failure).toMatch(/^netra exited with 1/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  }, 60_000);
});

function withName(url: string): string {
  const named = new URL(url);
  named.searchParams.set('application_name', APPLICATION_NAME);
  return named.toString();
}
