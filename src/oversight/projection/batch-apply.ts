import { eq, sql } from 'drizzle-orm';
import type { RecordedEvent } from '../../event-store/event-store';
import { markBatch } from '../../observability/batch-timeline';
import type { ReadDb } from '../../storage/read-db';
import { checkpoints } from '../read-model/schema';
import { inBatchTransaction, pipelinesBatches } from './batch-transaction';
import { projectCaseEvents, readBatchStart } from './case-projection';
import { checkpointGuard, checkpointMoved, readUnlockedStart } from './unlocked-batch';

/**
 * One live batch of the case projection (projection-runner.ts): its rows and its checkpoint commit
 * together. Each answers the position the read model is at after it (the stored checkpoint, if that
 * was already past the batch).
 */

export const CASE_PROJECTION = 'cases';
/** Embedded: how often a batch is planned again when the checkpoint moved under it (a rebuild swapped in) before it fails. */
const MOVED_ATTEMPTS = 5;

/** The read model's checkpoint went back (its tables were swapped for a rebuilt copy): resubscribe from it. */
export class Rewind extends Error {
  constructor(readonly to: bigint) {
    super(`read model checkpoint moved back to ${to}`);
  }
}

/**
 * The checkpoint row is the truth, read under lock in the same transaction: events at or below it
 * were applied by someone else (another instance, or a rebuild swapped in ahead of us) and are
 * skipped; a checkpoint behind ours means the tables were swapped for an older copy: rewind.
 */
export async function applyLocked(db: ReadDb, projected: bigint, events: RecordedEvent[], ids: string[], reading: Promise<Map<string, Buffer>>, erasures: Map<string, RecordedEvent[]>, last: bigint): Promise<bigint> {
  if (!pipelinesBatches(db)) await reading;
  const caseIds = erasures.size === 0 ? ids : [];
  markBatch(events, 'keys');
  // A batch that erases a case waits for its WAL flush (batch-transaction.ts); the others do not.
  return inBatchTransaction(db, erasures.size === 0, async ({ tx, opening, closing }) => {
    markBatch(events, 'begin');
    // BEGIN, the checkpoint under lock, and the batch's counted rows and states, in one round trip on PostgreSQL.
    const { checkpoint: stored, start } = await readBatchStart(tx, () => readCheckpoint(tx, true), caseIds, opening);
    markBatch(events, 'start');
    if (stored < projected) throw new Rewind(stored);
    const fresh = events.filter((e) => e.position > stored);
    if (fresh.length === 0) return { value: stored, closed: false };
    const keys = await reading;
    for (const caseId of erasures.keys()) keys.delete(caseId);
    // The batch's writes, the checkpoint and COMMIT go as one message: a round trip each was the lag (one-round-trip.ts).
    const sendWith = [checkpointWrite(tx, events, last), ...closing.map((text) => sql.raw(text))];
    await projectCaseEvents(tx, fresh, keys, erasures, { sendWith, start: start ?? undefined, planned: () => markBatch(events, 'planned') });
    markBatch(events, 'written');
    return { value: last, closed: true };
  });
}

/**
 * Embedded, no erasure: the keys and the start read outside a transaction, planning with nothing held,
 * and the writes in one message headed by the checkpoint's guard (unlocked-batch.ts). The same checks
 * as applyLocked on the checkpoint read; if it moved before the writes, nothing was written: again.
 */
export async function applyUnlocked(db: ReadDb, projected: bigint, events: RecordedEvent[], ids: string[], reading: Promise<Map<string, Buffer>>, last: bigint): Promise<bigint> {
  for (let attempt = 1; ; attempt++) {
    const [keys, { checkpoint: stored, start }] = await Promise.all([reading, readUnlockedStart(db, () => readCheckpoint(db), ids)]);
    markBatch(events, 'keys');
    markBatch(events, 'begin');
    markBatch(events, 'start');
    if (stored < projected) throw new Rewind(stored);
    const fresh = events.filter((e) => e.position > stored);
    if (fresh.length === 0) return stored;
    try {
      await projectCaseEvents(db, fresh, keys, new Map(), {
        sendFirst: [checkpointGuard(CASE_PROJECTION, stored)],
        sendWith: [checkpointWrite(db, events, last)],
        start: start ?? undefined,
        planned: () => markBatch(events, 'planned'),
      });
    } catch (error) {
      if (checkpointMoved(error) && attempt < MOVED_ATTEMPTS) continue;
      throw error;
    }
    markBatch(events, 'written');
    return last;
  }
}

/** The checkpoint row's upsert to `last`, with the link of its event: start-up checks the log still holds it (read-model-check.ts). */
function checkpointWrite(db: ReadDb, events: readonly RecordedEvent[], last: bigint) {
  const hash = events[events.length - 1].hash ?? null;
  return db
    .insert(checkpoints)
    .values({ name: CASE_PROJECTION, position: last, hash })
    .onConflictDoUpdate({ target: checkpoints.name, set: { position: last, hash } });
}

export async function readCheckpoint(db: ReadDb, forUpdate = false): Promise<bigint> {
  const query = db.select().from(checkpoints).where(eq(checkpoints.name, CASE_PROJECTION));
  const rows = forUpdate ? await query.for('update') : await query;
  return rows.length > 0 ? BigInt(rows[0].position) : 0n;
}
