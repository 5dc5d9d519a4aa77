/**
 * Tamper evidence for the global log.
 *
 * Every event is linked to the one before it by a SHA-256 chain over its stored form
 * (src/event-store/event-hash.ts): its ordinal in the log (its position on the dense stores), stream,
 * version, id, type, data and metadata, encrypted fields as stored, so erasing a key does not break it.
 *
 * - Embedded and PostgreSQL stores chain at append time: positions are numbered under the store's
 *   serialisation (PGlite's single transaction, PostgreSQL's advisory lock), so the previous hash is
 *   known, and each row keeps `hash` and `prev_hash`. Verifying recomputes the chain from the
 *   genesis hash and names the first position where it breaks: a changed event (its hash no longer
 *   matches), a removed one (a gap in the dense positions, or, when later rows were renumbered, an
 *   event whose predecessor is gone), reordered ones (an event before the one it was chained
 *   after) or an inserted one (two events claiming the same predecessor).
 * - EventStoreDB assigns `$all` order on the server, so nothing is stored: the chain is computed
 *   while reading, and tamper evidence there rests on EventStoreDB's own immutability and on heads
 *   published earlier, which a later history must still contain.
 *
 * Someone able to write the tables can recompute every hash after a change (or drop the newest
 * events): the chain then holds together, and only a head published before (`ledger` query, kept
 * by an oversight body) catches it. `expectHead` checks that the history still holds that hash at
 * that position; a different hash is reported as `rewritten`, without a position, since nothing in
 * the rewritten chain says where it started to differ.
 */
import { GENESIS_HASH, linkHash } from '../event-store/event-hash';
import type { EventStore, RecordedEvent } from '../event-store/event-store';
import { explainBreak, type Finding, type LedgerProblem } from './explain-break';
import { LogCursor } from './log-cursor';

export type { LedgerProblem } from './explain-break';

/** `stored`: the store keeps each event's hash (embedded, PostgreSQL); `computed`: it does not (EventStoreDB). */
export type ChainKind = 'stored' | 'computed';

/** A head as the `ledger` query gave it, e.g. published by an oversight body. */
export interface PublishedHead {
  hash: string;
  position: bigint;
}

export interface VerifyOptions {
  /** Default `stored`; EventStoreDB needs `computed` (see chainKindOf in ledger-head.ts). */
  chain?: ChainKind;
  expectHead?: PublishedHead;
  pageSize?: number;
}

/** Positions as decimal strings, so the report prints as JSON. */
export interface LedgerReport {
  ok: boolean;
  chain: ChainKind;
  /** The last event verified (the head of the log when ok), and how many were. */
  headPosition: string;
  headHash: string;
  count: number;
  firstBadPosition?: string;
  problem?: LedgerProblem;
  detail?: string;
}

export async function verifyLedger(store: EventStore, options: VerifyOptions = {}): Promise<LedgerReport> {
  const chain = options.chain ?? 'stored';
  const pageSize = options.pageSize ?? 1000;
  const published = options.expectHead;
  const cursor = new LogCursor(store, 0n, pageSize);
  let running = GENESIS_HASH;
  let count = 0;
  let head = 0n;
  let before: RecordedEvent | null = null;
  /** The chain before `before`, for a finding that blames it after all (a forged event that hashed right). */
  let beforeBefore = { head, running, count };
  let hashAtPublished: string | undefined;
  const report = (finding?: Finding): LedgerReport => ({
    ok: !finding,
    chain,
    ...(finding?.position !== undefined && finding.position === before?.position
      ? { headPosition: beforeBefore.head.toString(), headHash: beforeBefore.running, count: beforeBefore.count }
      : { headPosition: head.toString(), headHash: running, count }),
    ...(finding && {
      ...(finding.position !== undefined && { firstBadPosition: finding.position.toString() }),
      problem: finding.problem,
      detail: finding.detail,
    }),
  });

  for (let event = await cursor.next(); event; event = await cursor.next()) {
    const sequence = BigInt(count + 1);
    if (chain === 'stored' && event.position !== sequence) {
      if (event.position > sequence) {
        return report({ problem: 'removed', position: sequence, detail: `position ${sequence} is missing: the log goes from ${head} to ${event.position}` });
      }
      return report({ problem: 'broken link', position: event.position, detail: `position ${event.position} comes after ${head}` });
    }
    const hash = linkHash(running, event, sequence);
    if (chain === 'stored' && event.hash !== hash) {
      return report(await explainBreak(store, { event, sequence, running, before, next: await cursor.peek() }, pageSize));
    }
    beforeBefore = { head, running, count };
    running = hash;
    count++;
    head = event.position;
    before = event;
    if (published && event.position === published.position) hashAtPublished = hash;
  }
  return report(published && checkPublished(published, hashAtPublished, head, chain));
}

function checkPublished(published: PublishedHead, found: string | undefined, head: bigint, chain: ChainKind): Finding | undefined {
  const at = published.position;
  if (at === 0n) found = GENESIS_HASH;
  if (found === published.hash) return undefined;
  if (found !== undefined) {
    return { problem: 'rewritten', detail: `position ${at} hashes to ${found}, the published head says ${published.hash}: the history up to it was rewritten` };
  }
  if (head < at) {
    const missing = chain === 'stored' ? head + 1n : at;
    return { problem: 'removed', position: missing, detail: `the log ends at ${head}, before the published head at ${at}` };
  }
  return { problem: 'removed', position: at, detail: `no event is at the published head's position ${at}` };
}

/** Parses `<hash>@<position>`, as the `ledger` query's head is written down. */
export function parsePublishedHead(text: string): PublishedHead {
  const match = /^([0-9a-f]{64})@(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`expected <64 hex digits>@<position>, got ${JSON.stringify(text)}`);
  return { hash: match[1], position: BigInt(match[2]) };
}
