import { eq } from 'drizzle-orm';
import type { EventStore } from '../../event-store/event-store';
import type { ReadDb } from '../../storage/read-db';
import { checkpoints } from '../read-model/schema';
import { CASE_PROJECTION } from './projection-runner';

/** What start-up and `npm run verify` find when they hold the read model's checkpoint against the log. */
export type ReadModelFinding =
  | { ok: true; checkpoint: string; headPosition: string; hash: string | null }
  | { ok: false; problem: 'ahead' | 'missing' | 'different'; checkpoint: string; headPosition: string; detail: string };

/**
 * The read model's checkpoint must lie within the log, and the event there must be the one the
 * projection applied (the hash recorded beside the checkpoint). Otherwise the log lost its tail (a
 * restored older backup, damaged pages, a zeroed WAL end) or was swapped for another history: the
 * store would hand out the lost positions again and the projection, already past them, would skip
 * the new events for ever. A checkpoint written before hashes were recorded gets the log's hash.
 */
export async function checkReadModel(store: EventStore, db: ReadDb, options: { record?: boolean } = {}): Promise<ReadModelFinding> {
  const rows = await db.select().from(checkpoints).where(eq(checkpoints.name, CASE_PROJECTION));
  const checkpoint = rows[0]?.position ?? 0n;
  const recorded = rows[0]?.hash ?? null;
  const head = await store.headPosition();
  const at = { checkpoint: checkpoint.toString(), headPosition: head.toString() };
  if (checkpoint === 0n) return { ok: true, ...at, hash: null };
  if (checkpoint > head) {
    return {
      ok: false,
      problem: 'ahead',
      ...at,
      detail: `the read model has applied the log up to position ${checkpoint}, but the log ends at ${head}: the log lost its tail (restored from an older backup, or damaged)`,
    };
  }
  const [event] = await store.readAll(checkpoint - 1n, 1);
  if (!event || event.position !== checkpoint) {
    return { ok: false, problem: 'missing', ...at, detail: `the read model has applied the event at position ${checkpoint}, but the log holds no event there` };
  }
  const hash = event.hash ?? null;
  if (recorded !== null && hash !== recorded) {
    return {
      ok: false,
      problem: 'different',
      ...at,
      detail: `the event at position ${checkpoint} is not the one the read model applied (hash ${hash?.slice(0, 12)}…, the read model recorded ${recorded.slice(0, 12)}…): the log was replaced by another history`,
    };
  }
  if (recorded === null && hash !== null && options.record) {
    await db.update(checkpoints).set({ hash }).where(eq(checkpoints.name, CASE_PROJECTION));
  }
  return { ok: true, ...at, hash };
}
