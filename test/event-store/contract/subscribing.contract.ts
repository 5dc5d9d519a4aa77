import type { RecordedEvent, SubscriptionHandler } from '../../../src/event-store/event-store';
import {
  aStreamId,
  asAppended,
  deferred,
  expectPositionsAfter,
  positionsOf,
  sleep,
  someEvents,
  waitFor,
  type ContractContext,
} from './contract-helpers';

/** A handler that records what it is given, batch by batch. */
function recorder(): { handler: SubscriptionHandler; seen: RecordedEvent[]; batches: number[] } {
  const seen: RecordedEvent[] = [];
  const batches: number[] = [];
  const handler: SubscriptionHandler = async (events) => {
    batches.push(events.length);
    seen.push(...events);
  };
  return { handler, seen, batches };
}

export function describeSubscribing({ store, factory, positions }: ContractContext): void {
  describe('subscribing', () => {
    it('delivers the events already in the log in global order, in batches, before it is caught up', async () => {
      const head = await store().headPosition();
      const [first, second] = [someEvents(3, 'first'), someEvents(2, 'second')];
      await store().append(aStreamId(), first, 'no_stream');
      await store().append(aStreamId(), second, 'no_stream');
      const { handler, seen, batches } = recorder();

      const subscription = store().subscribe(handler, { after: head, batchSize: 2 });
      await subscription.caughtUp;
      await subscription.close();

      expect(seen.map(asAppended)).toEqual([...first, ...second]);
      expectPositionsAfter(head, positionsOf(seen), positions());
      expect(positionsOf(seen)).toEqual(positionsOf(await store().readAll(head, 5)));
      expect(Math.max(...batches)).toBeLessThanOrEqual(2);
    });

    it('goes live after catching up and delivers events appended later', async () => {
      const head = await store().headPosition();
      const { handler, seen } = recorder();
      const subscription = store().subscribe(handler, { after: head });
      try {
        await subscription.caughtUp;
        const streamId = aStreamId();
        const [early, later] = [someEvents(2, 'early'), someEvents(1, 'later')];
        await store().append(streamId, early, 'no_stream');
        await store().append(streamId, later, 2);

        await waitFor(() => seen.length >= 3, 'three live events');

        expect(seen.map(asAppended)).toEqual([...early, ...later]);
        expect(seen.map((event) => event.version)).toEqual([1, 2, 3]);
      } finally {
        await subscription.close();
      }
    });

    it('resumes from a checkpoint at any event with exactly the events after it', async () => {
      const head = await store().headPosition();
      const events = someEvents(6);
      await store().append(aStreamId(), events, 'no_stream');
      const log = await store().readAll(head, 6);
      expect(log.map(asAppended)).toEqual(events);
      expectPositionsAfter(head, positionsOf(log), positions());

      for (const [index, checkpoint] of [head, ...positionsOf(log)].entries()) {
        const { handler, seen } = recorder();
        const subscription = store().subscribe(handler, { after: checkpoint });
        await subscription.caughtUp;
        await subscription.close();

        expect(seen.map(asAppended)).toEqual(events.slice(index));
        expect(positionsOf(seen)).toEqual(positionsOf(log.slice(index)));
      }
    });

    it('never runs the handler concurrently and keeps global order while live', async () => {
      const head = await store().headPosition();
      let running = 0;
      let overlapped = false;
      const seen: RecordedEvent[] = [];
      const subscription = store().subscribe(
        async (events) => {
          overlapped ||= running > 0;
          running++;
          await sleep(5);
          seen.push(...events);
          running--;
        },
        { after: head, batchSize: 1 },
      );
      try {
        await subscription.caughtUp;
        await Promise.all([0, 1, 2, 3, 4].map(() => store().append(aStreamId(), someEvents(2), 'no_stream')));
        await waitFor(() => seen.length >= 10, 'ten events');

        expect(overlapped).toBe(false);
        const log = await store().readAll(head, 10);
        expect(seen.map(asAppended)).toEqual(log.map(asAppended));
        expectPositionsAfter(head, positionsOf(seen), positions());
        expect(positionsOf(seen)).toEqual(positionsOf(log));
      } finally {
        await subscription.close();
      }
    });

    it('resolves close only after the handler call in flight has finished, and delivers nothing more', async () => {
      const head = await store().headPosition();
      await store().append(aStreamId(), someEvents(1), 'no_stream');
      const entered = deferred();
      const release = deferred();
      let calls = 0;
      let finished = false;
      const subscription = store().subscribe(
        async () => {
          calls++;
          entered.resolve();
          await release.promise;
          finished = true;
        },
        { after: head },
      );
      await entered.promise;

      let closed = false;
      const closing = subscription.close().then(() => (closed = true));
      await sleep(50);
      expect(closed).toBe(false);
      release.resolve();
      await closing;

      expect(finished).toBe(true);
      await store().append(aStreamId(), someEvents(1, 'after close'), 'no_stream');
      await sleep(100);
      expect(calls).toBe(1);
    });

    it('stops and reports through onError when the handler fails', async () => {
      const head = await store().headPosition();
      await store().append(aStreamId(), someEvents(1), 'no_stream');
      const failure = new Error('handler failed');
      const reported: unknown[] = [];
      let calls = 0;
      const subscription = store().subscribe(
        async () => {
          calls++;
          throw failure;
        },
        { after: head, onError: (error) => reported.push(error) },
      );

      await waitFor(() => reported.length > 0, 'the error to be reported');
      await store().append(aStreamId(), someEvents(1, 'after failure'), 'no_stream');
      await sleep(100);
      await subscription.close();

      expect(reported).toEqual([failure]);
      expect(calls).toBe(1);
    });

    it('stops its subscriptions when the store is closed, after the handler call in flight', async () => {
      const other = await factory();
      try {
        const head = await other.store.headPosition();
        await other.store.append(aStreamId(), someEvents(2), 'no_stream');
        const entered = deferred();
        const release = deferred();
        let calls = 0;
        other.store.subscribe(
          async () => {
            calls++;
            entered.resolve();
            await release.promise;
          },
          { after: head, batchSize: 1 },
        );
        await entered.promise;

        let closed = false;
        const closing = other.store.close().then(() => (closed = true));
        await sleep(50);
        expect(closed).toBe(false);
        release.resolve();
        await closing;
        await sleep(100);

        expect(calls).toBe(1);
      } finally {
        await other.dispose();
      }
    });
  });
}
