import { CatchUpSubscription } from '../../src/event-store/catch-up-subscription';
import type { RecordedEvent } from '../../src/event-store/event-store';

/** The handed-events rule on its own, over an in-memory log: take a batch only where it continues the position. */
const event = (position: number): RecordedEvent => ({
  id: `e${position}`, type: 'T', data: { position }, metadata: {} as RecordedEvent['metadata'], streamId: 's', version: position, position: BigInt(position),
});

function logOf(): { log: RecordedEvent[]; reads: bigint[]; readAll: (after: bigint, limit: number) => Promise<RecordedEvent[]> } {
  const log: RecordedEvent[] = [];
  const reads: bigint[] = [];
  return {
    log,
    reads,
    readAll: async (after, limit) => (reads.push(after), log.filter((e) => e.position > after).slice(0, limit)),
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}

describe('CatchUpSubscription with handed events', () => {
  it('takes handed batches that continue its position without reading, in position order even when offered out of order', async () => {
    const { log, reads, readAll } = logOf();
    const seen: bigint[] = [];
    const subscription = new CatchUpSubscription(readAll, async (events) => void seen.push(...events.map((e) => e.position)), { after: 0n, batchSize: 10 }, 60_000);
    await subscription.caughtUp;
    const readsAtHead = reads.length;
    const [a, b] = [[event(1), event(2)], [event(3)]];
    log.push(...a, ...b);
    subscription.offer(b);
    subscription.offer(a);
    subscription.notify();
    await until(() => seen.length === 3);
    expect(seen).toEqual([1n, 2n, 3n]);
    expect(reads.length).toBe(readsAtHead);
    await subscription.close();
  });

  it('reads instead of taking a batch that leaves a gap, and never delivers an event twice', async () => {
    const { log, reads, readAll } = logOf();
    const seen: bigint[] = [];
    const subscription = new CatchUpSubscription(readAll, async (events) => void seen.push(...events.map((e) => e.position)), { after: 0n, batchSize: 10 }, 60_000);
    await subscription.caughtUp;
    // Position 1 was appended by another process: never handed.
    log.push(event(1), event(2), event(3));
    subscription.offer([event(2), event(3)]);
    subscription.notify();
    await until(() => seen.length === 3);
    log.push(event(4));
    subscription.offer([event(3), event(4)].slice(1));
    subscription.notify();
    await until(() => seen.length === 4);
    expect(seen).toEqual([1n, 2n, 3n, 4n]);
    expect(reads).toContain(0n);
    await subscription.close();
  });

  it('splits a handed batch larger than its batch size', async () => {
    const { log, readAll } = logOf();
    const batches: bigint[][] = [];
    const subscription = new CatchUpSubscription(readAll, async (events) => void batches.push(events.map((e) => e.position)), { after: 0n, batchSize: 2 }, 60_000);
    await subscription.caughtUp;
    const five = [1, 2, 3, 4, 5].map(event);
    log.push(...five);
    subscription.offer(five);
    subscription.notify();
    await until(() => batches.flat().length === 5);
    expect(batches).toEqual([[1n, 2n], [3n, 4n], [5n]]);
    await subscription.close();
  });
});
