import type { PGlite } from '@electric-sql/pglite';
import { ConfigError, type EventStoreLocation, type NetraConfig } from '../config/config';
import { CASE_STREAM_PREFIX } from '../case/case-events';
import type { EventStore } from '../event-store/event-store';
import { openEmbedded } from '../event-store/pglite/open-pglite';
import { PgliteEventStore } from '../event-store/pglite/pglite-event-store';
import type { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { openPgliteReadDb, openPostgresReadDb } from '../oversight/read-model/open-read-db';
import type { ReadDb } from './read-db';
import { openKeyStore } from '../privacy/key-check';
import type { KeyStore } from '../privacy/key-store';
import { resolveMasterKey, type MasterKeySource } from '../privacy/master-key';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { lockDataDir } from './data-dir-lock';
import { serveBackupRequests } from '../event-store/pglite/embedded-backup';
import { takeEarlyEmbedded } from '../event-store/pglite/embedded-early-open';
import { guardPool } from './pool-guard';
import { untilAnswering, type StartupWait } from './wait-for-store';
import type { BlobStore } from './blob-store';
import { FileBlobStore, MemoryBlobStore } from './file-blob-store';
import { SqlBlobStore } from './sql-blob-store';
import { join, resolve } from 'node:path';

/** What storage tells the process about its connections; the app logs it (dependency and failure code only). */
export interface StorageWatch {
  /** A connection broke (terminated by the server, reset, timed out); its pool opens a new one. */
  connectionLost?: (dependency: string, error: Error) => void;
  /** Start-up: a store does not answer yet and is tried again after `delayMs`. */
  waiting?: StartupWait['onWaiting'];
  /** An erased case's document bytes could not be removed now (sealed under the destroyed key; the next start removes them). */
  erasedBlobsLeft?: (error: unknown) => void;
}

/** A connection attempt that hangs (a black-holed network) fails after this, as a connection failure, instead of holding a request. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** Names for logs and messages: which database a failure is about. */
export const EVENT_STORE_POSTGRES = 'event store (PostgreSQL)';
export const READ_MODEL_POSTGRES = 'read model (PostgreSQL)';

/** The event store and the read-model database a process works on, and how to close them. */
export interface Storage {
  store: EventStore;
  readDb: ReadDb;
  /** Per-case data keys: beside the events for SQL stores, in the read-model database for EventStoreDB. */
  keys: KeyStore;
  /** Where the master key came from (a key file made at this start is reported by main.ts). */
  masterKey: MasterKeySource;
  /** Documents' sealed bytes (blob-store.ts). */
  blobs: BlobStore;
  describe: string;
  close(): Promise<void>;
}

/** PostgreSQL schema of the event tables when the events live in PostgreSQL. */
export const EVENTS_SCHEMA = 'netra_events';

export type Closer = () => Promise<void> | void;

/** Opens what the configuration names; never falls back silently to another store. */
export async function openStorage(config: NetraConfig, watch: StorageWatch = {}): Promise<Storage> {
  const closers: Closer[] = [];
  const wait: StartupWait = { seconds: config.startupWaitSeconds, onWaiting: watch.waiting };
  try {
    const { store, embedded, keyDb, describe } = await openEventStore(config.eventStore, closers, {
      wait,
      connectionLost: watch.connectionLost,
      embeddedSync: config.embeddedSync,
      embeddedThread: config.embeddedThread,
    });
    let readDb: ReadDb;
    let readWhere: string;
    const readUrl = config.databaseUrl ?? (config.eventStore.kind === 'postgres' ? config.eventStore.url : null);
    if (readUrl) {
      const onLost = (error: Error) => watch.connectionLost?.(READ_MODEL_POSTGRES, error);
      const opened = await untilAnswering(READ_MODEL_POSTGRES, () => openPostgresReadDb(readUrl, undefined, onLost), wait);
      closers.unshift(() => opened.pool.end());
      readDb = opened.db;
      readWhere = 'PostgreSQL';
    } else if (embedded) {
      readDb = await openPgliteReadDb(embedded);
      readWhere = 'embedded';
    } else {
      throw new ConfigError('DATABASE_URL', 'is required with an EventStoreDB event store: the read model lives in PostgreSQL');
    }
    const ephemeral = config.eventStore.kind === 'embedded' && config.eventStore.location === 'memory:';
    const master = resolveMasterKey(config.masterKey, config.dataDir, ephemeral);
    // On PostgreSQL the keys are in the log's database (keyDb): a key made for an append is flushed by it.
    const keys = await openKeyStore(keyDb ?? readDb, master, async () => (await store.headPosition()) > 0n, { flushedByTheLog: keyDb !== null && config.eventStore.kind === 'postgres' });
    const blobs = await openBlobStore(config.eventStore, keyDb ?? readDb);
    // Erasure takes the documents' bytes with the key; what a crash left between the two goes now.
    keys.onDestroyed((caseId) => blobs.removeCase(caseId).catch((error: unknown) => watch.erasedBlobsLeft?.(error)));
    await removeErasedBlobs(keys, blobs);
    return {
      store,
      readDb,
      keys,
      blobs,
      masterKey: master.source,
      describe: `events: ${describe}; read model: ${readWhere}`,
      close: async () => {
        for (const close of closers) await close();
      },
    };
  } catch (error) {
    for (const close of closers) await close();
    throw error;
  }
}

/** Removes the blobs of every case whose key is destroyed; answers how many cases it cleared. */
export async function removeErasedBlobs(keys: KeyStore, blobs: BlobStore): Promise<number> {
  const holding = await blobs.caseIds();
  let removed = 0;
  for (let i = 0; i < holding.length; i += 500) {
    for (const caseId of await keys.destroyed(holding.slice(i, i + 500))) {
      await blobs.removeCase(caseId);
      removed++;
    }
  }
  return removed;
}

/**
 * Where documents go: files in the embedded store's directory (`DIR/documents`), memory beside a
 * `memory:` store, else a table in the PostgreSQL database that holds the keys (the events' database,
 * or the read model's beside EventStoreDB).
 */
export async function openBlobStore(location: EventStoreLocation, db: ReadDb): Promise<BlobStore> {
  if (location.kind === 'embedded') {
    return location.location === 'memory:' ? new MemoryBlobStore() : new FileBlobStore(join(resolve(location.location), 'documents'));
  }
  const store = new SqlBlobStore(db);
  await store.init();
  return store;
}

export interface OpenOptions {
  /** Keep trying a PostgreSQL store that does not answer yet; default one try (the command-line tools). */
  wait?: StartupWait;
  connectionLost?: StorageWatch['connectionLost'];
  /** Embedded store: fsync the WAL from Node after each append (default true). */
  embeddedSync?: boolean;
  /** Embedded store: PGlite in a worker thread (default true; pglite-thread.ts). */
  embeddedThread?: boolean;
}

/** Opens one event store; what must be closed is pushed on `closers` (close them in order). */
export async function openEventStore(location: EventStoreLocation, closers: Closer[], options: OpenOptions = {}) {
  switch (location.kind) {
    case 'embedded': {
      const early = takeEarlyEmbedded(location.location);
      let opened;
      if (early) {
        const { database, unlock } = await early;
        if (unlock) closers.unshift(unlock);
        opened = database;
      } else {
        if (location.location !== 'memory:') closers.unshift(lockDataDir(location.location));
        opened = await openEmbedded(location.location, { sync: options.embeddedSync ?? true, thread: options.embeddedThread ?? true });
      }
      const { pglite, sync } = opened;
      closers.unshift(() => pglite.close());
      if (location.location !== 'memory:') closers.unshift(serveBackupRequests(location.location, pglite));
      const store = new PgliteEventStore(pglite, { afterCommit: sync });
      closers.unshift(() => store.close());
      await store.init();
      // Typed as PGlite for drizzle's PGlite driver (and the read model), which calls query and
      // transaction only: the worker's stand-in serves those (pglite-thread.ts).
      const client = pglite as PGlite;
      return { store, embedded: client, keyDb: drizzlePglite(client) as unknown as ReadDb, describe: `embedded (${location.location})` };
    }
    case 'postgres': {
      // Loaded here: an embedded start does not need the PostgreSQL driver (README, "Start-up").
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { Pool } = require('pg') as typeof import('pg');
      const { drizzle: drizzlePostgres } = require('drizzle-orm/node-postgres') as typeof import('drizzle-orm/node-postgres');
      const { PostgresEventStore: Store } = require('../event-store/postgres/postgres-event-store') as { PostgresEventStore: typeof PostgresEventStore };
      /* eslint-enable @typescript-eslint/no-require-imports */
      const pool = guardPool(new Pool({ connectionString: location.url, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }), (error) => options.connectionLost?.(EVENT_STORE_POSTGRES, error));
      closers.unshift(() => pool.end());
      const store = new Store(pool, { schema: EVENTS_SCHEMA });
      closers.unshift(() => store.close());
      await untilAnswering(EVENT_STORE_POSTGRES, () => store.init(), options.wait ?? { seconds: 0 });
      return { store, embedded: null, keyDb: drizzlePostgres(pool) as unknown as ReadDb, describe: 'PostgreSQL' };
    }
    case 'esdb': {
      // Loaded only here: the client and its native bridge (10 MB) add a quarter second to every embedded or PostgreSQL start.
      const { EsdbEventStore } = await import('../event-store/esdb/esdb-event-store');
      const store = new EsdbEventStore(location.url, { streamPrefixes: [CASE_STREAM_PREFIX] });
      closers.unshift(() => store.close());
      return { store, embedded: null, keyDb: null, describe: 'EventStoreDB' };
    }
  }
}
