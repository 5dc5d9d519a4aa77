import { linkHash } from '../event-store/event-hash';
import type { EventStore, RecordedEvent } from '../event-store/event-store';
import { LogCursor } from './log-cursor';

export type LedgerProblem = 'changed' | 'removed' | 'reordered' | 'inserted' | 'broken link' | 'rewritten';

export interface Finding {
  problem: LedgerProblem;
  /** Where the history first differs from what was chained; absent for a rewrite (see verify-ledger.ts). */
  position?: bigint;
  detail: string;
}

export interface Break {
  /** The first event whose stored hash is not the one recomputed at its place. */
  event: RecordedEvent;
  /** Its 1-based ordinal in the log, and the recomputed hash of everything before it. */
  sequence: bigint;
  running: string;
  /** The event before it, which verified, and the event after it. */
  before: RecordedEvent | null;
  next: RecordedEvent | null;
}

/**
 * The likeliest story behind the first break in a stored chain. The verdict (and the position) rests
 * on recomputed hashes only; the stored `prev_hash` links, which a tamperer can edit as well, serve
 * only to tell a changed event from an inserted, a moved or a missing one.
 */
export async function explainBreak(store: EventStore, { event, sequence, running, before, next }: Break, pageSize: number): Promise<Finding> {
  const at = event.position;
  if (!event.hash) return { problem: 'changed', position: at, detail: `the event at ${at} has lost its hash` };
  if (event.previousHash === running) {
    // Its link holds and its hash does not: its content changed, unless the next event claims the same predecessor.
    if (next?.previousHash === running) return { problem: 'inserted', position: at, detail: `the event at ${at} was not chained here: the one after it links to the event before it` };
    return { problem: 'changed', position: at, detail: `the event at ${at} does not hash to its stored hash` };
  }
  if (before && event.previousHash === before.previousHash) {
    return { problem: 'inserted', position: before.position, detail: `the event at ${before.position} was added later: the one after it links to the event before it` };
  }
  if (before && event.previousHash && event.hash === linkHash(event.previousHash, event, sequence)) {
    return { problem: 'changed', position: before.position, detail: `the event at ${before.position} was rewritten with a fresh hash: the next one links to another` };
  }
  if (event.previousHash && (await holdsLaterHash(store, at, event.previousHash, pageSize))) {
    return { problem: 'reordered', position: at, detail: `the event at ${at} comes before the event it was chained after` };
  }
  if (next?.previousHash === running) return { problem: 'inserted', position: at, detail: `the event at ${at} was not chained here: the one after it links past it` };
  return { problem: 'removed', position: at, detail: `the event chained before the one now at ${at} is missing, and later events were renumbered` };
}

async function holdsLaterHash(store: EventStore, after: bigint, hash: string, pageSize: number): Promise<boolean> {
  const cursor = new LogCursor(store, after, pageSize);
  for (let event = await cursor.next(); event; event = await cursor.next()) {
    if (event.hash === hash) return true;
  }
  return false;
}
