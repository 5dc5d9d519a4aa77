import type { RecordedEvent, SubscribeOptions, Subscription, SubscriptionHandler } from './event-store';
import { batchTimelineOn, markBatch, openBatch } from '../observability/batch-timeline';

/** What a catch-up subscription needs from an adapter: the ordered global log. */
export type ReadAll = (after: bigint, limit: number) => Promise<RecordedEvent[]>;

const DEFAULT_BATCH_SIZE = 500;
/** A subscription this far behind the appends it was handed reads the log instead: the queue is dropped. */
const MAX_HANDED_EVENTS = 5_000;

/**
 * Reads the global log in batches and hands each batch to the handler, one at a time. At the head
 * (an empty read, or a short batch with no append notified since it was read) it resolves `caughtUp` and waits for `notify()` (appends through the same adapter) or the poll
 * interval (appends by anyone else), then reads again. Adapter-agnostic: it only uses `readAll`.
 *
 * Handed events: an adapter may `offer()` the events an append in this process has just committed,
 * as a read would return them. The loop takes them instead of reading only when they continue its
 * position exactly (the first one is `after + 1`, and each batch taken continues the previous), so
 * order and gap-freedom are the log's: an event committed by anyone else in between, a batch handed
 * out of order or one dropped leaves a gap, and the loop reads the log as before.
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
  /** Offered events not yet delivered, by the position of their first event. */
  private readonly handed = new Map<bigint, RecordedEvent[]>();
  private handedEvents = 0;
  /** The position of the last event read or taken (delivered, or being delivered, to the handler). */
  private reached: bigint;

  constructor(
    private readonly readAll: ReadAll,
    private readonly handler: SubscriptionHandler,
    private readonly options: SubscribeOptions,
    private readonly pollIntervalMs: number,
  ) {
    this.reached = options.after;
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    // A failure is reported through onError; nobody has to await caughtUp to avoid a crash.
    this.caughtUp.catch(() => undefined);
    this.stopped = this.run();
  }

  /**
   * An append committed. `head`, when the waker knows it (PostgreSQL's NOTIFY carries the log's head
   * after that commit), lets a subscription that already holds every event up to it stay asleep: its
   * own appends' notifications arrive after it took their events from the append, or while they wait
   * to be taken.
   */
  notify(head?: bigint): void {
    if (head !== undefined && (head <= this.reached || this.handedUpTo(head))) return;
    this.woken = true;
    this.wake?.();
  }

  /** Events an append in this process committed, in the log's form; call before notify(). */
  offer(events: RecordedEvent[]): void {
    if (events.length === 0 || this.closing) return;
    if (this.handedEvents + events.length > MAX_HANDED_EVENTS) (this.handed.clear(), (this.handedEvents = 0));
    this.handed.set(events[0].position, events);
    this.handedEvents += events.length;
  }

  /** Whether the handed events continue the position without a gap up to `head`: taking them will do. */
  private handedUpTo(head: bigint): boolean {
    let next = this.reached + 1n;
    for (let events = this.handed.get(next); events; events = this.handed.get(next)) {
      next = events[events.length - 1].position + 1n;
      if (next > head) return true;
    }
    return false;
  }

  /** Drops the handed events at or below `after`; whether any is left. */
  private handedBeyond(after: bigint): boolean {
    for (const [first, events] of this.handed) {
      if (events[events.length - 1].position <= after) (this.handed.delete(first), (this.handedEvents -= events.length));
    }
    return this.handed.size > 0;
  }

  /** The handed events that continue `after` without a gap, at most `limit`; none when the next one was not handed. */
  private takeHanded(after: bigint, limit: number): RecordedEvent[] {
    if (!this.handedBeyond(after)) return [];
    const taken: RecordedEvent[] = [];
    let next = after + 1n;
    for (let events = this.handed.get(next); events && taken.length < limit; events = this.handed.get(next)) {
      this.handed.delete(next);
      this.handedEvents -= events.length;
      const room = limit - taken.length;
      if (events.length > room) this.offer(events.slice(room)), (events = events.slice(0, room));
      taken.push(...events);
      next = events[events.length - 1].position + 1n;
    }
    return taken;
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
        const loopAt = batchTimelineOn() ? performance.now() : 0;
        const handed = this.takeHanded(after, batchSize);
        const events = handed.length > 0 ? handed : await this.readAll(after, batchSize);
        if (this.closing) return;
        if (events.length > 0) {
          openBatch(events, handed.length > 0, loopAt);
          this.reached = events[events.length - 1].position;
          await this.handler(events);
          markBatch(events, 'handled');
          after = events[events.length - 1].position;
          // A short batch ended at the head as the read saw it: unless an append woke it since, the
          // next read would find nothing, so it waits at once instead of asking (a round trip per batch).
          // Handed events left behind a gap (another process appended between) are read at once, not at the poll.
          if (events.length === batchSize || this.woken || this.closing || this.handedBeyond(after)) continue;
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
