import { WrongExpectedVersionError, type NewEvent } from '../../../src/event-store/event-store';
import { aStreamId, asAppended, expectPositionsAfter, positionsOf, someEvents, type ContractContext } from './contract-helpers';

export function describeAppending({ store, positions }: ContractContext): void {
  /** Asserts the append is refused as a version conflict and that nothing was written. */
  async function expectRefused(streamId: string, events: NewEvent[], expected: 'no_stream' | number): Promise<void> {
    const before = await store().readStream(streamId);
    const head = await store().headPosition();
    const refusal = await store().append(streamId, events, expected).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(WrongExpectedVersionError);
    expect(refusal).toMatchObject({ code: 'CONFLICT', streamId, expected, actual: before.length });
    expect(await store().readStream(streamId)).toEqual(before);
    expect(await store().headPosition()).toBe(head);
  }

  async function aStreamWith(count: number): Promise<string> {
    const streamId = aStreamId();
    await store().append(streamId, someEvents(count, 'existing'), 'no_stream');
    return streamId;
  }

  describe('appending and reading', () => {
    it('appends events to a new stream and reads them back in order with versions and positions', async () => {
      const head = await store().headPosition();
      const streamId = aStreamId();
      const events = someEvents(3);

      const result = await store().append(streamId, events, 'no_stream');

      const stored = await store().readStream(streamId);
      expect(stored.map(asAppended)).toEqual(events);
      expect(stored.map((event) => event.streamId)).toEqual([streamId, streamId, streamId]);
      expect(stored.map((event) => event.version)).toEqual([1, 2, 3]);
      expectPositionsAfter(head, positionsOf(stored), positions());
      expect(result).toEqual({ nextVersion: 3, position: stored[2].position, duplicate: false });
      expect(await store().headPosition()).toBe(result.position);
      if (positions() === 'dense') expect(result.position).toBe(head + 3n);
    });

    it('continues a stream at its exact current version', async () => {
      const streamId = await aStreamWith(2);
      const result = await store().append(streamId, someEvents(1, 'next'), 2);
      expect(result.nextVersion).toBe(3);
      expect((await store().readStream(streamId)).map((event) => event.version)).toEqual([1, 2, 3]);
    });

    it('keeps one global order across streams, with nothing else between the appends', async () => {
      const head = await store().headPosition();
      const [first, second] = [aStreamId(), aStreamId()];
      const a1 = someEvents(2, 'first');
      const b1 = someEvents(1, 'second');
      const a2 = someEvents(1, 'first again');
      await store().append(first, a1, 'no_stream');
      await store().append(second, b1, 'no_stream');
      const last = await store().append(first, a2, 2);

      const log = await store().readAll(head, 100);

      expect(log.map(asAppended)).toEqual([...a1, ...b1, ...a2]);
      expect(log.map((event) => event.streamId)).toEqual([first, first, second, first]);
      expect(log.map((event) => event.version)).toEqual([1, 2, 1, 3]);
      expectPositionsAfter(head, positionsOf(log), positions());
      expect(last.position).toBe(log[3].position);
      expect(await store().headPosition()).toBe(log[3].position);
      if (positions() === 'dense') expect(log[3].position).toBe(head + 4n);
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
      expectPositionsAfter(head, positionsOf([...page1, ...page2, ...page3]), positions());
      expect(await store().readAll(page3[0].position, 2)).toEqual([]);
      if (positions() === 'dense') expect(await store().readAll(head + 5n, 2)).toEqual([]);
    });

    it('reads a stream that does not exist as empty', async () => {
      expect(await store().readStream(aStreamId())).toEqual([]);
    });

    it('answers a ping', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });
  });

  describe('expected version', () => {
    it('accepts "any" for a new stream and for an existing one', async () => {
      const streamId = aStreamId();
      expect((await store().append(streamId, someEvents(2), 'any')).nextVersion).toBe(2);
      expect((await store().append(streamId, someEvents(1), 'any')).nextVersion).toBe(3);
      expect(await store().readStream(streamId)).toHaveLength(3);
    });

    it('refuses no_stream when the stream exists and leaves the stream as it was', async () => {
      await expectRefused(await aStreamWith(2), someEvents(1, 'late'), 'no_stream');
    });

    it('refuses an append at a stale version and leaves the stream as it was', async () => {
      await expectRefused(await aStreamWith(3), someEvents(2, 'stale'), 2);
    });

    it('refuses an append at a version the stream has not reached', async () => {
      await expectRefused(await aStreamWith(2), someEvents(1, 'ahead'), 3);
    });

    it('refuses an exact version for a stream that does not exist', async () => {
      await expectRefused(aStreamId(), someEvents(1, 'orphan'), 1);
    });

    it('leaves the global log and its head as they were after a refused append, and the next append follows on', async () => {
      const streamId = await aStreamWith(1);
      const head = await store().headPosition();
      await expect(store().append(streamId, someEvents(3), 'no_stream')).rejects.toBeInstanceOf(WrongExpectedVersionError);

      expect(await store().headPosition()).toBe(head);
      expect(await store().readAll(head, 10)).toEqual([]);

      const next = someEvents(1, 'after refusal');
      const result = await store().append(aStreamId(), next, 'no_stream');

      const log = await store().readAll(head, 10);
      expect(log.map(asAppended)).toEqual(next);
      expectPositionsAfter(head, positionsOf(log), positions());
      expect(result.position).toBe(log[0].position);
      expect(await store().headPosition()).toBe(result.position);
      if (positions() === 'dense') expect(result.position).toBe(head + 1n);
    });
  });

  describe('idempotency', () => {
    it('treats a retried append with the same event ids as done: appends nothing and reports duplicate', async () => {
      const streamId = aStreamId();
      const events = someEvents(2);
      const first = await store().append(streamId, events, 'no_stream');
      await store().append(aStreamId(), someEvents(1, 'someone else'), 'no_stream');
      const head = await store().headPosition();

      const retried = await store().append(streamId, events, 'no_stream');
      const retriedAny = await store().append(streamId, events, 'any');

      expect(retried).toEqual({ nextVersion: 2, position: first.position, duplicate: true });
      expect(retriedAny).toEqual(retried);
      expect((await store().readStream(streamId)).map(asAppended)).toEqual(events);
      expect(await store().headPosition()).toBe(head);
    });

    it('refuses an append that repeats only some of the event ids already in the stream', async () => {
      const streamId = aStreamId();
      const [stored, fresh] = [someEvents(2), someEvents(1, 'fresh')];
      await store().append(streamId, stored, 'no_stream');
      const head = await store().headPosition();

      await expect(store().append(streamId, [stored[1], ...fresh], 'any')).rejects.toThrow();

      expect((await store().readStream(streamId)).map(asAppended)).toEqual(stored);
      expect(await store().headPosition()).toBe(head);
    });
  });
}
