/**
 * At most `concurrent` holders at a time; up to `queue` more wait their turn, in order, for at
 * most `maxWaitMs`. A caller that cannot queue, or waited too long, is told how long to wait
 * before trying again. Pure bookkeeping: no timers but the waits', no I/O.
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: Array<{ admit: () => void }> = [];

  constructor(
    readonly concurrent: number,
    readonly queue: number,
    readonly maxWaitMs: number,
  ) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Resolves with `release` once admitted (call it exactly once, when done), or with null when the
   * queue is full, the wait took longer than `maxWaitMs`, or `gone` fired while waiting.
   */
  enter(gone?: (cancel: () => void) => void): Promise<(() => void) | null> {
    if (this.running < this.concurrent) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queue) return Promise.resolve(null);
    return new Promise((resolve) => {
      const entry = {
        admit: () => {
          clearTimeout(timer);
          this.running++;
          resolve(this.releaser());
        },
      };
      const leave = () => {
        const i = this.waiting.indexOf(entry);
        if (i < 0) return;
        this.waiting.splice(i, 1);
        clearTimeout(timer);
        resolve(null);
      };
      const timer = setTimeout(leave, this.maxWaitMs);
      this.waiting.push(entry);
      gone?.(leave);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.admit();
    };
  }
}
