import { groupCommit } from '../../src/event-store/pglite/group-commit';

/** A sync whose runs the test starts and ends by hand, recording when each began. */
function manualSync() {
  const runs: Array<{ startedAt: number; finish: (error?: Error) => void }> = [];
  let clock = 0;
  const sync = () =>
    new Promise<void>((resolve, reject) => {
      runs.push({ startedAt: clock, finish: (error) => (error ? reject(error) : resolve()) });
    });
  return { sync, runs, tick: () => ++clock };
}

const settled = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('groupCommit (the embedded store’s WAL sync)', () => {
  it('resolves a caller only after a sync that began after its call, and callers arriving meanwhile share one', async () => {
    const { sync, runs, tick } = manualSync();
    const durable = groupCommit(sync);
    const resolvedAt: Array<{ calledAt: number }> = [];
    const call = () => {
      const calledAt = tick();
      void durable().then(() => resolvedAt.push({ calledAt }));
    };
    call(); // starts run 0
    tick();
    call();
    call();
    call(); // all three wait for run 1, which has not started
    await settled();
    expect(runs).toHaveLength(1);
    runs[0].finish();
    await settled();
    expect(resolvedAt.map((r) => r.calledAt)).toEqual([1]);
    expect(runs).toHaveLength(2);
    expect(runs[1].startedAt).toBeGreaterThan(4); // after every waiting call
    call(); // arrives during run 1: waits for run 2
    runs[1].finish();
    await settled();
    expect(resolvedAt.map((r) => r.calledAt)).toEqual([1, 3, 4, 5]);
    expect(runs).toHaveLength(3);
    runs[2].finish();
    await settled();
    expect(resolvedAt.map((r) => r.calledAt)).toEqual([1, 3, 4, 5, 6]);
    expect(runs).toHaveLength(3);
  });

  it('no caller is resolved by a sync that was already running when it called', async () => {
    const { sync, runs } = manualSync();
    const durable = groupCommit(sync);
    let first = false;
    let second = false;
    void durable().then(() => (first = true));
    void durable().then(() => (second = true));
    runs[0].finish();
    await settled();
    expect(first).toBe(true);
    expect(second).toBe(false);
    runs[1].finish();
    await settled();
    expect(second).toBe(true);
  });

  it('a failed sync rejects the callers waiting on it, and the next call syncs again', async () => {
    const { sync, runs } = manualSync();
    const durable = groupCommit(sync);
    const failed = durable();
    const waiting = durable();
    runs[0].finish(new Error('EIO'));
    await expect(failed).rejects.toThrow('EIO');
    await settled();
    expect(runs).toHaveLength(2); // the waiting caller's own sync, not answered by the failed one
    runs[1].finish();
    await expect(waiting).resolves.toBeUndefined();
    const later = durable();
    expect(runs).toHaveLength(3);
    runs[2].finish();
    await expect(later).resolves.toBeUndefined();
  });
});
