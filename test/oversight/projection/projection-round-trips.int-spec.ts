import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Pool, PoolClient } from 'pg';
import { appendCases, appendSyntheticHistory, syntheticHistory } from '../../../src/demo/synthetic-history';
import type { EventStore } from '../../../src/event-store/event-store';
import { openPglite } from '../../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../../src/event-store/pglite/pglite-event-store';
import { PostgresEventStore } from '../../../src/event-store/postgres/postgres-event-store';
import { projectCaseEvents } from '../../../src/oversight/projection/case-projection';
import { inOneRoundTrip } from '../../../src/oversight/projection/one-round-trip';
import { ProjectionRunner } from '../../../src/oversight/projection/projection-runner';
import { openPgliteReadDb, openPostgresReadDb } from '../../../src/oversight/read-model/open-read-db';
import { dumpReadModel } from '../../../src/oversight/read-model/read-model-dump';
import type { ReadDb } from '../../../src/storage/read-db';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../../support/throwaway-database';

/**
 * Under write load every round trip to the database waits its turn behind the commands on the event
 * loop (or, embedded, on the database's thread), so the projection lag grew with the number of
 * statements a batch sends, ~18 of them (README, "Projection lag (session 8)"). A batch now sends a
 * fixed handful whatever it holds, and what it writes is what the statements one by one wrote.
 */

interface Setup {
  store: EventStore;
  readDb: ReadDb;
  /** A second, empty read model on the same kind of database. */
  otherDb: ReadDb;
  /** Statements the read model's connection(s) received so far. */
  statements(): number;
  /** The most round trips a batch (with the start's checkpoint read) may cost on this store. */
  roundTrips: number;
  close(): Promise<void>;
}

function suite(open: () => Promise<Setup>): void {
  let setup: Setup;
  beforeEach(async () => (setup = await open()));
  afterEach(() => setup.close());

  it('text with quotes and backslashes is stored exactly when inlined, and the statements run in order in the transaction', async () => {
    const tricky = ["O'Brien", 'C:\\path\\n', "\\'; DROP TABLE rm_cases; --", '$1 $2', '{"a":"b\\"c"}', 'Rp 1.000,-\u00a0ü'];
    await setup.readDb.execute(sql`CREATE TABLE rt_probe (n int, v text)`);
    await setup.readDb.transaction(async (tx) => {
      await inOneRoundTrip(tx as unknown as ReadDb, [
        ...tricky.map((v, n) => sql`INSERT INTO rt_probe (n, v) VALUES (${n}, ${v})`),
        sql`UPDATE rt_probe SET v = v || ${'!'} WHERE n = ${0}`,
      ]);
    });
    const rows = (await setup.readDb.execute(sql`SELECT n, v FROM rt_probe ORDER BY n`)) as unknown as { rows: Array<{ n: number; v: string }> };
    expect(rows.rows.map((r) => r.v)).toEqual([`${tricky[0]}!`, ...tricky.slice(1)]);
  });

  it('a failing statement fails the batch with its own error, writes nothing, and the connection serves the next batch', async () => {
    await setup.readDb.execute(sql`CREATE TABLE rt_fail (n int PRIMARY KEY)`);
    const batch = (...ns: number[]) => setup.readDb.transaction((tx) => inOneRoundTrip(tx as unknown as ReadDb, ns.map((n) => sql`INSERT INTO rt_fail (n) VALUES (${n})`)));
    // As one statement's failure reads (drizzle's error around the driver's, with its SQL state), naming no statement.
    const failure = await batch(1, 1, 2).then(() => null, (error: unknown) => error as Error & { cause?: Record<string, unknown> });
    expect(failure).toMatchObject({ name: 'Error', cause: { code: '23505' } });
    expect(failure!.constructor.name).toBe('DrizzleQueryError');
    expect(failure!.message).not.toMatch(/INSERT|rt_fail/);
    expect(failure!.cause).not.toHaveProperty('query');
    await batch(3, 4);
    const rows = (await setup.readDb.execute(sql`SELECT n FROM rt_fail ORDER BY n`)) as unknown as { rows: Array<{ n: number }> };
    expect(rows.rows.map((r) => r.n)).toEqual([3, 4]);
  });

  it('a batch of 2 cases and one of 40 each reach the database in the same few round trips', async () => {
    const counts: number[] = [];
    const history = [...syntheticHistory(42, 3)];
    for (const cases of [history.slice(0, 2), history.slice(2)]) {
      await appendCases(setup.store, cases);
      const runner = new ProjectionRunner(setup.store, setup.readDb);
      const before = setup.statements();
      await runner.start();
      await runner.stop();
      counts.push(setup.statements() - before);
    }
    // The checkpoint read at start (and, embedded, the log read on the same client); then BEGIN, the
    // checkpoint under lock, the counted rows, the states, the writes and checkpoint, COMMIT.
    expect(counts[1]).toBe(counts[0]);
    // PostgreSQL sends BEGIN, the checkpoint, counted rows and states together (readBatchStart), and COMMIT with
    // the writes (batch-transaction.ts): 3 there (5 before, 7 before readBatchStart).
    expect(counts[0]).toBeLessThanOrEqual(setup.roundTrips);
  });

  it('the rows written in one round trip are those the statements one by one write', async () => {
    await appendSyntheticHistory(setup.store, 30, 7);
    const runner = new ProjectionRunner(setup.store, setup.readDb);
    await runner.start();
    await runner.stop();
    const events = await setup.store.readAll(0n, 10_000);
    for (let at = 0; at < events.length; at += 37) {
      await setup.otherDb.transaction((tx) => projectCaseEvents(tx as unknown as ReadDb, events.slice(at, at + 37)));
    }
    const live = await dumpReadModel(setup.readDb);
    const other = await dumpReadModel(setup.otherDb);
    // The checkpoint is the runner's alone; every other table must match row for row.
    delete live.rm_checkpoints;
    delete other.rm_checkpoints;
    expect(live).toEqual(other);
    expect(live.rm_cases.length).toBe(30);
  });
}

