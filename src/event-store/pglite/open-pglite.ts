import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { PGlite, type Extension } from '@electric-sql/pglite';
import { DamagedStoreError } from '../damaged-store-error';
import { findDamage } from './data-dir-damage';
import { startPgliteThread, type EmbeddedClient } from './pglite-thread';
import { walSyncer } from './wal-sync';

/**
 * PGlite's own start parameters without `-F`: PostgreSQL runs with fsync on. (PGlite cannot carry
 * the sync out — see wal-sync.ts — so `EmbeddedDatabase.sync` does it.)
 */
export const DURABLE_START_PARAMS = PGlite.defaultStartParams.filter((param) => param !== '-F');

/**
 * PostgreSQL's default 128 MB of shared buffers costs every start about half a second of CPU:
 * PGlite's mmap zeroes the whole region in WebAssembly before the first query. With 32 MB the
 * demo store (40 MB on disk) is mostly cached; pages beyond it come from the OS page cache.
 */
export const EMBEDDED_SHARED_BUFFERS = '32MB';

/**
 * The extensions the read model uses (search: pg_trgm); PGlite loads an extension only when it is
 * created with it. Required by path: this project's `moduleResolution: node` does not read the
 * package's `exports`, which is where `contrib/*` is declared; Node does.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
export const EMBEDDED_EXTENSIONS = { pg_trgm };

/**
 * V8 recompiles a WebAssembly function with its optimising compiler once it has run about 1.8 MB
 * of code. PostgreSQL's start (the shared-memory set-up, the catalog's first reads) passes that in
 * hundreds of functions it rarely runs again: about 1.2 s of CPU on V8's threads on every start
 * (README, "Start-up"). With a budget a hundred times larger only what keeps running is optimised.
 * A process-wide V8 setting, read when a module is instantiated (PGlite's, here: the rest is small).
 */
export const WASM_TIERING_BUDGET = 180_000_000;

/** The embedded database and, for one on disk, what makes its last commit durable. */
export interface EmbeddedDatabase {
  /** PGlite itself, or with `thread` its worker behind the same calls (pglite-thread.ts). */
  pglite: EmbeddedClient;
  /** Syncs what the commits before the call wrote to the WAL (group commit, wal-sync.ts); null for `memory:` (or with sync off). */
  sync: (() => Promise<void>) | null;
}

/** Opens the embedded database: `memory:` for a throw-away one, otherwise a directory on disk. */
export async function openPglite(location: string): Promise<PGlite> {
  return (await openEmbedded(location, { sync: false })).pglite as PGlite;
}

export interface EmbeddedOptions {
  sync: boolean;
  /** Run PGlite in a worker thread (pglite-thread.ts) instead of on the caller's. */
  thread?: boolean;
}

/**
 * Opens the embedded database; a directory that does not start (or that PGlite would silently
 * initialise over, PG_VERSION gone) is refused naming the damaged file and the remedy.
 */
export async function openEmbedded(location: string, options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
  if (location === 'memory:') {
    const pglite = options.thread ? await startPgliteThread({ dataDir: 'memory://', trigram: true }) : await PGlite.create('memory://', { extensions: EMBEDDED_EXTENSIONS });
    return { pglite, sync: null };
  }
  if (location.trim() === '') throw new Error('PGlite location is empty: use memory: or a directory');
  const dataDir = resolve(location);
  // Synchronous up to the worker's start: main.ts starts it while the app's modules load, before the event loop turns.
  mkdirSync(dataDir, { recursive: true });
  const before = findDamage(dataDir, false);
  if (before) throw damaged(dataDir, before);
  let pglite: EmbeddedClient;
  const startParams = [...DURABLE_START_PARAMS, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`];
  try {
    pglite = options.thread ? await startPgliteThread({ dataDir, startParams, trigram: true }) : await PGlite.create(dataDir, { startParams, extensions: EMBEDDED_EXTENSIONS });
  } catch (error) {
    const found = findDamage(dataDir, true);
    throw found
      ? damaged(dataDir, found)
      : new DamagedStoreError(
          `the embedded database in ${dataDir} does not start (PGlite: ${String((error as Error)?.message ?? error).split('\n')[0]}), and Netra cannot tell which file is damaged: ` +
            `restore the directory from a backup (npm run backup; README "Faults and recovery")`,
        );
  }
  return { pglite, sync: options.sync ? walSyncer(dataDir) : null };
}

function damaged(dir: string, what: string): DamagedStoreError {
  return new DamagedStoreError(
    `the embedded database in ${dir} is damaged: ${what}. Restore the directory from a backup (npm run backup; README "Faults and recovery"); do not delete or recreate files to make it start`,
  );
}
