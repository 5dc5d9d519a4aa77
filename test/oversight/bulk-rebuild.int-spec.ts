import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { syntheticHistory } from '../../src/demo/synthetic-history';
import type { EventStore } from '../../src/event-store/event-store';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { rebuildInPlace, rebuildPostgresReadModel } from '../../src/oversight/projection/rebuild';
import { openPgliteReadDb, openPostgresReadDb } from '../../src/oversight/read-model/open-read-db';
import { dumpReadModel } from '../../src/oversight/read-model/read-model-dump';
import type { ReadDb } from '../../src/storage/read-db';
import { appendInterleaved, CASES, failingAfter, projectLive } from '../support/interleaved-history';
import { eventsOnPostgres, liveReadModelAt, readModelAt } from '../support/rebuild-on-postgres';
import { describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';

/**
 * The bulk rebuild (bulk-rebuild.ts) against the live projection, on a history whose cases
 * interleave in the log (each case appended in pieces, round robin), with pages so small that a
 * case's events fall into many pages and, on PostgreSQL, into lanes written side by side.
 */

const rowsOf = async (db: ReadDb, query: string) => ((await db.execute(sql.raw(query))) as unknown as { rows: Array<Record<string, unknown>> }).rows;

describe('bulk rebuild of the embedded read model', () => {
  let pglite: PGlite;
  let store: PgliteEventStore;
  let db: ReadDb;
  let live: Record<string, string[]>;

  beforeAll(async () => {
    pglite = await openPglite('memory:');
    store = new PgliteEventStore(pglite);
    await store.init();
    expect(await appendInterleaved(store)).toBeGreaterThan(CASES * 3);
    db = await openPgliteReadDb(pglite);
    await projectLive(store, db);
    live = await dumpReadModel(db);
  }, 120_000);
  afterAll(async () => {
    await pglite.close();
  });

  it('ends equal to the live projection, counters, versions, indexes and checkpoint included', async () => {
    expect(live.rm_summary_counts.length).toBeGreaterThan(0);
    expect(live.rm_summary_values.length).toBeGreaterThan(0);
    expect(live.rm_case_versions.some((row) => JSON.parse(row).valid_to !== null)).toBe(true);
    const indexesBefore = await rowsOf(db, `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename LIKE 'rm\\_%' ORDER BY indexname`);
    const seen: number[] = [];
    const report = await rebuildInPlace(store, db, undefined, { page: 7, onProgress: (n) => seen.push(n) });
    expect(report.position).toBe(await store.headPosition());
    expect(seen.length).toBeGreaterThan(10);
    expect(await dumpReadModel(db)).toEqual(live);
    // Every index the migrations made is there again (built after the load), and nothing of the rebuild is left.
    expect(await rowsOf(db, `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename LIKE 'rm\\_%' ORDER BY indexname`)).toEqual(indexesBefore);
    expect(await rowsOf(db, `SELECT nspname FROM pg_namespace WHERE nspname = 'public_next'`)).toEqual([]);
    expect((await rowsOf(db, 'SHOW search_path'))[0].search_path).not.toContain('next');
    // The live projection goes on from the rebuilt checkpoint.
    await projectLive(store, db);
    expect(await dumpReadModel(db)).toEqual(live);
  }, 120_000);

  it('leaves the old read model as it was when the load is cut off, and the next rebuild completes', async () => {
    await expect(rebuildInPlace(failingAfter(store, 4), db, undefined, { page: 7 })).rejects.toThrow('connection lost (test)');
    expect(await dumpReadModel(db)).toEqual(live);
    expect(await rowsOf(db, `SELECT nspname FROM pg_namespace WHERE nspname = 'public_next'`)).toEqual([]);
    expect((await rowsOf(db, 'SHOW search_path'))[0].search_path).not.toContain('next');
    await rebuildInPlace(store, db, undefined, { page: 11 });
    expect(await dumpReadModel(db)).toEqual(live);
  }, 120_000);
});

describeWithPostgres('bulk rebuild of the PostgreSQL read model', () => {
  let database: ThrowawayDatabase;
  let store: EventStore;
  let close: () => Promise<void>;
  let live: Record<string, string[]>;

  beforeAll(async () => {
    ({ database, store, close } = await eventsOnPostgres());
    await appendInterleaved(store);
    live = await liveReadModelAt(database.url, store);
  }, 120_000);
  afterAll(() => close());

  it('swaps in a read model equal to the live projection, loaded in lanes side by side', async () => {
    const report = await rebuildPostgresReadModel(store, database.url, undefined, undefined, { page: 7, lanes: 3, casesPerPage: 3 });
    expect(report.position).toBe(await store.headPosition());
    expect(await readModelAt(database.url)).toEqual(live);
  }, 120_000);

  it('keeps folded states plain up to its budget and deflated after it, and ends equal to the live projection', async () => {
    // A budget of about two states: the first cases stay plain, the rest are deflated, and states move between the two as they are replaced.
    const report = await rebuildPostgresReadModel(store, database.url, undefined, undefined, { page: 7, plainStates: 4000, logOrder: true });
    expect(report.position).toBe(await store.headPosition());
    expect(await readModelAt(database.url)).toEqual(live);
  }, 120_000);

  it('keeps the live read model when the load is cut off', async () => {
    await expect(rebuildPostgresReadModel(failingAfter(store, 5), database.url, undefined, undefined, { page: 7, lanes: 2, casesPerPage: 3 })).rejects.toThrow('connection lost (test)');
    expect(await readModelAt(database.url)).toEqual(live);
  }, 120_000);

  it('rebuilds in place on a pool (one session) equal to the live projection', async () => {
    const { db, pool } = await openPostgresReadDb(database.url);
    try {
      await rebuildInPlace(store, db, undefined, { page: 9 });
      expect(await dumpReadModel(db)).toEqual(live);
    } finally {
      await pool.end();
    }
  }, 120_000);
});

describeWithPostgres('bulk rebuild of the PostgreSQL read model over an erasure', () => {
  let database: ThrowawayDatabase;
  let store: EventStore;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ database, store, close } = await eventsOnPostgres());
  }, 120_000);
  afterAll(() => close());

  it('deletes what it loaded of the erased case, projects it again with nothing opened, and ends equal to the live projection', async () => {
    // A case whose events span several pages, erased mid-log; other cases go on after it.
    await appendInterleaved(store, true);
    const caseId = String([...syntheticHistory(CASES, 77)][3].events[0].data.caseId);
    const live = await liveReadModelAt(database.url, store);
    expect(live.rm_cases.some((row) => JSON.parse(row).id === caseId && JSON.parse(row).personal_data_erased_at !== null)).toBe(true);
    // Read case by case (the erased case whole in one page, cut after its erasure), then in log order.
    for (const order of [{ casesPerPage: 3 }, { logOrder: true }]) {
      await rebuildPostgresReadModel(store, database.url, undefined, undefined, { page: 7, ...order });
      expect(await readModelAt(database.url)).toEqual(live);
    }
  }, 300_000);
});

