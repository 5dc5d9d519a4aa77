import { messages, type PGlite, types } from '@electric-sql/pglite';
import { openEmbedded } from '../../src/event-store/pglite/open-pglite';
import { PgliteThread, type EmbeddedClient, type StatementTiming } from '../../src/event-store/pglite/pglite-thread';

/** Drizzle's parsers (drizzle-orm/pglite): dates and intervals stay text. */
const DRIZZLE_PARSERS = Object.fromEntries([types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((oid) => [oid, (value: string) => value]));

const EVERY_TYPE = `
  SELECT 1::int4 AS i, 9007199254740993::int8 AS big, 1.50::numeric AS n, true AS b, 'x'::text AS t,
         '2024-02-29T10:00:00Z'::timestamptz AS at, '2024-02-29'::date AS day, '1 day'::interval AS span,
         '{"a": [1, "b"]}'::jsonb AS doc, '\\x0102'::bytea AS bytes, ARRAY['a', 'b'] AS list,
         ARRAY['2024-01-01'::date] AS days, '6f1c2d4e-1f1a-4f6b-9a52-0d7e8c3b2a10'::uuid AS id, NULL::text AS nothing, 2 AS i`;

describe('the embedded database on its worker thread', () => {
  let here: PGlite;
  let thread: EmbeddedClient;
  beforeAll(async () => {
    here = (await openEmbedded('memory:', { sync: false })).pglite as PGlite;
    thread = (await openEmbedded('memory:', { sync: false, thread: true })).pglite;
    for (const db of [here, thread]) await db.exec('CREATE TABLE things (id int PRIMARY KEY, name text NOT NULL CONSTRAINT things_name_key UNIQUE)');
  });
  afterAll(async () => {
    await here?.close();
    await thread?.close();
  });

  it('answers the same rows, fields and counts as PGlite on the caller’s thread, with the caller’s parsers', async () => {
    for (const options of [undefined, { rowMode: 'array' as const, parsers: DRIZZLE_PARSERS }, { parsers: DRIZZLE_PARSERS }]) {
      const [mine, theirs] = await Promise.all([here.query(EVERY_TYPE, [], options), thread.query(EVERY_TYPE, [], options)]);
      expect(theirs).toEqual(mine);
    }
    const [mine, theirs] = await Promise.all([here.exec('SELECT 1 AS one; SELECT now()::date AS day'), thread.exec('SELECT 1 AS one; SELECT now()::date AS day')]);
    expect(theirs).toEqual(mine);
    expect(typeof (await thread.query<{ at: unknown }>(EVERY_TYPE, [], { parsers: DRIZZLE_PARSERS })).rows[0].at).toBe('string');
  });

  it('refuses a duplicate with PGlite’s DatabaseError, PostgreSQL’s code and the constraint', async () => {
    await thread.query('INSERT INTO things VALUES (1, $1)', ['one']);
    const refused = await thread.query('INSERT INTO things VALUES (2, $1)', ['one']).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(messages.DatabaseError);
    expect(refused).toMatchObject({ code: '23505', constraint: 'things_name_key', severity: 'ERROR', message: expect.stringContaining('duplicate key') });
    expect((refused as Error).stack).toMatch(/called from/);
  });

  it('rolls back a transaction whose work throws, and hands back the work’s own error', async () => {
    const own = new Error('the decider refused');
    await expect(
      thread.transaction(async (tx) => {
        await tx.query('INSERT INTO things VALUES (10, $1)', ['ten']);
        throw own;
      }),
    ).rejects.toBe(own);
    expect((await thread.query('SELECT count(*)::int AS n FROM things WHERE id = 10')).rows).toEqual([{ n: 0 }]);
  });

  it('rolls back a transaction whose statement failed, with the statement’s error', async () => {
    await expect(
      thread.transaction(async (tx) => {
        await tx.query('INSERT INTO things VALUES (11, $1)', ['eleven']);
        await tx.query('INSERT INTO things VALUES (12, $1)', ['eleven']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await thread.query('SELECT count(*)::int AS n FROM things WHERE id IN (11, 12)')).rows).toEqual([{ n: 0 }]);
  });

  it('commits what the work wrote and returns its result; tx.rollback() undoes it', async () => {
    const result = await thread.transaction(async (tx) => {
      await tx.exec("INSERT INTO things VALUES (20, 'twenty')");
      return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM things WHERE id = 20')).rows[0].n;
    });
    expect(result).toBe(1);
    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO things VALUES (21, 'twenty-one')");
      await tx.rollback();
      await expect(tx.query('SELECT 1')).rejects.toThrow('Transaction is closed');
    });
    expect((await thread.query('SELECT id FROM things WHERE id IN (20, 21) ORDER BY id')).rows).toEqual([{ id: 20 }]);
  });

  it('runs one transaction at a time: a statement sent meanwhile waits for the commit and sees it', async () => {
    const order: string[] = [];
    let outside: Promise<unknown> = Promise.resolve();
    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO things VALUES (30, 'thirty')");
      outside = thread.query<{ n: number }>('SELECT count(*)::int AS n FROM things WHERE id = 30').then(({ rows }) => order.push(`outside saw ${rows[0].n}`));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await tx.query("INSERT INTO things VALUES (31, 'thirty-one')");
      order.push('committing');
    });
    await outside;
    expect(order).toEqual(['committing', 'outside saw 1']);
  });

  it('keeps the caller’s thread free while a long statement runs (and PGlite on the caller’s thread does not)', async () => {
    async function longestPause(db: EmbeddedClient): Promise<{ pause: number; statement: number }> {
      let last = performance.now();
      let pause = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        pause = Math.max(pause, now - last);
        last = now;
      }, 10);
      const started = performance.now();
      await db.query('SELECT pg_sleep(1)');
      const statement = performance.now() - started;
      clearInterval(timer);
      return { pause: Math.max(pause, performance.now() - last), statement };
    }
    const worker = await longestPause(thread);
    const caller = await longestPause(here);
    expect(caller.pause).toBeGreaterThan(0.8 * caller.statement);
    expect(worker.pause).toBeLessThan(0.4 * worker.statement);
  });

  it('times statements and transactions on both threads only while the bench asks (PgliteThread.timing), answers unchanged', async () => {
    const seen: StatementTiming[] = [];
    PgliteThread.timing = (t) => void seen.push(t);
    try {
      const [one] = await Promise.all([thread.query('SELECT 1 AS one'), thread.transaction((tx) => tx.query('SELECT 2 AS two'))]);
      expect(one.rows).toEqual([{ one: 1 }]);
    } finally {
      PgliteThread.timing = null;
    }
    expect(seen.map((t) => t.sql).sort()).toEqual(['SELECT 1 AS one', 'SELECT 2 AS two', 'begin', 'end']);
    for (const t of seen) {
      expect(t.posted).toBeLessThanOrEqual(t.received);
      expect(t.received).toBeLessThanOrEqual(t.replied);
      expect(t.replied).toBeLessThanOrEqual(t.handled);
    }
    await thread.query('SELECT 3');
    expect(seen).toHaveLength(4);
  });

  it('closing finishes the statement under way, then refuses calls (last: it closes the thread)', async () => {
    const sleeping = thread.query('SELECT pg_sleep(0.3)');
    await thread.close();
    await expect(sleeping).resolves.toBeDefined();
    await expect(thread.query('SELECT 1')).rejects.toThrow('PGlite is closed');
  });

});
