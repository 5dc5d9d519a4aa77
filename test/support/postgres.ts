import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL server tests may use, or null to skip them (`PG_TEST_URL`, else `DATABASE_URL`). */
export const PG_TEST_URL = process.env.PG_TEST_URL ?? process.env.DATABASE_URL ?? null;

export const describeWithPostgres = PG_TEST_URL ? describe : describe.skip;

/** A database of its own for one test file, dropped afterwards, so parallel files and reruns never collide. */
export async function createTestDatabase(prefix = 'netra_test'): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!PG_TEST_URL) throw new Error('PG_TEST_URL is not set');
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: PG_TEST_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: PG_TEST_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
