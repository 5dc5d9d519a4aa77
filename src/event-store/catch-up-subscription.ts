import type { RecordedEvent, SubscribeOptions, Subscription, SubscriptionHandler } from './event-store';

/** What a catch-up subscription needs from an adapter: the ordered global log. */
export type ReadAll = (after: bigint, limit: number) => Promise<RecordedEvent[]>;

const DEFAULT_BATCH_SIZE = 500;

/**
 * Reads the global log in batches and hands each batch to the handler, one at a time. At the head
 * (an empty read, or a short batch with no append notified since it was read) it resolves `caughtUp` and waits for `notify()` (appends through the same adapter) or the poll
 * interval (appends by anyone else), then reads again. Adapter-agnostic: it only uses `readAll`.
 */
export class CatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  /** Settles when the loop has ended, after the last handler call returned. */
  readonly stopped: Promise<void>;
  private resolveCaughtUp!: () => void;
  private rejectCaughtUp!: (error: unknown) => void;
  private closing = false;
  /** Set by notify(); checked before sleeping so a wake-up between read and sleep is not lost. */
  private woken = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly readAll: ReadAll,
    private readonly handler: SubscriptionHandler,
    private readonly options: SubscribeOptions,
    private readonly pollIntervalMs: number,
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    // A failure is reported through onError; nobody has to await caughtUp to avoid a crash.
    this.caughtUp.catch(() => undefined);
    this.stopped = this.run();
  }

  notify(): void {
    this.woken = true;
    this.wake?.();
  }

  async close(): Promise<void> {
    this.closing = true;
    this.wake?.();
    await this.stopped;
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    let after = this.options.after;
    try {
      while (!this.closing) {
        this.woken = false;
        const events = await this.readAll(after, batchSize);
        if (this.closing) return;
        if (events.length > 0) {
          await this.handler(events);
          after = events[events.length - 1].position;
          // A short batch ended at the head as the read saw it: unless an append woke it since, the
          // next read would find nothing, so it waits at once instead of asking (a round trip per batch).
          if (events.length === batchSize || this.woken || this.closing) continue;
        }
        this.resolveCaughtUp();
        if (!this.woken) await this.sleep();
      }
    } catch (error) {
      this.closing = true;
      this.rejectCaughtUp(error);
      this.options.onError?.(error);
    } finally {
      // Closed before reaching the head: nothing more will be delivered, so waiters may go on.
      this.resolveCaughtUp();
    }
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      // unref: a forgotten subscription must not keep the process alive on its own.
      const timer = setTimeout(done, this.pollIntervalMs).unref();
      this.wake = done;
    });
  }
}
