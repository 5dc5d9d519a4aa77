import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '../../src/event-store/event-store';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { aMetadata, aStreamId, someEvents, waitFor } from './contract/contract-helpers';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';

/**
 * The subscriptions of this process take the events an append has just committed from the append
 * (catch-up-subscription.ts) instead of reading them back. What they are handed must be what a read
 * returns, byte for byte (key order included: a handler may walk the keys), and a handed batch that
 * does not continue a subscription's position must not be taken (an event appended by another
 * process in between would be skipped for good).
 */
interface Pair {
  /** The adapter under test and a second one on the same database (another process). */
  store: EventStore;
  other: EventStore;
  dispose: () => Promise<void>;
}

/** As a read returns it, key order and all, positions as text. */
const exactly = (events: RecordedEvent[]) => events.map((e) => JSON.stringify(e, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)));

/** Keys in an order jsonb does not keep, nested, non-ASCII, integer-like; a Date and an upper-case id. */
function awkwardEvents(): NewEvent[] {
  return [
    { id: randomUUID().toUpperCase(), type: 'Awkward', metadata: aMetadata(), data: { zeta: 1, a: { yy: [{ b: 2, aa: 1 }], x: null }, 'é': 'ü', e: 'x', '10': 1, '2': 2, when: new Date('2024-05-06T07:08:09.010Z') } },
    { id: randomUUID(), type: 'Awkward', metadata: aMetadata({ userId: 'user "quoted"' }), data: { bb: 'two', b: 1.5, nested: { '\u{1F600}': true, z: [] } } },
  ];
}

/** `hands`: the adapter hands its appends to the subscriptions (PostgreSQL); the embedded one reads them back. */
function describeHanding(name: string, hands: boolean, open: () => Promise<Pair>): void {
  describe(name, () => {
    let pair: Pair;
    beforeAll(async () => (pair = await open()));
    afterAll(async () => pair?.dispose());

    (hands ? it : it.skip)('hands a subscription the appended events exactly as a read returns them, without reading them back', async () => {
      const { store } = pair;
      const after = await store.headPosition();
      const seen: RecordedEvent[] = [];
      const reads = jest.spyOn(store, 'readAll');
      const subscription = store.subscribe(async (events) => void seen.push(...events), { after });
      try {
        await subscription.caughtUp;
        const readsAtHead = reads.mock.calls.length;
        const streamId = aStreamId();
        await store.append(streamId, awkwardEvents(), 'no_stream');
        await waitFor(() => seen.length >= 2, 'the first append', 5000);
        for (let i = 0; i < 10; i++) {
          await store.append(streamId, someEvents(1, `then ${i}`), 2 + i);
          await waitFor(() => seen.length >= 3 + i, 'the next append', 5000);
        }
        // Read back, the 11 appends would have cost 11 reads at least. Two may come from elsewhere: on
        // PostgreSQL the wake-up once LISTEN is in place (it may come after caughtUp), and the read after
        // it, if an append committed while it ran.
        expect(reads.mock.calls.length - readsAtHead).toBeLessThanOrEqual(2);
        reads.mockRestore();
        expect(exactly(seen)).toEqual(exactly(await store.readAll(after, 100)));
      } finally {
        reads.mockRestore();
        await subscription.close();
      }
    });

    it('reads the log when a handed batch does not continue its position (another process appended in between)', async () => {
      const { store, other } = pair;
      const after = await store.headPosition();
      const seen: RecordedEvent[] = [];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let batches = 0;
      const subscription = store.subscribe(
        async (events) => {
          // The first batch is held while another process and then this one append.
          if (batches++ === 0) await gate;
          seen.push(...events);
        },
        { after },
      );
      try {
        await subscription.caughtUp;
        await store.append(aStreamId(), someEvents(1, 'held'), 'no_stream');
        await waitFor(() => batches === 1, 'the held batch', 5000);
        await other.append(aStreamId(), someEvents(2, 'elsewhere'), 'no_stream');
        await store.append(aStreamId(), someEvents(1, 'here'), 'no_stream');
        release();
        await waitFor(() => seen.length >= 4, 'every event', 5000);
        expect(seen.map((e) => e.data.label)).toEqual(['held 0', 'elsewhere 0', 'elsewhere 1', 'here 0']);
        expect(seen.map((e) => e.position)).toEqual([after + 1n, after + 2n, after + 3n, after + 4n]);
        expect(exactly(seen)).toEqual(exactly(await store.readAll(after, 100)));
      } finally {
        release();
        await subscription.close();
      }
    });

    it('delivers concurrent appends in log order, each once, to several subscriptions', async () => {
      const { store } = pair;
      const after = await store.headPosition();
      const seen: RecordedEvent[][] = [[], [], []];
      const subscriptions = seen.map((into) => store.subscribe(async (events) => void into.push(...events), { after, batchSize: 7 }));
      try {
        await Promise.all(subscriptions.map((s) => s.caughtUp));
        await Promise.all(Array.from({ length: 40 }, () => store.append(aStreamId(), someEvents(2), 'no_stream')));
        await waitFor(() => seen.every((into) => into.length >= 80), 'every event in every subscription', 10_000);
        const log = exactly(await store.readAll(after, 1000));
        for (const into of seen) expect(exactly(into)).toEqual(log);
      } finally {
        await Promise.all(subscriptions.map((s) => s.close()));
      }
    });
  });
}

describeHanding('PGlite', false, async () => {
  const db = await openPglite('memory:');
  // A poll this slow never fires during a test: what the second adapter appends is found by reading.
  const store = new PgliteEventStore(db, { pollIntervalMs: 60_000 });
  await store.init();
  const other = new PgliteEventStore(db, { pollIntervalMs: 60_000 });
  return { store, other, dispose: async () => (await store.close(), await other.close(), await db.close()) };
});

describeWithPostgres('PostgreSQL', () => {
  let database: ThrowawayDatabase;
  beforeAll(async () => (database = await createThrowawayDatabase()));
  afterAll(async () => database?.drop());
  describeHanding('PostgreSQL', true, async () => {
    const [a, b] = [await database.openStore({ pollIntervalMs: 60_000 }), await database.openStore({ pollIntervalMs: 60_000 })];
    return { store: a.store, other: b.store, dispose: async () => (await a.dispose(), await b.dispose()) };
  });
});
