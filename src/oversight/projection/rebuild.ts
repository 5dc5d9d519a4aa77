import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { availableParallelism } from 'node:os';
import { Client, Pool } from 'pg';
import type { EventStore } from '../../event-store/event-store';
import type { KeyStore } from '../../privacy/key-store';
import { migrateReadModelInto, openPostgresReadDb, READ_MODEL_SCHEMA } from '../read-model/open-read-db';
import type { ReadDb } from '../../storage/read-db';
import { bulkProject, deferIndexes, finishLoad } from './bulk-rebuild';
import { copyProject, splitEarlyIndexes } from './copy-load';
import { CASE_PROJECTION, ProjectionRunner, resetReadModel } from './projection-runner';

export interface RebuildReport {
  position: bigint;
  milliseconds: number;
  /** PostgreSQL bulk load: the worker threads that folded the cases (0: all on the calling thread). */
  workers?: number;
}

/**
 * `bulk` (the default): large pages into fresh tables, indexes and counters built once after the
 * load (bulk-rebuild.ts; on PostgreSQL, COPY with folded states in memory: copy-load.ts). `projection`: the live projection's runner from position 0, batch by
 * batch into indexed tables, as every rebuild did before; kept to compare the two (`npm run bench
 * -- --rebuild=projection`).
 */
export type RebuildMethod = 'bulk' | 'projection';

export interface RebuildOptions {
  method?: RebuildMethod;
  /** Events per page of the bulk load (default 10,000 on PostgreSQL, 5,000 embedded). */
  page?: number;
  /** Unused since the PostgreSQL load streams one COPY per table (copy-load.ts); kept for callers that still pass it. */
  lanes?: number;
  /** Events loaded so far by the bulk load. */
  onProgress?: (events: number) => void;
  /** PostgreSQL: bytes of folded states kept as plain JSON before the rest are deflated (copy-load.ts). */
  plainStates?: number;
  /** PostgreSQL: worker threads folding partitions of the cases (copy-load.ts; 0: all on this thread). Default: REBUILD_WORKERS. */
  workers?: number;
  /** PostgreSQL: cases per page when the store reads the log case by case (case-pages.ts; default 2,000). */
  casesPerPage?: number;
  /** PostgreSQL: read the log in position order (pages of `page` events, states kept between them) even where the store can read it case by case. */
  logOrder?: boolean;
}

/** Index builds after a PostgreSQL bulk load: two at a time, each with this much sort memory. */
const INDEX_BUILDS = { parallel: 2, memory: '256MB' };

/**
 * Worker threads of the PostgreSQL bulk load unless the caller says otherwise: none on a machine of
 * two cores or fewer, where the workers' copies of each page (and their own heaps) cost more CPU than
 * the overlap gives back with PostgreSQL on the other core (README, "The rebuild (session 10)"); else
 * all cores but two (this thread and PostgreSQL), at most four.
 */
export const REBUILD_WORKERS = Math.max(0, Math.min(4, availableParallelism() - 2));

/** The read model's tables, moved as a whole by an in-place rebuild. */
const READ_MODEL_TABLES = ['rm_cases', 'rm_follow_ups', 'rm_timeline', 'rm_case_states', 'rm_case_versions', 'rm_follow_up_versions', 'rm_summary_counts', 'rm_summary_values', 'rm_summary_checkpoints', 'rm_summary_checkpoint_counts', 'rm_summary_checkpoint_values', 'rm_checkpoints'];

/**
 * Rebuilds the PostgreSQL read model while the service keeps answering from the old tables: the new
 * ones are filled in a schema of their own from position 0, then the two schemas swap names in one
 * transaction. The running service resolves table names per statement, so it reads the new tables
 * from then on; its projection finds the new checkpoint there and goes on from it.
 */
export async function rebuildPostgresReadModel(
  store: EventStore,
  url: string,
  keys: KeyStore | undefined,
  schema = READ_MODEL_SCHEMA,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const started = Date.now();
  const next = `${schema}_next`;
  const old = `${schema}_old`;
  await withClient(url, (client) => client.query(`DROP SCHEMA IF EXISTS ${next} CASCADE`));
  const { db, pool } = await openPostgresReadDb(url, next);
  let position = 0n;
  let workers: number | undefined;
  try {
    if ((options.method ?? 'bulk') === 'bulk') {
      workers = options.workers ?? REBUILD_WORKERS;
      const { early, late } = splitEarlyIndexes(await deferIndexes(db, next));
      const load = await copyProject(store, pool, db, next, keys, {
        page: options.page,
        onProgress: options.onProgress,
        plainStates: options.plainStates,
        casesPerPage: options.casesPerPage,
        logOrder: options.logOrder,
        url,
        workers,
        earlyIndexes: { definitions: early, ...INDEX_BUILDS },
      });
      await finishLoad(db, next, late, load, INDEX_BUILDS);
    }
    // From the checkpoint the load wrote (from 0 with `projection`) to the head, before the lock below.
    position = await project(store, db, keys);
    await withClient(url, async (client) => {
      await client.query('BEGIN');
      // Waits for the live projection's transaction in flight and holds back its next one (which
      // starts by locking this table), so no projection transaction straddles the rename.
      await client.query(`LOCK TABLE ${schema}.rm_checkpoints IN ACCESS EXCLUSIVE MODE`);
      const { rows } = await client.query(`SELECT position FROM ${schema}.rm_checkpoints WHERE name = $1`, [CASE_PROJECTION]);
      const live = rows.length > 0 ? BigInt(rows[0].position) : 0n;
      if (live > position) position = await project(store, db, keys, live);
      await client.query(`DROP SCHEMA IF EXISTS ${old} CASCADE`);
      await client.query(`ALTER SCHEMA ${schema} RENAME TO ${old}`);
      await client.query(`ALTER SCHEMA ${next} RENAME TO ${schema}`);
      await client.query('COMMIT');
      await client.query(`DROP SCHEMA ${old} CASCADE`);
    });
  } finally {
    await pool.end();
  }
  return { position, milliseconds: Date.now() - started, workers };
}

