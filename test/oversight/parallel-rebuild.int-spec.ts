import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { randomBytes } from 'node:crypto';
import { syntheticHistory } from '../../src/demo/synthetic-history';
import type { EventStore } from '../../src/event-store/event-store';
import { partitionOf } from '../../src/oversight/projection/copy-load';
import { rebuildPostgresReadModel } from '../../src/oversight/projection/rebuild';
import { openPostgresReadDb } from '../../src/oversight/read-model/open-read-db';
import { dumpReadModel } from '../../src/oversight/read-model/read-model-dump';
import { KeyStore } from '../../src/privacy/key-store';
import { ERASED } from '../../src/privacy/personal-fields';
import { sealEvent } from '../../src/privacy/personal-data';
import type { ReadDb } from '../../src/storage/read-db';
import { appendInterleaved, CASES, failingAfter } from '../support/interleaved-history';
import { eventsOnPostgres, liveReadModelAt, readModelAt } from '../support/rebuild-on-postgres';
import { describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';

/**
 * The PostgreSQL bulk load with its cases split over worker threads (copy-load.ts, fold-worker.ts):
 * every partition's cases must arrive once — a partition lost leaves its cases out of the tables and
 * the counters, one doubled breaks the tables' keys or doubles the counts. Personal values are sealed
 * (the workers get the cases' data keys), one case is erased mid-log, pages are tiny.
 */
describeWithPostgres('bulk rebuild of the PostgreSQL read model in worker threads', () => {
  const WORKERS = 3;
  let database: ThrowawayDatabase;
  let store: EventStore;
  let keys: KeyStore;
  let close: () => Promise<void>;
  let live: Record<string, string[]>;

  beforeAll(async () => {
    ({ database, store, close } = await eventsOnPostgres());
    keys = new KeyStore(drizzle(database.pool) as unknown as ReadDb, randomBytes(32));
    await appendInterleaved(store, true, async (caseId, events) => {
      const key = (await keys.keyFor(caseId))!;
      return events.map((e) => sealEvent(e, key));
    });
    live = await liveReadModelAt(database.url, store, keys);
  }, 180_000);
  afterAll(() => close());

  it('gives every partition cases, and the history sealed values the projection opens', async () => {
    const ids = [...syntheticHistory(CASES, 77)].map((c) => String(c.events[0].data.caseId));
    expect(new Set(ids.map((id) => partitionOf(id, WORKERS))).size).toBe(WORKERS);
    // Stored sealed; the live read model holds them opened (a worker without the keys would write the erased marker).
    const stored = await database.pool.query(`SELECT count(*)::int AS n FROM netra_events.es_events WHERE data::text LIKE '%sealed:v1:%'`);
    expect(stored.rows[0].n).toBeGreaterThanOrEqual(CASES);
    expect(live.rm_follow_ups.some((row) => row.includes('sealed:v1:'))).toBe(false);
    expect(live.rm_follow_ups.filter((row) => JSON.parse(row).name !== ERASED).length).toBeGreaterThan(CASES);
    expect(live.rm_cases.some((row) => JSON.parse(row).personal_data_erased_at !== null)).toBe(true);
  });

  it('swaps in a read model equal to the live projection, each partition folded in a worker thread', async () => {
    const report = await rebuildPostgresReadModel(store, database.url, keys, undefined, { page: 7, workers: WORKERS, casesPerPage: 3 });
    expect(report.workers).toBe(WORKERS);
    expect(report.position).toBe(await store.headPosition());
    expect(await readModelAt(database.url)).toEqual(live);
  }, 180_000);

  it('keeps the live read model when the load is cut off, its workers ended', async () => {
    await expect(rebuildPostgresReadModel(failingAfter(store, 5), database.url, keys, undefined, { page: 7, workers: WORKERS, casesPerPage: 3 })).rejects.toThrow('connection lost (test)');
    const { db, pool } = await openPostgresReadDb(database.url);
    try {
      expect(await dumpReadModel(db)).toEqual(live);
      // No COPY left open on the half-loaded schema.
      const copies = (await db.execute(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY %' AND state <> 'idle'`)) as unknown as { rows: Array<{ n: number }> };
      expect(copies.rows[0].n).toBe(0);
    } finally {
      await pool.end();
    }
  }, 180_000);
});