describe('a projection batch on the embedded store', () => {
  suite(async () => {
    const pglite = await openPglite('memory:');
    const spare = await openPglite('memory:');
    let statements = 0;
    const counted = (client: PGlite): PGlite => {
      const transaction = client.transaction.bind(client);
      client.transaction = ((work: (tx: unknown) => Promise<unknown>) =>
        transaction((tx) => {
          statements += 2; // BEGIN and COMMIT
          const { query, exec } = tx;
          return work(Object.assign(tx, { query: (...a: Parameters<typeof query>) => (statements++, query.apply(tx, a)), exec: (...a: Parameters<typeof exec>) => (statements++, exec.apply(tx, a)) }));
        })) as PGlite['transaction'];
      const query = client.query.bind(client);
      client.query = ((...a: Parameters<typeof query>) => (statements++, query(...a))) as PGlite['query'];
      return client;
    };
    const store = new PgliteEventStore(pglite);
    await store.init();
    const readDb = await openPgliteReadDb(pglite);
    const otherDb = await openPgliteReadDb(spare);
    // Counted after the set-up: from here the read model's client is what the runner talks to (its reads of the log included).
    counted(pglite);
    return {
      store,
      readDb,
      otherDb,
      statements: () => statements,
      roundTrips: 8,
      close: async () => (await store.close(), await pglite.close(), await spare.close()),
    };
  });
});

describeWithPostgres('a projection batch on PostgreSQL', () => {
  suite(async () => {
    const database: ThrowawayDatabase = await createThrowawayDatabase(4);
    const eventsPool: Pool = database.pool;
    const store = new PostgresEventStore(eventsPool, { schema: 'netra_events' });
    await store.init();
    const { db: readDb, pool } = await openPostgresReadDb(database.url);
    const { db: otherDb, pool: otherPool } = await openPostgresReadDb(database.url, 'netra_read_other');
    let statements = 0;
    // A round trip: a statement sent while none is out on that connection (pipelined ones ride along).
    const count = (client: PoolClient) => {
      const query = client.query.bind(client) as (...a: unknown[]) => unknown;
      let out = 0;
      (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
        if (out++ === 0) statements++;
        const last = a[a.length - 1];
        if (typeof last === 'function') return query(...a.slice(0, -1), (...r: unknown[]) => (out--, (last as (...r: unknown[]) => unknown)(...r)));
        const result = query(...a) as Promise<unknown>;
        void result.then(() => out--, () => out--);
        return result;
      };
    };
    // Every connection the read model's pool hands out from now on counts its statements (pool.query goes through connect too).
    const mark = (client: PoolClient | undefined) => {
      if (client && !(client as unknown as { counted?: boolean }).counted) count(client), Object.assign(client, { counted: true });
    };
    const connect = pool.connect.bind(pool) as (cb?: (error: Error | undefined, client: PoolClient | undefined, done: unknown) => void) => Promise<PoolClient> | void;
    (pool as unknown as { connect: unknown }).connect = (cb?: (error: Error | undefined, client: PoolClient | undefined, done: unknown) => void) =>
      cb ? connect((error, client, done) => (mark(client), cb(error, client, done))) : (connect() as Promise<PoolClient>).then((client) => (mark(client), client));
    return {
      store,
      readDb,
      otherDb,
      statements: () => statements,
      roundTrips: 3,
      close: async () => (await store.close(), await pool.end(), await otherPool.end(), await database.drop()),
    };
  });
});
