import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import { Client, Pool } from 'pg';
import { guardPool } from '../../src/storage/pool-guard';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';

const APPLICATION_NAME = 'netra-pool-guard-test';

describeWithPostgres('a guarded pool when the server terminates its connections', () => {
  let database: ThrowawayDatabase;
  let admin: Client;
  let pool: Pool;
  const lost: Error[] = [];

  beforeAll(async () => {
    database = await createThrowawayDatabase(2);
    admin = new Client({ connectionString: database.url });
    await admin.connect();
  });
  beforeEach(() => {
    const url = new URL(database.url);
    url.searchParams.set('application_name', APPLICATION_NAME);
    lost.length = 0;
    pool = guardPool(new Pool({ connectionString: url.toString(), max: 3 }), (error) => lost.push(error));
  });
  afterEach(() => pool.end());
  afterAll(async () => {
    await admin.end();
    await database.drop();
  });

  /** pg_terminate_backend on this test's connections only, in its own database. */
  async function terminate(): Promise<number> {
    const { rows } = await admin.query<{ n: string }>(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [APPLICATION_NAME],
    );
    return Number(rows[0].n);
  }

  async function until(condition: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  it('survives a checked-out client being terminated, gives it back, and serves the next query on a new connection', async () => {
    const client = await pool.connect();
    await client.query('BEGIN');
    expect(await terminate()).toBe(1);
    await until(() => lost.length > 0);

    expect(lost.map((error) => (error as { code?: string }).code ?? error.message)).toContain('57P01');
    expect(pool.totalCount).toBe(0);
    client.release(); // the owner's own release after the fault is harmless
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('does not keep a client whose owner never releases it (drizzle’s transaction after a failed BEGIN), so pool.end() returns', async () => {
    const leaked = await pool.connect();
    await leaked.query('SELECT 1');
    await terminate();
    await until(() => pool.totalCount === 0);
    expect(pool.totalCount).toBe(0);
    const db = drizzle(pool);
    expect((await db.execute(sql`SELECT 2 AS two`)).rows).toEqual([{ two: 2 }]);
  });

  it('survives idle clients being terminated', async () => {
    await Promise.all([pool.query('SELECT pg_sleep(0.05)'), pool.query('SELECT pg_sleep(0.05)')]);
    expect(pool.idleCount).toBe(2);
    expect(await terminate()).toBe(2);
    await until(() => pool.totalCount === 0);
    expect(pool.totalCount).toBe(0);
    expect(lost).toHaveLength(2);
    expect((await pool.query('SELECT 3 AS three')).rows).toEqual([{ three: 3 }]);
  });
});
