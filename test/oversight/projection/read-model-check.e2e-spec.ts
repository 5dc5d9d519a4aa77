import type { PGlite } from '@electric-sql/pglite';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { GraphQLClient } from 'graphql-request';
import { Pool } from 'pg';
import { signDevToken } from '../../../src/auth/dev-token';
import type { EventStore } from '../../../src/event-store/event-store';
import { openPglite } from '../../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../../src/event-store/pglite/pglite-event-store';
import { PostgresEventStore } from '../../../src/event-store/postgres/postgres-event-store';
import { ProjectionRunner } from '../../../src/oversight/projection/projection-runner';
import { openPgliteReadDb, openPostgresReadDb } from '../../../src/oversight/read-model/open-read-db';
import type { ReadDb } from '../../../src/storage/read-db';
import { dumpReadModel } from '../../../src/oversight/read-model/read-model-dump';
import { KeyStore } from '../../../src/privacy/key-store';
import { EVENTS_SCHEMA } from '../../../src/storage/storage';
import { aLaporan, REPORT_CASE } from '../../e2e/fixtures';
import { TEST_SECRET } from '../../support/netra-app';
import { spawnNetra } from '../../support/netra-process';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../../support/throwaway-database';

const MAIN = join(__dirname, '..', '..', '..', 'dist', 'main.js');
const VERIFY = join(__dirname, '..', '..', '..', 'dist', 'cli', 'verify-ledger.js');
const MASTER_KEY = randomBytes(32).toString('base64');

function run(script: string, env: Record<string, string>): { status: number | null; stdout: string; lines: string[] } {
  const result = spawnSync(process.execPath, [script], {
    env: { ...process.env, NETRA_DEMO: '0', PORT: '0', GRPC_PORT: '0', AUTH_DEV_SECRET: TEST_SECRET, OVERDUE_SCAN_SECONDS: '0', NETRA_MASTER_KEY: MASTER_KEY, ...env },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { status: result.status, stdout: result.stdout, lines: result.stderr.trim().split('\n') };
}

/** Runs the built server, records `cases` laporan through GraphQL, stops it cleanly; answers the log's head. */
async function recordCases(env: Record<string, string>, cases: number): Promise<void> {
  const netra = await spawnNetra({ NETRA_MASTER_KEY: MASTER_KEY, ...env });
  const token = await signDevToken(TEST_SECRET, { sub: 'ahead-test', agency: 'BAWASLU', region: '16.73' });
  const client = new GraphQLClient(netra.url, { headers: { authorization: `Bearer ${token}` } });
  for (let i = 0; i < cases; i++) await client.request(REPORT_CASE, { input: aLaporan({ commandId: `ahead-${randomUUID()}` }) });
  netra.child.kill('SIGTERM');
  expect(await netra.exited).toBe(0);
}

/** The read model a replay of the whole log from position 0 gives, in a throw-away database. */
async function fullReplay(store: EventStore, keys: KeyStore): Promise<Record<string, string[]>> {
  const spare = await openPglite('memory:');
  try {
    const db = await openPgliteReadDb(spare);
    const runner = new ProjectionRunner(store, db, { keys });
    await runner.start();
    await runner.stop();
    return await dumpReadModel(db);
  } finally {
    await spare.close();
  }
}

const refusedLine = (checkpoint: number, head: number) =>
  `netra: cannot start: the read model has applied the log up to position ${checkpoint}, but the log ends at ${head}: the log lost its tail (restored from an older backup, or damaged). ` +
  `Netra does not start on it: restore the event log from a backup that reaches position ${checkpoint}, or start once with NETRA_ON_READ_MODEL_AHEAD=rebuild to rebuild the read model from the log as it is (README "Faults and recovery")`;

describe('a read model ahead of the embedded log', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'netra-ahead-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Opens the stopped store's files directly, as an operator's tool would. */
  async function onDisk<T>(use: (pglite: PGlite, store: PgliteEventStore) => Promise<T>): Promise<T> {
    const pglite = await openPglite(dir);
    try {
      return await use(pglite, new PgliteEventStore(pglite));
    } finally {
      await pglite.close();
    }
  }

  it('is refused at start and by verify, saying which; a log refilled with other events is refused too; rebuild on request equals a full replay', async () => {
    const env = { EVENT_STORE_URL: `file:${dir}` };
    await recordCases(env, 8);
    const head = await onDisk(async (pglite, store) => {
      const before = Number(await store.headPosition());
      // The tail of the log is lost, as with a restored older copy of the events or a zeroed WAL end.
      await pglite.query('DELETE FROM es_events WHERE position > $1', [before - 3]);
      return before;
    });
    expect(head).toBe(8);

    const refused = run(MAIN, env);
    expect(refused.status).toBe(1);
    expect(refused.lines).toEqual([refusedLine(8, 5)]);

    const verify = run(VERIFY, env);
    expect(verify.status).toBe(1);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: false, ledgerOk: true, headPosition: '5', readModel: { ok: false, problem: 'ahead', checkpoint: '8', headPosition: '5' } });

    // What the old Netra did next: hand out positions 6.. again to other events. The log is past the checkpoint now, but not the same log.
    await onDisk(async (_pglite, store) => {
      for (let i = 0; i < 4; i++) {
        await store.append(`other-${i}`, [{ id: randomUUID(), type: 'Unrelated', data: { i }, metadata: { commandId: `o-${i}`, agency: 'BAWASLU', userId: 'u', recordedAt: new Date().toISOString() } }], 'no_stream');
      }
    });
    const different = run(MAIN, env);
    expect(different.status).toBe(1);
    expect(different.lines).toEqual([
      expect.stringMatching(/^netra: cannot start: the event at position 8 is not the one the read model applied \(hash [0-9a-f]{12}…, the read model recorded [0-9a-f]{12}…\): the log was replaced by another history\. Netra does not start on it: /),
    ]);
    expect(JSON.parse(run(VERIFY, env).stdout)).toMatchObject({ ok: false, readModel: { problem: 'different', checkpoint: '8', headPosition: '9' } });

    const rebuilt = await spawnNetra({ ...env, NETRA_MASTER_KEY: MASTER_KEY, NETRA_ON_READ_MODEL_AHEAD: 'rebuild' });
    expect(rebuilt.output.join('')).toContain('rebuilding it from the log (NETRA_ON_READ_MODEL_AHEAD=rebuild)');
    rebuilt.child.kill('SIGTERM');
    expect(await rebuilt.exited).toBe(0);

    await onDisk(async (pglite, store) => {
      const recovered = await dumpReadModel(await openPgliteReadDb(pglite));
      const keys = new KeyStore(drizzlePglite(pglite) as unknown as ReadDb, Buffer.from(MASTER_KEY, 'base64'));
      expect(recovered).toEqual(await fullReplay(store, keys));
      expect(recovered.rm_cases).toHaveLength(5);
      expect(recovered.rm_checkpoints).toEqual([expect.stringContaining('"position": 9')]);
    });
    // And it starts normally again, without the option.
    const again = await spawnNetra({ ...env, NETRA_MASTER_KEY: MASTER_KEY });
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(JSON.parse(run(VERIFY, env).stdout)).toMatchObject({ ok: true, readModel: { ok: true, checkpoint: '9', headPosition: '9' } });
  }, 300_000);
});

