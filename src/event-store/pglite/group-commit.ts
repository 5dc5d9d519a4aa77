/**
 * Group commit for a sync that makes earlier commits durable: every caller's promise settles only
 * after a sync that *started after the call* (so it covers every commit the caller made before
 * calling), and callers that arrive while a sync runs share the next one. At most one sync runs at a
 * time; with N concurrent appends there are about two syncs instead of N. A failed sync rejects
 * exactly the callers waiting on it (their appends are not acknowledged); the next call starts a new
 * sync.
 */
export function groupCommit(sync: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const current = sync();
    running = current;
    const clear = () => {
      if (running === current) running = null;
    };
    current.then(clear, clear);
    return current;
  };
  return () => {
    if (running === null) return start();
    // The running sync may have started before this caller's commit: wait for the one after it.
    if (next === null) {
      const after = running;
      next = after.then(noop, noop).then(() => {
        next = null;
        return start();
      });
    }
    return next;
  };
}

function noop(): void {}
