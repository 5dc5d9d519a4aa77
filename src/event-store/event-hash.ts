/**
 * The hash chain that makes the global log tamper-evident (see src/ledger/verify-ledger.ts).
 *
 *   hash(n) = SHA-256hex( hash(n-1) + "\n" + canonicalJson([sequence, streamId, version, id, type, data, metadata]) )
 *   hash(0) = GENESIS_HASH (64 zeros)
 *
 * `sequence` is the event's 1-based ordinal in the global log, as a decimal string. On the
 * embedded and PostgreSQL stores it equals the position (they are dense); on EventStoreDB it is the
 * count, not the byte offset. So the same history hashes the same in every store: a head published
 * before `npm run copy` still verifies after it.
 *
 * Over the stored form: data and metadata are hashed exactly as they are stored, so fields that are
 * encrypted before the append are hashed encrypted, and erasing a key (crypto-shredding) leaves the
 * chain intact. Keys are sorted (jsonb reorders them), and an append hashes its events after a
 * JSON round trip, the form the store parses back.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './copying/event-digest';
import type { NewEvent, RecordedEvent } from './event-store';

export const GENESIS_HASH = '0'.repeat(64);

/** What the chain covers of one event. */
export type HashedFields = Pick<RecordedEvent, 'streamId' | 'version' | 'id' | 'type' | 'data' | 'metadata'>;

export function linkHash(previous: string, event: HashedFields, sequence: bigint): string {
  const body = canonicalJson([sequence.toString(), event.streamId, event.version, event.id, event.type, event.data, event.metadata]);
  return createHash('sha256').update(previous).update('\n').update(body).digest('hex');
}

/**
 * An append's events in the form the store parses back (after a JSON round trip), and for each the
 * canonical JSON of its id, type, data and metadata: the part of its link body (linkHash) a store
 * that links in SQL cannot make itself. The store adds the sequence, the stream (as JSON), the
 * version and the link before, under its lock: `["<sequence>",<stream>,<version>,<tail>]`.
 */
export function hashTails(events: readonly NewEvent[]): { stored: NewEvent[]; tails: string[] } {
  const stored = JSON.parse(JSON.stringify(events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })))) as NewEvent[];
  return { stored, tails: stored.map(({ id, type, data, metadata }) => [id, type, data, metadata].map(canonicalJson).join(',')) };
}
