import { sql, type SQL } from 'drizzle-orm';
import type { ReadDb } from '../../storage/read-db';
import { countedRows, loadStates, type BatchStart } from './case-projection';

/**
 * A live batch on the embedded database without its lock held while the main thread plans.
 *
 * PGlite runs one transaction at a time: a batch in drizzle's transaction held it from BEGIN to
 * COMMIT, across the main thread's planning (fold, rows, counters), so every append and read waited
 * for the plan too (20–26 ms held per command under the CommandBus load, of which 9–13 ms were
 * statements), and BEGIN, each start read and COMMIT were messages of their own to PGlite's thread.
 * Here the batch reads its start (checkpoint, counted rows, states) outside any transaction, all
 * posted at once, plans with nothing held, and writes in one multi-statement message, which
 * PostgreSQL runs as one implicit transaction: all of it or none.
 *
 * Correct because the message begins with a guard: the checkpoint, under lock, must still be the one
 * read at the start; if not, nothing is written and the batch starts again (checkpointMoved). Every
 * writer of the tables a batch reads (rm_follow_ups, rm_case_states) moves the checkpoint in the same
 * transaction: this runner (one batch at a time), a rebuild's swap (its tables and checkpoint change
 * names together, rebuild.ts) and an erasure (a batch of this runner, sent the locked way). So an
 * unchanged checkpoint means the rows read are still those a replay up to it gives — tables swapped
 * in with the same checkpoint hold the same rows — and the writes land on what was planned on.
 */

/** The guard's message (and SQL state 40001, serialization_failure): the checkpoint moved between the start read and the writes. */
export const CHECKPOINT_MOVED = 'read model checkpoint moved while the batch was planned';

/** First statement of the write message: fails it unless the checkpoint `name` is still at `expected` (0: no row yet). */
export function checkpointGuard(name: string, expected: bigint): SQL {
  if (!/^[a-z_]+$/.test(name)) throw new Error('a checkpoint name is lower-case letters');
  return sql.raw(
    `DO $guard$ BEGIN IF coalesce((SELECT position FROM rm_checkpoints WHERE name = '${name}' FOR UPDATE), 0) <> ${expected.toString()} ` +
      `THEN RAISE EXCEPTION '${CHECKPOINT_MOVED}' USING ERRCODE = '40001'; END IF; END $guard$`,
  );
}

/** Whether a failed write message failed on its guard (the batch is then read and planned again). */
export function checkpointMoved(error: unknown): boolean {
  for (let e = error as { message?: unknown; code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === '40001' && String(e.message).includes(CHECKPOINT_MOVED)) return true;
  }
  return false;
}

/**
 * The start of a batch read outside a transaction: the checkpoint (not locked: the guard checks it
 * again) and, if `caseIds` is not empty, their counted rows and states. The reads are posted together
 * (PGlite's thread answers them one after the other, with no turn of this thread between them).
 */
export async function readUnlockedStart(db: ReadDb, checkpoint: () => Promise<bigint>, caseIds: string[]): Promise<{ checkpoint: bigint; start: BatchStart | null }> {
  if (caseIds.length === 0) return { checkpoint: await checkpoint(), start: null };
  const [stored, counted, states] = await Promise.all([checkpoint(), countedRows(db, caseIds), loadStates(db, caseIds)]);
  return { checkpoint: stored, start: { caseIds: new Set(caseIds), counted, states } };
}