/**
 * Rebuilds a read model in place (the embedded one, with the service stopped): on one session, the
 * fresh tables are loaded in a schema of their own (`<schema>_next`, first on that session's
 * `search_path`), then moved over the old ones in one transaction. Until that transaction commits
 * the old read model is untouched, so an interrupted rebuild leaves it as it was (and the next one
 * drops the half-loaded schema). With `method: 'projection'` the tables are emptied and the live
 * projection's runner replays the log into them, as before.
 */
export async function rebuildInPlace(store: EventStore, db: ReadDb, keys?: KeyStore, options: RebuildOptions = {}): Promise<RebuildReport> {
  const started = Date.now();
  if (options.method === 'projection') {
    await resetReadModel(db);
    return { position: await project(store, db, keys), milliseconds: Date.now() - started };
  }
  // A pool's connections do not share a search_path: the whole rebuild runs on one of them.
  const client = (db as unknown as { $client: unknown }).$client;
  const pooled = client instanceof Pool ? await client.connect() : null;
  const session = pooled ? (drizzlePostgres(pooled) as unknown as ReadDb) : db;
  try {
    const { rows } = (await session.execute(sql`SELECT n.nspname AS schema, current_setting('search_path') AS path
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass('rm_checkpoints')`)) as unknown as { rows: Array<{ schema: string; path: string }> };
    if (rows.length === 0) throw new Error('no read model to rebuild on this database (rm_checkpoints not found)');
    const { schema: live, path } = rows[0];
    const next = `${live}_next`;
    await session.execute(sql.raw(`DROP SCHEMA IF EXISTS "${next}" CASCADE`));
    await session.execute(sql.raw(`SET search_path TO "${next}", ${path}`));
    let moved = false;
    try {
      await migrateReadModelInto(session, pooled ? 'postgres' : 'pglite', next);
      const deferred = await deferIndexes(session, next);
      const load = await bulkProject(store, session, keys, { lanes: 1, page: options.page, onProgress: options.onProgress });
      await finishLoad(session, next, deferred, load);
      await session.transaction(async (tx) => {
        for (const table of READ_MODEL_TABLES) {
          await tx.execute(sql.raw(`DROP TABLE IF EXISTS "${live}"."${table}"`));
          await tx.execute(sql.raw(`ALTER TABLE "${next}"."${table}" SET SCHEMA "${live}"`));
        }
        // The read model's own functions go with its tables (an index uses rm_scope_prefixes; dropping the schema would drop that index).
        const functions = (await tx.execute(sql`SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ${next}`)) as unknown as { rows: Array<{ name: string; args: string }> };
        for (const { name, args } of functions.rows) {
          await tx.execute(sql.raw(`DROP FUNCTION IF EXISTS "${live}"."${name}"(${args})`));
          await tx.execute(sql.raw(`ALTER FUNCTION "${next}"."${name}"(${args}) SET SCHEMA "${live}"`));
        }
      });
      moved = true;
      await session.execute(sql.raw(`DROP SCHEMA "${next}" CASCADE`));
      await session.execute(sql.raw(`SET search_path TO ${path}`));
      return { position: load.position, milliseconds: Date.now() - started };
    } finally {
      if (!moved) {
        // Best effort: what was loaded goes; the old read model was never touched.
        await session.execute(sql.raw(`SET search_path TO ${path}`)).catch(() => undefined);
        await session.execute(sql.raw(`DROP SCHEMA IF EXISTS "${next}" CASCADE`)).catch(() => undefined);
      }
    }
  } finally {
    pooled?.release();
  }
}

/** Projects from the stored checkpoint up to the head (or at least to `until`), then stops. */
async function project(store: EventStore, db: ReadDb, keys: KeyStore | undefined, until = 0n): Promise<bigint> {
  const runner = new ProjectionRunner(store, db, { keys });
  await runner.start();
  if (!(await runner.waitFor(until, 60_000))) throw new Error(`the rebuilt read model did not reach position ${until}`);
  await runner.stop();
  return runner.position;
}

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  // A connection cut under it fails the statement in flight; unheard, the client's 'error' would end the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