describeWithPostgres('a read model ahead of the PostgreSQL log', () => {
  let database: ThrowawayDatabase;
  beforeAll(async () => (database = await createThrowawayDatabase(4)));
  afterAll(async () => database?.drop());

  it('is refused at start and by verify, and rebuilt on request to equal a full replay', async () => {
    const env = { EVENT_STORE_URL: database.url };
    await recordCases(env, 7);
    const events = `${EVENTS_SCHEMA}.es_events`;
    const streams = `${EVENTS_SCHEMA}.es_streams`;
    // An older state of the log: the last three events gone, the stream versions as they were then.
    await database.pool.query(`DELETE FROM ${events} WHERE position > 4`);
    await database.pool.query(`DELETE FROM ${streams} s WHERE NOT EXISTS (SELECT 1 FROM ${events} e WHERE e.stream_id = s.stream_id)`);

    const refused = run(MAIN, env);
    expect(refused.status).toBe(1);
    expect(refused.lines).toEqual([refusedLine(7, 4)]);
    expect(JSON.parse(run(VERIFY, env).stdout)).toMatchObject({ ok: false, ledgerOk: true, readModel: { ok: false, problem: 'ahead', checkpoint: '7', headPosition: '4' } });

    const rebuilt = await spawnNetra({ ...env, NETRA_MASTER_KEY: MASTER_KEY, NETRA_ON_READ_MODEL_AHEAD: 'rebuild' });
    rebuilt.child.kill('SIGTERM');
    expect(await rebuilt.exited).toBe(0);

    const pool = new Pool({ connectionString: database.url, max: 2 });
    const { db: readDb, pool: readPool } = await openPostgresReadDb(database.url);
    const store = new PostgresEventStore(pool, { schema: EVENTS_SCHEMA });
    try {
      const recovered = await dumpReadModel(readDb);
      const keys = new KeyStore(drizzlePostgres(pool) as unknown as ReadDb, Buffer.from(MASTER_KEY, 'base64'));
      expect(recovered).toEqual(await fullReplay(store, keys));
      expect(recovered.rm_cases).toHaveLength(4);
    } finally {
      await store.close();
      await pool.end();
      await readPool.end();
    }
    expect(run(VERIFY, env).status).toBe(0);
  }, 300_000);
});
