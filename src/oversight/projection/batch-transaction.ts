import type { PoolClient } from 'pg';
import type { ReadDb } from '../../storage/read-db';

/**
 * The transaction of one live projection batch.
 *
 * PostgreSQL: the runner's own, on a connection of the read model's pool, so that BEGIN rides in the
 * batch's first round trip (ahead of the checkpoint under lock and the reads, readBatchStart) and
 * COMMIT in its last (behind the writes and the checkpoint, one-round-trip.ts): 2 round trips where
 * drizzle's `transaction()` made 4. `relaxed` also turns off the wait for the WAL flush at COMMIT
 * (`SET LOCAL synchronous_commit TO off`, this transaction only): the read model is derived from
 * the log and its rows commit with their checkpoint, so a crash can lose only a tail of batches
 * that the next start projects again from the log (whose appends stay synchronous). Other sessions
 * see the commit at once, as before; only durability waits for the WAL writer (≤ 3 × wal_writer_delay).
 * A batch that erases a case is not relaxed: its rewrite of the rows must be on disk before the key
 * is destroyed.
 *
 * Embedded: drizzle's transaction as before (PGlite runs one statement stream; nothing to pipeline).
 *
 * `work` sends `opening` first (together()) and `closing` last (inOneRoundTrip) and answers whether
 * it did send `closing`; if it did not (nothing to write), COMMIT goes alone. A failure rolls back.
 */
export interface BatchTransaction {
  tx: ReadDb;
  /** Raw statements to send ahead of the first reads, in the same round trip (PostgreSQL; none embedded). */
  opening: string[];
  /** Raw statements to send behind the last writes, in the same round trip (PostgreSQL; none embedded). */
  closing: string[];
  /** Whether opening and closing ride along (PostgreSQL), or the transaction is drizzle's (embedded). */
  pipelined: boolean;
}

export async function inBatchTransaction<T>(db: ReadDb, relaxed: boolean, work: (batch: BatchTransaction) => Promise<{ value: T; closed: boolean }>): Promise<T> {
  const pg = pgClientOf(db);
  if (pg === null) return db.transaction(async (tx) => (await work({ tx: tx as unknown as ReadDb, opening: [], closing: [], pipelined: false })).value);
  // Loaded here: an embedded start does not need the PostgreSQL driver (README, "Start-up").
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { drizzle } = require('drizzle-orm/node-postgres') as typeof import('drizzle-orm/node-postgres');
  // A pool lends a connection for the batch; a read model opened on one connection (a rebuild's session) uses it.
  const client = 'idleCount' in pg ? await (pg as Pool).connect() : (pg as PoolClient);
  let broken: Error | undefined;
  try {
    const opening = ['BEGIN', ...(relaxed ? ['SET LOCAL synchronous_commit TO off'] : [])];
    const { value, closed } = await work({ tx: drizzle(client) as unknown as ReadDb, opening, closing: ['COMMIT'], pipelined: true });
    if (!closed) await client.query('COMMIT');
    return value;
  } catch (error) {
    // After a failed statement the pipelined COMMIT, if sent, already ended the transaction (as ROLLBACK): this is then a no-op.
    await client.query('ROLLBACK').catch((failed: Error) => (broken = failed));
    throw error;
  } finally {
    if (client !== pg) client.release(broken);
  }
}

/** Whether batches on this read model pipeline their BEGIN and COMMIT (PostgreSQL): other reads may then overlap the transaction. */
export const pipelinesBatches = (db: ReadDb): boolean => pgClientOf(db) !== null;

type Pool = { connect(): Promise<PoolClient>; idleCount: number };

/** The read model's pg Pool or connection, or null on PGlite. */
function pgClientOf(db: ReadDb): Pool | PoolClient | null {
  const client = (db as unknown as { $client?: { query?: unknown; exec?: unknown } }).$client;
  return client && typeof client.query === 'function' && typeof client.exec !== 'function' ? (client as unknown as Pool | PoolClient) : null;
}
