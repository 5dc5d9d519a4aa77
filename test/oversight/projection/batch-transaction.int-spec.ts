import { sql } from 'drizzle-orm';
import type { Pool, PoolClient } from 'pg';
import { appendSyntheticHistory } from '../../../src/demo/synthetic-history';
import { PostgresEventStore } from '../../../src/event-store/postgres/postgres-event-store';
import { projectCaseEvents } from '../../../src/oversight/projection/case-projection';
import { ProjectionRunner, readCheckpoint } from '../../../src/oversight/projection/projection-runner';
import { openPostgresReadDb } from '../../../src/oversight/read-model/open-read-db';
import { dumpReadModel } from '../../../src/oversight/read-model/read-model-dump';
import type { ReadDb } from '../../../src/storage/read-db';
import { Backoff } from '../../../src/storage/backoff';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../../support/throwaway-database';

/**
 * On PostgreSQL a live batch owns its transaction (batch-transaction.ts): BEGIN rides with the first
 * reads, COMMIT with the writes, and the commit does not wait for the WAL flush (the read model is
 * derived from the log). A write that fails must still roll the whole batch back, checkpoint included.
 */
describeWithPostgres('a projection batch\'s transaction on PostgreSQL', () => {
  let database: ThrowawayDatabase;
  let store: PostgresEventStore;
  let readDb: ReadDb;
  let pool: Pool;
  let otherDb: ReadDb;
  let otherPool: Pool;
  /** Every statement text the read model's pool's connections were sent, in order. */
  let sent: string[];

  beforeEach(async () => {
    database = await createThrowawayDatabase(4);
    store = new PostgresEventStore(database.pool, { schema: 'netra_events' });
    await store.init();
    ({ db: readDb, pool } = await openPostgresReadDb(database.url));
    ({ db: otherDb, pool: otherPool } = await openPostgresReadDb(database.url, 'netra_read_other'));
    sent = [];
    const watch = (client: PoolClient) => {
      if ((client as unknown as { watched?: boolean }).watched) return client;
      const query = client.query.bind(client) as (...a: unknown[]) => unknown;
      (client as unknown as { query: unknown; watched: boolean }).query = (...a: unknown[]) => {
        const text = typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string }).text;
        if (text) sent.push(text);
        return query(...a);
      };
      (client as unknown as { watched: boolean }).watched = true;
      return client;
    };
    const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
    (pool as unknown as { connect: unknown }).connect = (cb?: unknown) => {
      if (typeof cb === 'function') return (connect as unknown as (cb: unknown) => void)((e: unknown, c: PoolClient, d: unknown) => (cb as (...x: unknown[]) => void)(e, c && watch(c), d));
      return connect().then(watch);
    };
  });

  afterEach(async () => {
    await store.close();
    await pool.end();
    await otherPool.end();
    await database.drop();
  });

  it('a batch sends BEGIN ahead of its reads and COMMIT behind its writes, without waiting for the WAL flush', async () => {
    await appendSyntheticHistory(store, 5, 3);
    const runner = new ProjectionRunner(store, readDb);
    await runner.start();
    await runner.stop();
    const begin = sent.indexOf('BEGIN');
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(sent[begin + 1]).toBe('SET LOCAL synchronous_commit TO off');
    expect(sent[begin + 2]).toMatch(/for update/i);
    const commit = sent.indexOf('COMMIT', begin);
    expect(sent[commit - 1]).toMatch(/rm_checkpoints/);
    expect(await readCheckpoint(readDb)).toBe(await store.headPosition());
  });

  it('a write that fails rolls the batch back, checkpoint included, and the retry leaves what a replay gives', async () => {
    await appendSyntheticHistory(store, 12, 4);
    // The first batch's timeline insert fails, once (a sequence: its step survives the rollback): nothing of that batch may stay.
    await readDb.execute(sql.raw(`CREATE SEQUENCE fail_once;
      CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF nextval('fail_once') = 1 THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER fail_once BEFORE INSERT ON rm_timeline FOR EACH STATEMENT EXECUTE FUNCTION fail_once()`));
    const failures: unknown[] = [];
    const runner = new ProjectionRunner(store, readDb, { backoff: new Backoff(10, 20), onFailure: (error) => failures.push(error) });
    await runner.start().catch(() => undefined);
    const head = await store.headPosition();
    await expect(runner.waitFor(head, 20_000)).resolves.toBe(true);
    await runner.stop();
    expect(failures).toEqual([expect.objectContaining({ message: expect.stringMatching(/projection statements/) })]);
    // The failed batch's rows and checkpoint are gone; the retry wrote them once.
    const events = await store.readAll(0n, 10_000);
    await otherDb.transaction((tx) => projectCaseEvents(tx as unknown as ReadDb, events));
    const live = await dumpReadModel(readDb);
    const other = await dumpReadModel(otherDb);
    delete live.rm_checkpoints;
    delete other.rm_checkpoints;
    expect(live).toEqual(other);
    expect(await readCheckpoint(readDb)).toBe(head);
  });
});
