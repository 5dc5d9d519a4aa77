/**
 * The test server's storage: one in-memory transaction log in `$all` order, indexed by stream.
 * Positions imitate ESDB's: byte offsets of prepare records (commit = prepare, as for every event
 * of a gRPC append), starting after a few system events, growing by each record's size.
 */
import { randomUUID } from 'node:crypto';

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  streamId: string;
  revision: bigint;
  position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as ESDB's `created` metadata. */
  created: bigint;
}

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** `current` is the stream's last revision, or null when the stream does not exist. */
export type AppendOutcome =
  | { result: 'written' | 'idempotent'; current: bigint; position: bigint }
  | { result: 'wrong_expected_version'; current: bigint | null };

/** Where a fresh ESDB database's first user event tends to land, after its own records. */
const FIRST_POSITION = 4_096n;
/** Bytes of a prepare record besides its stream name, type, data and metadata. */
const RECORD_OVERHEAD = 92n;

export class InMemoryLog {
  readonly events: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private nextPosition = FIRST_POSITION;
  private readonly waiters = new Set<() => void>();

  constructor() {
    this.write('$epoch-information', [systemEvent('$epoch-information', { epochNumber: 0 })]);
    this.write('$settings', [systemEvent('$settings', { $userStreamAcl: {}, $systemStreamAcl: {} })]);
  }

  stream(streamId: string): StoredEvent[] | undefined {
    return this.streams.get(streamId);
  }

  /** ESDB's rules: check the expected revision; the same ids at that revision again are a no-op. */
  append(streamId: string, expected: ExpectedRevision, proposed: ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length === 0 ? null : BigInt(stream.length - 1);
    const last = current ?? -1n;
    const conflict: AppendOutcome = { result: 'wrong_expected_version', current };
    const written = (): AppendOutcome => {
      const position = this.write(streamId, proposed);
      return { result: 'written', current: last + BigInt(proposed.length), position };
    };
    if (typeof expected === 'bigint' || expected === 'no_stream') {
      const from = expected === 'no_stream' ? -1n : expected;
      if (from === last) return written();
      if (from > last) return conflict;
      return idempotentAt(stream, Number(from + 1n), proposed) ?? conflict;
    }
    const first = stream.findIndex((event) => event.id === proposed[0]?.id);
    if (first >= 0) return idempotentAt(stream, first, proposed) ?? conflict;
    if (expected === 'stream_exists' && current === null) return conflict;
    return written();
  }

  /** Index of the first event at or after `position` in `$all`. */
  indexAtOrAfter(position: bigint): number {
    let [low, high] = [0, this.events.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.events[middle].position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Resolves on the next append (or at once when the log has grown past `length`). */
  nextAppend(length: number): Promise<void> {
    if (this.events.length > length) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = (): void => (this.waiters.delete(waiter), resolve());
      this.waiters.add(waiter);
    });
  }

  /** Wakes every waiter, e.g. when the server shuts down. */
  wakeAll(): void {
    [...this.waiters].forEach((waiter) => waiter());
  }

  /** Appends without checks, as the server does for its own `$`-streams (e.g. `$stats-…`). */
  write(streamId: string, proposed: ProposedEvent[]): bigint {
    const stream = this.streams.get(streamId) ?? [];
    this.streams.set(streamId, stream);
    const created = BigInt(Date.now()) * 10_000n;
    for (const event of proposed) {
      const stored: StoredEvent = { ...event, streamId, revision: BigInt(stream.length), position: this.nextPosition, created };
      this.nextPosition += RECORD_OVERHEAD + BigInt(byteLength(streamId) + byteLength(event.type) + event.data.length + event.metadata.length);
      stream.push(stored);
      this.events.push(stored);
    }
    this.wakeAll();
    return stream[stream.length - 1].position;
  }
}

/** The stored result when `proposed` repeats the stream from index `at`; null when it does not. */
function idempotentAt(stream: StoredEvent[], at: number, proposed: ProposedEvent[]): AppendOutcome | null {
  const repeated = proposed.every((event, offset) => stream[at + offset]?.id === event.id);
  if (!repeated) return null;
  const last = stream[at + proposed.length - 1];
  return { result: 'idempotent', current: last.revision, position: last.position };
}

export function systemEvent(type: string, data: unknown): ProposedEvent {
  return {
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: Buffer.from(JSON.stringify(data)),
    metadata: new Uint8Array(),
  };
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
