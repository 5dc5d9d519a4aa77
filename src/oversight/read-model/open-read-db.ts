import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { join } from 'node:path';
import type { ReadDb } from './read-db';

const MIGRATIONS = join(__dirname, 'migrations');

/** The read model inside the embedded PGlite database, migrated to the current schema. */
export async function openPgliteReadDb(client: PGlite): Promise<ReadDb> {
  const db = drizzlePglite(client);
  await migratePglite(db, { migrationsFolder: MIGRATIONS, migrationsSchema: 'public', migrationsTable: 'rm_migrations' });
  return db as unknown as ReadDb;
}
