import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { guardPool } from '../../storage/pool-guard';
import type { ReadDb } from '../../storage/read-db';

/** The same SQL migrations build the read model on PGlite and on PostgreSQL. */
const MIGRATIONS = join(__dirname, 'migrations');

/** The default PostgreSQL schema of the read model; a rebuild fills another one and swaps names. */
export const READ_MODEL_SCHEMA = 'netra_read';

/** The read model inside the embedded PGlite database, migrated to the current schema. */
export async function openPgliteReadDb(client: PGlite): Promise<ReadDb> {
  const db = drizzlePglite(client);
  await migratePglite(db, { migrationsFolder: MIGRATIONS, migrationsSchema: 'public', migrationsTable: 'rm_migrations' });
  return db as unknown as ReadDb;
}

/**
 * Creates the read model's tables in `schema` on one session whose `search_path` names `schema`
 * first (a rebuild's fresh tables, rebuild.ts): the migrations' unqualified names land there.
 */
export async function migrateReadModelInto(db: ReadDb, driver: 'pglite' | 'postgres', schema: string): Promise<void> {
  const settings = { migrationsFolder: MIGRATIONS, migrationsSchema: schema, migrationsTable: 'rm_migrations' };
  if (driver === 'pglite') await migratePglite(db as unknown as Parameters<typeof migratePglite>[0], settings);
  else {
    // Loaded here: an embedded start does not need the PostgreSQL driver (README, "Start-up").
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { migrate: migratePostgres } = require('drizzle-orm/node-postgres/migrator') as typeof import('drizzle-orm/node-postgres/migrator');
    await migratePostgres(db as unknown as Parameters<typeof migratePostgres>[0], settings);
  }
}

/**
 * The read model on PostgreSQL, in a schema of its own: connections resolve the unqualified table
 * names through `search_path`, so a rebuilt schema renamed into place is picked up by the next query.
 */
export async function openPostgresReadDb(
  url: string,
  schema = READ_MODEL_SCHEMA,
  onConnectionLost?: (error: Error) => void,
): Promise<{ db: ReadDb; pool: Pool }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`read model schema ${schema} is not a plain identifier`);
  // Loaded here: an embedded start does not need the PostgreSQL driver (README, "Start-up").
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { Pool } = require('pg') as typeof import('pg');
  const { drizzle: drizzlePostgres } = require('drizzle-orm/node-postgres') as typeof import('drizzle-orm/node-postgres');
  const { migrate: migratePostgres } = require('drizzle-orm/node-postgres/migrator') as typeof import('drizzle-orm/node-postgres/migrator');
  /* eslint-enable @typescript-eslint/no-require-imports */
  // A connection the server dropped (restart, failover) is discarded and replaced; see guardPool.
  const pool = guardPool(new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000, options: `-c search_path=${schema}` }), onConnectionLost);
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const db = drizzlePostgres(pool);
    await migratePostgres(db, { migrationsFolder: MIGRATIONS, migrationsSchema: schema, migrationsTable: 'rm_migrations' });
    return { db: db as unknown as ReadDb, pool };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
