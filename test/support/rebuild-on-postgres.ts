import type { EventStore } from '../../src/event-store/event-store';
import { openPostgresReadDb } from '../../src/oversight/read-model/open-read-db';
import { dumpReadModel } from '../../src/oversight/read-model/read-model-dump';
import type { KeyStore } from '../../src/privacy/key-store';
import { projectLive } from './interleaved-history';
import { createThrowawayDatabase, type ThrowawayDatabase } from './throwaway-database';

/** The PostgreSQL rebuild tests (bulk-rebuild, parallel-rebuild): a throwaway database and its read model as rows. */

/** A throwaway database with an event store in the schema Netra keeps its events in (netra_events); close() ends both. */
export async function eventsOnPostgres(): Promise<{ database: ThrowawayDatabase; store: EventStore; close: () => Promise<void> }> {
  const database = await createThrowawayDatabase();
  const { store, dispose } = await database.openStore({ schema: 'netra_events' });
  return { database, store, close: async () => (await dispose(), await database.drop()) };
}

/** The read model in the database at `url`, table by table (read-model-dump.ts), read on a pool of its own. */
export async function readModelAt(url: string): Promise<Record<string, string[]>> {
  const { db, pool } = await openPostgresReadDb(url);
  try {
    return await dumpReadModel(db);
  } finally {
    await pool.end();
  }
}

/** The live projection of `store` into the read model at `url` (opening sealed values with `keys`), then that read model. */
export async function liveReadModelAt(url: string, store: EventStore, keys?: KeyStore): Promise<Record<string, string[]>> {
  const { db, pool } = await openPostgresReadDb(url);
  try {
    await projectLive(store, db, keys);
    return await dumpReadModel(db);
  } finally {
    await pool.end();
  }
}
