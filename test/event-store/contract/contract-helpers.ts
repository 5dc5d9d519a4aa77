import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, NewEvent, RecordedEvent } from '../../../src/event-store/event-store';

/**
 * What a store promises of its global positions (see the port). `ordered`: they increase strictly
 * in global order. `dense`: also 1-based and gap-free, each one more than the one before.
 */
export type Positions = 'dense' | 'ordered';

/** An opened store under test; `positions` defaults to 'dense'. */
export interface OpenedStore {
  store: EventStore;
  dispose: () => Promise<void>;
  positions?: Positions;
}

export type StoreFactory = () => Promise<OpenedStore>;

/** What each part of the contract gets: the shared store under test and a way to open another. */
export interface ContractContext {
  store(): EventStore;
  factory: StoreFactory;
  /** What the store under test promises of its positions, known once it has opened. */
  positions(): Positions;
}

/** Fresh stream per test: the store is shared by the whole suite and may hold other events. */
export function aStreamId(): string {
  return `stream-${randomUUID()}`;
}

export function aMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    commandId: randomUUID(),
    agency: 'agency-a',
    unit: null,
    userId: 'user-1',
    recordedAt: '2024-01-02T03:04:05.678Z',
    ...overrides,
  };
}

export function anEvent(data: Record<string, unknown> = {}, type = 'ThingHappened'): NewEvent {
  return { id: randomUUID(), type, data, metadata: aMetadata() };
}

export function someEvents(count: number, label = 'event'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => anEvent({ label: `${label} ${index}`, index }));
}

/** The parts of a recorded event the caller chose, to compare with what was appended. */
export function asAppended(event: RecordedEvent): NewEvent {
  return { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
}

export function positionsFrom(first: bigint, count: number): bigint[] {
  return Array.from({ length: count }, (_, index) => first + BigInt(index));
}

export function positionsOf(events: RecordedEvent[]): bigint[] {
  return events.map((event) => event.position);
}

/**
 * Asserts the positions of events written after the head was `head`, in the order read: each
 * greater than the one before, the first greater than `head`. With dense positions, also exactly
 * head + 1, head + 2, ... with nothing in between.
 */
export function expectPositionsAfter(head: bigint, positions: bigint[], kind: Positions): void {
  expect(positions.length).toBeGreaterThan(0);
  expect(positions[0]).toBeGreaterThan(head);
  const increasing = [...new Set(positions)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(positions).toEqual(increasing);
  if (kind === 'dense') expect(positions).toEqual(positionsFrom(head + 1n, positions.length));
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Appended data must come back unchanged; used by the payload tests. */
export async function appendAndReadBack(store: EventStore, event: NewEvent): Promise<RecordedEvent[]> {
  const streamId = aStreamId();
  await store.append(streamId, [event], 'no_stream');
  return store.readStream(streamId);
}