/**
 * COPY's text format has its own escapes (backslash, tab, newline, carriage return, `\N` for null) and
 * arrays their own quoting: officers' free text — a summary pasted from a letter, a name, a decree
 * number — must come through the bulk load exactly as the live projection stores it.
 */
describeWithPostgres('bulk rebuild of the PostgreSQL read model with the worst text', () => {
  const WORST = ' \t|\n|\r\n|\\|\\N|\\\\N|"q"|\'a\'|{x,y}|NULL|\\t|é Ω 😀';
  const FREE_TEXT = new Set(['summary', 'place', 'name', 'institution', 'position', 'title', 'letterNumber', 'decreeNumber', 'registerNumber']);
  const worsen = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') return FREE_TEXT.has(key) ? `${value}${WORST}` : value;
    if (Array.isArray(value)) return value.map((item) => worsen(item));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, worsen(v, k)]));
    return value;
  };
  let database: ThrowawayDatabase;
  let store: EventStore;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ database, store, close } = await eventsOnPostgres());
  }, 120_000);
  afterAll(() => close());

  it('ends equal to the live projection, every escape and quote kept', async () => {
    for (const c of syntheticHistory(12, 91)) {
      await store.append(c.streamId, c.events.map((e) => ({ ...e, data: worsen(e.data) as typeof e.data })), 'no_stream');
    }
    const live = await liveReadModelAt(database.url, store);
    // The text reached the tables the load writes by COPY (else this test would prove nothing).
    const stored = JSON.stringify(WORST).slice(1, -1);
    for (const table of ['rm_cases', 'rm_follow_ups', 'rm_case_versions', 'rm_follow_up_versions', 'rm_timeline']) {
      expect({ table, holds: live[table].some((row) => row.includes(stored)) }).toEqual({ table, holds: true });
    }
    await rebuildPostgresReadModel(store, database.url, undefined, undefined, { page: 5, casesPerPage: 2 });
    expect(await readModelAt(database.url)).toEqual(live);
  }, 180_000);
});
