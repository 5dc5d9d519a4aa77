import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { guardedRead } from '../../src/oversight/queries/guarded-read';
import type { ReadDb } from '../../src/storage/read-db';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';

/**
 * A read's statement run `prepared` (the live summary counters' statement, summary-from-counters.ts) is a
 * named prepared statement on node-postgres, and still reads the read model's schema after a rebuild
 * renames a fresh one into its place (rebuild.ts): PostgreSQL resolves its tables again.
 */
describeWithPostgres('prepared reads (PostgreSQL)', () => {
  let database: ThrowawayDatabase;
  let pool: Pool;
  beforeAll(async () => {
    database = await createThrowawayDatabase(2);
    await database.pool.query(`CREATE SCHEMA rm; CREATE TABLE rm.t AS SELECT 1 AS x; CREATE SCHEMA rm_next; CREATE TABLE rm_next.t AS SELECT 2 AS x`);
    // One connection, so every read runs on the session that prepared the statement.
    pool = new Pool({ connectionString: database.url, max: 1, options: '-c search_path=rm' });
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  const read = (at: number) =>
    guardedRead(drizzle(pool) as unknown as ReadDb, { postgres: true, statementTimeoutMs: 5_000 }, undefined, async (run) => {
      const [row] = await run(sql`SELECT x + ${at}::int AS y FROM t`, { prepared: true });
      return Number(row.y);
    });

  it('runs as one named statement per text, and reads the schema renamed into place', async () => {
    for (let i = 0; i < 7; i++) expect(await read(i * 10)).toBe(1 + i * 10);
    const { rows } = await pool.query(`SELECT name, generic_plans + custom_plans AS runs FROM pg_prepared_statements WHERE name LIKE 'netra_%'`);
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].runs)).toBe(7);
    await database.pool.query(`BEGIN; ALTER SCHEMA rm RENAME TO rm_old; ALTER SCHEMA rm_next RENAME TO rm; COMMIT`);
    expect(await read(100)).toBe(102);
    await database.pool.query(`DROP SCHEMA rm_old CASCADE`);
    expect(await read(100)).toBe(102);
  });
});
