import type { RecordedEvent } from '../../src/event-store/event-store';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { aStreamId, asAppended, someEvents, waitFor } from './contract/contract-helpers';
import { describeEventStoreContract } from './event-store.contract';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';

describeWithPostgres('PostgreSQL event store', () => {
  let database: ThrowawayDatabase;
  beforeAll(async () => (database = await createThrowawayDatabase()));
  afterAll(async () => database?.drop());

  describeEventStoreContract('PostgreSQL', async () => ({ ...(await database.openStore()), positions: 'dense' }));

  describe('on a database shared with other instances', () => {
    // A poll this slow never fires during a test: a live delivery must come from LISTEN/NOTIFY.
    let opened: Awaited<ReturnType<ThrowawayDatabase['openStore']>>;
    beforeAll(async () => (opened = await database.openStore({ pollIntervalMs: 60_000 })));
    afterAll(async () => opened?.dispose());

    it('creates its tables idempotently, keeping the events already stored', async () => {
      const streamId = aStreamId();
      const events = someEvents(2);
      await opened.store.append(streamId, events, 'no_stream');

      await new PostgresEventStore(database.pool).init();

      expect((await opened.store.readStream(streamId)).map(asAppended)).toEqual(events);
    });

    it('wakes a live subscription through NOTIFY on an append by another instance', async () => {
      const other = await database.openStore();
      const seen: RecordedEvent[] = [];
      const subscription = opened.store.subscribe(async (events) => void seen.push(...events), {
        after: await opened.store.headPosition(),
      });
      try {
        await subscription.caughtUp;
        const [first, second] = [someEvents(1, 'first'), someEvents(2, 'second')];
        await other.store.append(aStreamId(), first, 'no_stream');
        // Delivered once LISTEN is in place (by its notification or by the read that follows LISTEN).
        await waitFor(() => seen.length >= 1, 'the first event', 2000);
        await other.store.append(aStreamId(), second, 'no_stream');
        await waitFor(() => seen.length >= 3, 'the notified events', 2000);
        expect(seen.map(asAppended)).toEqual([...first, ...second]);
      } finally {
        await subscription.close();
        await other.dispose();
      }
    });

    it('keeps the event logs of two schemas apart, each with its own positions', async () => {
      const [left, right] = await Promise.all([
        database.openStore({ schema: 'left_log' }),
        database.openStore({ schema: 'right_log' }),
      ]);
      try {
        const streamId = aStreamId();
        await left.store.append(streamId, someEvents(2, 'left'), 'no_stream');
        const result = await right.store.append(streamId, someEvents(1, 'right'), 'no_stream');

        expect(result).toEqual({ nextVersion: 1, position: 1n, duplicate: false });
        expect(await left.store.headPosition()).toBe(2n);
        expect(await right.store.readStream(streamId)).toHaveLength(1);
      } finally {
        await Promise.all([left.dispose(), right.dispose()]);
      }
    });
  });
});
