/**
 * The contract's position tests for a store whose positions are ordered and unique but not dense
 * (EventStoreDB: `$all` commit positions are byte offsets). Same scenarios as the shared contract,
 * asserting only what such a store promises: every position lies after the head read before,
 * positions increase in global order, the head is the last event's position, and resuming after
 * any event's position delivers exactly the events after it. Written against the port only.
 */
import type { RecordedEvent } from '../../../src/event-store/event-store';
import { aStreamId, asAppended, sleep, someEvents, waitFor, type ContractContext } from '../contract/contract-helpers';

/** The dense-position tests of the shared contract, which this file restates for ordered positions. */
export const DENSE_POSITION_TESTS = [
  'appends events to a new stream and reads them back in order with versions and positions',
  'keeps one gap-free global order across streams',
  'reads the global log in pages of the requested size',
  'does not skip a global position after a refused append',
  'delivers the events already in the log in global order, in batches, before it is caught up',
  'resumes from a checkpoint with exactly the events after it',
  'never runs the handler concurrently and keeps global order while live',
  'reads back a stream of 10000 events appended in batches of 500',
];

function expectOrderedAfter(head: bigint, positions: bigint[]): void {
  positions.forEach((position, index) => expect(position).toBeGreaterThan(index === 0 ? head : positions[index - 1]));
}

export function describeOrderedPositions({ store }: ContractContext): void {
  const positionsOf = (events: RecordedEvent[]): bigint[] => events.map((event) => event.position);

  describe('ordered, unique positions that need not be dense', () => {
    it('appends events to a new stream at increasing positions after the head, and reports the last', async () => {
      const head = await store().headPosition();
      const streamId = aStreamId();
      const events = someEvents(3);

      const result = await store().append(streamId, events, 'no_stream');

      const stored = await store().readStream(streamId);
      expect(stored.map(asAppended)).toEqual(events);
      expect(stored.map((event) => event.version)).toEqual([1, 2, 3]);
      expectOrderedAfter(head, positionsOf(stored));
      expect(result).toEqual({ nextVersion: 3, position: stored[2].position, duplicate: false });
      expect(await store().headPosition()).toBe(result.position);
    });

    it('keeps one global order across streams, with nothing between the appends', async () => {
      const head = await store().headPosition();
      const [first, second] = [aStreamId(), aStreamId()];
      const [a1, b1, a2] = [someEvents(2, 'first'), someEvents(1, 'second'), someEvents(1, 'first again')];
      await store().append(first, a1, 'no_stream');
      await store().append(second, b1, 'no_stream');
      const last = await store().append(first, a2, 2);

      const log = await store().readAll(head, 100);

      expect(log.map(asAppended)).toEqual([...a1, ...b1, ...a2]);
      expect(log.map((event) => event.version)).toEqual([1, 2, 1, 3]);
      expectOrderedAfter(head, positionsOf(log));
      expect(await store().headPosition()).toBe(last.position);
    });

    it('reads the global log in pages of the requested size, and nothing after the last event', async () => {
      const head = await store().headPosition();
      const events = someEvents(5);
      await store().append(aStreamId(), events, 'no_stream');

      const page1 = await store().readAll(head, 2);
      const page2 = await store().readAll(page1[1].position, 2);
      const page3 = await store().readAll(page2[1].position, 2);

      expect([page1.length, page2.length, page3.length]).toEqual([2, 2, 1]);
      expect([...page1, ...page2, ...page3].map(asAppended)).toEqual(events);
      expect(await store().readAll(page3[0].position, 2)).toEqual([]);
    });

    it('leaves nothing in the global log for a refused append', async () => {
      const streamId = aStreamId();
      await store().append(streamId, someEvents(1), 'no_stream');
      const head = await store().headPosition();
      await expect(store().append(streamId, someEvents(3), 'no_stream')).rejects.toThrow();

      const next = someEvents(1, 'after refusal');
      const result = await store().append(aStreamId(), next, 'no_stream');

      expect((await store().readAll(head, 10)).map(asAppended)).toEqual(next);
      expect(result.position).toBeGreaterThan(head);
    });

    it('subscribes in global order, in batches, with the positions readAll reports', async () => {
      const head = await store().headPosition();
      const [first, second] = [someEvents(3, 'first'), someEvents(2, 'second')];
      await store().append(aStreamId(), first, 'no_stream');
      await store().append(aStreamId(), second, 'no_stream');
      const [seen, batches]: [RecordedEvent[], number[]] = [[], []];

      const subscription = store().subscribe(async (events) => void (batches.push(events.length), seen.push(...events)), { after: head, batchSize: 2 });
      await subscription.caughtUp;
      await subscription.close();

      expect(seen.map(asAppended)).toEqual([...first, ...second]);
      expect(positionsOf(seen)).toEqual(positionsOf(await store().readAll(head, 5)));
      expect(Math.max(...batches)).toBeLessThanOrEqual(2);
    });

    it('resumes after the position of any delivered event with exactly the events after it', async () => {
      const head = await store().headPosition();
      const events = someEvents(6);
      await store().append(aStreamId(), events, 'no_stream');
      const checkpoint = (await store().readAll(head, 6))[2].position;
      const seen: RecordedEvent[] = [];

      const subscription = store().subscribe(async (batch) => void seen.push(...batch), { after: checkpoint });
      await subscription.caughtUp;
      await subscription.close();

      expect(seen.map(asAppended)).toEqual(events.slice(3));
    });

    it('keeps global order while live, one handler call at a time', async () => {
      const head = await store().headPosition();
      const seen: RecordedEvent[] = [];
      let [running, overlapped] = [0, false];
      const subscription = store().subscribe(
        async (events) => {
          overlapped ||= running++ > 0;
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
        expect(positionsOf(seen)).toEqual(positionsOf(await store().readAll(head, 10)));
      } finally {
        await subscription.close();
      }
    });

    it('pages through a stream of 2000 events appended in batches of 500 in the global log', async () => {
      const [streamId, head] = [aStreamId(), await store().headPosition()];
      const events = someEvents(2000, 'counted');
      for (let start = 0; start < events.length; start += 500) {
        await store().append(streamId, events.slice(start, start + 500), start === 0 ? 'no_stream' : start);
      }
      const log: RecordedEvent[] = [];
      for (let page = await store().readAll(head, 700); page.length > 0; page = await store().readAll(page[page.length - 1].position, 700)) {
        log.push(...page);
      }
      expect(log.map((event) => event.id)).toEqual(events.map((event) => event.id));
      expectOrderedAfter(head, positionsOf(log));
      expect(await store().headPosition()).toBe(log[log.length - 1].position);
    });
  });
}
