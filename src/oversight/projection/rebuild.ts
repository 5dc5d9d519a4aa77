import { Client } from 'pg';
import type { EventStore } from '../../event-store/event-store';
import type { KeyStore } from '../../privacy/key-store';
import { openPostgresReadDb, READ_MODEL_SCHEMA } from '../read-model/open-read-db';
import type { ReadDb } from '../../storage/read-db';
import { CASE_PROJECTION, ProjectionRunner, resetReadModel } from './projection-runner';

export interface RebuildReport {
  position: bigint;
  milliseconds: number;
}

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
): Promise<RebuildReport> {
  const started = Date.now();
  const next = `${schema}_next`;
  const old = `${schema}_old`;
  await withClient(url, (client) => client.query(`DROP SCHEMA IF EXISTS ${next} CASCADE`));
  const { db, pool } = await openPostgresReadDb(url, next);
  let position = 0n;
  try {
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
  return { position, milliseconds: Date.now() - started };
}

/** Rebuilds a read model in place (the embedded one, with the service stopped). */
export async function rebuildInPlace(store: EventStore, db: ReadDb, keys?: KeyStore): Promise<RebuildReport> {
  const started = Date.now();
  await resetReadModel(db);
  return { position: await project(store, db, keys), milliseconds: Date.now() - started };
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
