import { ConcurrencyGate } from '../../src/security/concurrency-gate';

describe('the concurrency gate', () => {
  afterEach(() => jest.useRealTimers());

  it('admits up to its limit at once, queues the next in order, and refuses beyond the queue', async () => {
    const gate = new ConcurrencyGate(2, 2, 60_000);
    const a = await gate.enter();
    const b = await gate.enter();
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    const order: string[] = [];
    const c = gate.enter().then((r) => (order.push('c'), r));
    const d = gate.enter().then((r) => (order.push('d'), r));
    expect(await gate.enter()).toBeNull();
    expect([gate.inFlight, gate.queued]).toEqual([2, 2]);
    a!();
    a!(); // a second release of the same ticket frees nothing more
    const released = await c;
    expect(order).toEqual(['c']);
    expect([gate.inFlight, gate.queued]).toEqual([2, 1]);
    b!();
    released!();
    await d;
    expect(order).toEqual(['c', 'd']);
    expect([gate.inFlight, gate.queued]).toEqual([1, 0]);
  });

  it('a waiter that waited too long, or whose client went away, leaves the line with null and takes no turn', async () => {
    jest.useFakeTimers();
    const gate = new ConcurrencyGate(1, 5, 1_000);
    const holder = await gate.enter();
    const patient = gate.enter();
    let cancel: () => void = () => undefined;
    const gone = gate.enter((c) => (cancel = c));
    cancel();
    expect(await gone).toBeNull();
    jest.advanceTimersByTime(1_001);
    expect(await patient).toBeNull();
    expect([gate.inFlight, gate.queued]).toEqual([1, 0]);
    holder!();
    expect(gate.inFlight).toBe(0);
    expect(await gate.enter()).not.toBeNull();
  });
});
