/**
 * The event-store port. Every adapter (embedded PGlite, PostgreSQL, EventStoreDB) implements it
 * with the same semantics; test/event-store/event-store.contract.ts is the executable definition.
 *
 * Versions are 1-based per stream (a stream's version is the number of its events).
 *
 * Positions order the global log: every event has one, and they increase strictly in global order,
 * so the position of any event (or 0n, before the first) is a checkpoint to resume after. Callers
 * may compare positions but must not count with them. The embedded and PostgreSQL stores'
 * positions are also dense (1-based and gap-free: each event's is one more than the one before);
 * EventStoreDB's are commit positions in its `$all` log, byte offsets that leave gaps between
 * events.
 */

export interface EventMetadata {
  /** Id of the command that caused the event; event ids are derived from it. */
  commandId: string;
  /** Who acted: agency, unit (region code, absent = national) and person (`sub`). */
  agency: string;
  unit?: string | null;
  userId: string;
  /** When the event was recorded by Netra (ISO-8601, UTC). */
  recordedAt: string;
  [key: string]: unknown;
}

export interface NewEvent<Type extends string = string, Data = Record<string, unknown>> {
  /** A UUID; deterministic from the command id so that a retried command appends nothing twice. */
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = Record<string, unknown>>
  extends NewEvent<Type, Data> {
  streamId: string;
  /** 1-based version of the event within its stream. */
  version: number;
  /** Position in the global log: greater than that of every event before it (see above). */
  position: bigint;
  /**
   * Link of the hash chain over the global log (src/event-store/event-hash.ts), set by the stores
   * that chain at append time (embedded, PostgreSQL) and absent on EventStoreDB, whose `$all` order
   * the server assigns: there the ledger computes the chain while reading (src/ledger).
   */
  hash?: string;
  /** The hash of the event before it in the global log, as stored (the genesis hash for the first). */
  previousHash?: string;
}

/** `no_stream`: the stream must not exist; `any`: no check; a number: the stream's exact current version. */
export type ExpectedVersion = 'no_stream' | 'any' | number;

export interface AppendResult {
  /** The stream's version after the append. */
  nextVersion: number;
  /** Global position of the last event of this append. */
  position: bigint;
  /** True when every event id was already in the stream: an idempotent retry, nothing appended. */
  duplicate: boolean;
}

export interface SubscriptionHandler {
  /** Called with events in global order, never concurrently; the subscription waits for it. */
  (events: RecordedEvent[]): Promise<void>;
}

export interface SubscribeOptions {
  /** Deliver events after this position (0n = from the beginning). */
  after: bigint;
  /** Most events handed over per call. */
  batchSize?: number;
  /** Called when the subscription stops because the handler or the store failed. */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Resolves once the subscription has delivered everything up to the head of the log it saw. */
  readonly caughtUp: Promise<void>;
  close(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  /** Events of one stream in version order; empty when the stream does not exist. */
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /** Events of the global log after `after`, at most `limit`, in position order. */
  readAll(after: bigint, limit: number): Promise<RecordedEvent[]>;
  /** Catch-up subscription to the global log that turns live once it reaches the head. */
  subscribe(handler: SubscriptionHandler, options: SubscribeOptions): Subscription;
  /**
   * Optional (PostgreSQL): the events at positions up to `upTo` of the next `streams` streams whose id
   * starts with `prefix`, after the stream `after` (null: from the first) in the store's order of
   * stream ids; by stream, each in version order. `last` is the last stream id covered, null when no
   * stream is left. A bulk rebuild reads the log this way, case by case (case-pages.ts).
   */
  readStreamsInOrder?(prefix: string, after: string | null, streams: number, upTo: bigint): Promise<{ events: RecordedEvent[]; last: string | null }>;
  /** Position of the last event in the global log (0n when empty). */
  headPosition(): Promise<bigint>;
  /** Throws when the store does not answer; used by health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Refused append: the stream is not at the expected version. Nothing was appended. */
export class WrongExpectedVersionError extends Error {
  readonly code = 'CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

export const EVENT_STORE = Symbol('EVENT_STORE');
