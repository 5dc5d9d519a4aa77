import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../src/event-store/event-store';
import { openEmbedded, openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import type { EmbeddedClient } from '../../src/event-store/pglite/pglite-thread';
import { GENESIS_HASH, linkHash } from '../../src/event-store/event-hash';
import type { Transaction } from '@electric-sql/pglite';
import { aStreamId, asAppended, someEvents, waitFor } from './contract/contract-helpers';
import { describeEventStoreContract } from './event-store.contract';


async function openStore(location: string, pollIntervalMs?: number) {
  const db = await openPglite(location);
  const store = new PgliteEventStore(db, { pollIntervalMs });
  await store.init();
  return { db, store, dispose: async () => (await store.close(), await db.close()) };
}

describeEventStoreContract('PGlite in memory', async () => ({ ...(await openStore('memory:')), positions: 'dense' }));

describeEventStoreContract('PGlite in memory, on its worker thread (as the server runs it)', async () => {
  const { pglite: db } = await openEmbedded('memory:', { sync: false, thread: true });
  const store = new PgliteEventStore(db);
  await store.init();
  return { db, store, positions: 'dense', dispose: async () => (await store.close(), await db.close()) };
});

describe('PGlite event store', () => {
  it('keeps events on disk across close and reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netra-event-store-'));
    try {
      const streamId = aStreamId();
      const events = someEvents(3);
      const first = await openStore(join(dir, 'data'));
      await first.store.append(streamId, events, 'no_stream');
      await first.dispose();

      const reopened = await openStore(join(dir, 'data'));
      try {
        expect((await reopened.store.readStream(streamId)).map(asAppended)).toEqual(events);
        expect(await reopened.store.headPosition()).toBe(3n);
        const next = await reopened.store.append(streamId, someEvents(1, 'after reopen'), 3);
        expect(next).toEqual({ nextVersion: 4, position: 4n, duplicate: false });
      } finally {
        await reopened.dispose();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('appends in one statement, one call to the database and no transaction left open between calls, linked as linkHash links', async () => {
    const db = await openPglite('memory:');
    const calls: string[] = [];
    const counted = {
      query: (sql: string, params?: unknown[]) => (calls.push(`query ${sql.trim().split(/\s+/).slice(0, 2).join(' ')}`), db.query(sql, params)),
      exec: (sql: string) => (calls.push('exec'), db.exec(sql)),
      transaction: <T>(work: (tx: Transaction) => Promise<T>) => (calls.push('transaction'), db.transaction(work)),
      dumpDataDir: () => db.dumpDataDir(),
      close: () => db.close(),
    } as unknown as EmbeddedClient;
    const store = new PgliteEventStore(counted);
    try {
      await store.init();
      const streamId = aStreamId();
      await store.append(streamId, someEvents(2), 'no_stream');
      calls.length = 0;

      expect(await store.append(streamId, someEvents(3, 'ünïcode ✓'), 2)).toEqual({ nextVersion: 5, position: 5n, duplicate: false });

      expect(calls).toEqual(['query SELECT outcome,']);
      const log = await store.readAll(0n, 10);
      let previous = GENESIS_HASH;
      for (const event of log) {
        expect({ previousHash: event.previousHash, hash: event.hash }).toEqual({ previousHash: previous, hash: linkHash(previous, event, event.position) });
        previous = event.hash!;
      }
      // A refusal looks for a retry, then answers with the stream's version, having written nothing.
      await expect(store.append(streamId, someEvents(1), 2)).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actual: 5 });
      expect(await store.headPosition()).toBe(5n);
    } finally {
      await store.close();
      await db.close();
    }
  });

  it('two adapters on one database, racing on one stream with retries, land each append exactly once at dense versions, linked', async () => {
    const db = await openPglite('memory:');
    const [first, second] = [new PgliteEventStore(db), new PgliteEventStore(db)];
    try {
      await first.init();
      await second.init();
      const streamId = aStreamId();
      const events = someEvents(12, 'racer');
      await Promise.all(
        events.map(async (event, index) => {
          const store = index % 2 === 0 ? first : second;
          for (;;) {
            const version = (await store.readStream(streamId)).length;
            try {
              return await store.append(streamId, [event], version === 0 ? 'no_stream' : version);
            } catch (error) {
              if ((error as Error).name !== 'WrongExpectedVersionError') throw error;
            }
          }
        }),
      );
      const stored = await second.readStream(streamId);
      expect(stored.map((event) => event.version)).toEqual(events.map((_, index) => index + 1));
      expect(stored.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
      let previous = GENESIS_HASH;
      for (const event of await first.readAll(0n, 100)) {
        expect(event.previousHash).toBe(previous);
        expect(event.hash).toBe(linkHash(previous, event, event.position));
        previous = event.hash!;
      }
    } finally {
      await db.close();
    }
  });

  describe('on a database shared with other users', () => {
    // A poll this slow never fires during a test: a live delivery must come from the notifier.
    let opened: Awaited<ReturnType<typeof openStore>>;
    beforeAll(async () => (opened = await openStore('memory:', 60_000)));
    afterAll(async () => opened.dispose());

    it('creates its tables idempotently, keeping the events already stored', async () => {
      const streamId = aStreamId();
      const events = someEvents(2);
      await opened.store.append(streamId, events, 'no_stream');

      await new PgliteEventStore(opened.db).init();

      expect((await opened.store.readStream(streamId)).map(asAppended)).toEqual(events);
    });

    it('rejects an event id used in another stream, and the next append takes the next position', async () => {
      const [taken] = someEvents(1);
      await opened.store.append(aStreamId(), [taken], 'no_stream');
      const head = await opened.store.headPosition();
      const streamId = aStreamId();

      await expect(opened.store.append(streamId, [...someEvents(1), taken], 'no_stream')).rejects.toThrow();

      expect(await opened.store.readStream(streamId)).toEqual([]);
      expect((await opened.store.append(streamId, someEvents(1), 'no_stream')).position).toBe(head + 1n);
    });

    it('wakes a live subscription at once on an append through the same adapter', async () => {
      const seen: RecordedEvent[] = [];
      const subscription = opened.store.subscribe(async (events) => void seen.push(...events), {
        after: await opened.store.headPosition(),
      });
      try {
        await subscription.caughtUp;
        const events = someEvents(2);
        await opened.store.append(aStreamId(), events, 'no_stream');
        await waitFor(() => seen.length >= 2, 'the live events', 2000);
        expect(seen.map(asAppended)).toEqual(events);
      } finally {
        await subscription.close();
      }
    });

    it('finds by polling the events appended through another adapter on the same database', async () => {
      const polling = new PgliteEventStore(opened.db, { pollIntervalMs: 50 });
      const seen: RecordedEvent[] = [];
      const subscription = polling.subscribe(async (events) => void seen.push(...events), {
        after: await polling.headPosition(),
      });
      try {
        await subscription.caughtUp;
        const events = someEvents(2);
        await opened.store.append(aStreamId(), events, 'no_stream');
        await waitFor(() => seen.length >= 2, 'the polled events', 2000);
        expect(seen.map(asAppended)).toEqual(events);
      } finally {
        await polling.close();
      }
    });
  });
});
