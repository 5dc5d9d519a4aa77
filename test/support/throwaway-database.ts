import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { PostgresEventStore, type PostgresEventStoreOptions } from '../../src/event-store/postgres/postgres-event-store';

/** The server the PostgreSQL tests run against; without one they are skipped. */
export const POSTGRES_URL = process.env.PG_TEST_URL ?? process.env.DATABASE_URL;

/** `describe`, or `describe.skip` with the reason printed when no server is configured. */
export function describeWithPostgres(name: string, body: () => void): void {
  if (POSTGRES_URL) return describe(name, body);
  // Straight to stderr: Jest swallows console output of a file whose tests are all skipped.
  process.stderr.write(`${name}: skipped, set PG_TEST_URL or DATABASE_URL to a PostgreSQL server to run it\n`);
  describe.skip(`${name} (skipped: PG_TEST_URL / DATABASE_URL not set)`, body);
}

export interface ThrowawayDatabase {
  url: string;
  /** A pool on the database, ended by drop(). */
  pool: Pool;
  /** Opens an initialised store on the pool; dispose closes the store, not the pool. */
  openStore(options?: PostgresEventStoreOptions): Promise<{ store: PostgresEventStore; dispose: () => Promise<void> }>;
  drop(): Promise<void>;
}

/** A database of its own per test file, so parallel files and reruns never see each other's events. */
export async function createThrowawayDatabase(poolSize = 30): Promise<ThrowawayDatabase> {
  if (!POSTGRES_URL) throw new Error('no PostgreSQL server configured');
  const name = `netra_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString(), max: poolSize });
  pool.on('error', () => undefined);
  return {
    url: url.toString(),
    pool,
    async openStore(options = {}) {
      const store = new PostgresEventStore(pool, { pollIntervalMs: 100, ...options });
      await store.init();
      return { store, dispose: () => store.close() };
    },
    async drop() {
      await pool.end();
      await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function asAdmin(sql: string): Promise<void> {
  const admin = new Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
