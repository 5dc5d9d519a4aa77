import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import type { RecordedEvent, SubscribeOptions, Subscription, SubscriptionHandler } from '../event-store';
import { toRecordedEvent } from './esdb-mapping';

const DEFAULT_BATCH_SIZE = 500;

/**
 * Hands the events of an ESDB `$all` subscription to the handler in batches, one call at a time.
 * The gRPC stream is paused while a full batch waits, so a slow handler pushes back on the server.
 * `caughtUp` resolves once everything the server sent before its CaughtUp message was handled, or,
 * for servers that never send one (before 23.10), once the event at the head read at start was.
 */
export class EsdbSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  /** Settles when the delivery loop has ended, after the last handler call returned. */
  readonly stopped: Promise<void>;
  private resolveCaughtUp!: () => void;
  private rejectCaughtUp!: (error: unknown) => void;
  private readonly buffer: RecordedEvent[] = [];
  private received = 0;
  private delivered = 0;
  private lastDelivered: bigint;
  /** Events received before the server's CaughtUp message; null until it came. */
  private caughtUpAfter: number | null = null;
  private headAtStart: bigint | null = null;
  private closing = false;
  private failure: { error: unknown } | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly source: AllStreamSubscription,
    head: Promise<bigint>,
    private readonly handler: SubscriptionHandler,
    private readonly options: SubscribeOptions,
  ) {
    this.lastDelivered = options.after;
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    this.caughtUp.catch(() => undefined);
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    source.on('data', (resolved: AllStreamResolvedEvent) => this.guard(() => this.receive(resolved, batchSize)));
    source.on('caughtUp', () => {
      // Events the stream transformed before this message but has not emitted yet still count.
      this.caughtUpAfter = this.received + source.readableLength;
      this.checkCaughtUp();
    });
    source.on('error', (error: unknown) => this.fail(error));
    source.on('end', () => this.fail(new Error('EventStoreDB ended the $all subscription')));
    head.then(
      (position) => ((this.headAtStart = position), this.checkCaughtUp()),
      (error: unknown) => this.fail(error),
    );
    this.stopped = this.run(batchSize);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.wake?.();
    await this.source.unsubscribe();
    await this.stopped;
  }

  private receive(resolved: AllStreamResolvedEvent, batchSize: number): void {
    this.buffer.push(toRecordedEvent(resolved));
    this.received++;
    if (this.buffer.length >= batchSize) this.source.pause();
    this.wake?.();
  }

  private async run(batchSize: number): Promise<void> {
    try {
      while (!this.closing) {
        if (this.failure) throw this.failure.error;
        if (this.buffer.length === 0) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = null;
          continue;
        }
        const batch = this.buffer.splice(0, batchSize);
        if (this.source.isPaused()) this.source.resume();
        await this.handler(batch);
        this.delivered += batch.length;
        this.lastDelivered = batch[batch.length - 1].position;
        this.checkCaughtUp();
      }
    } catch (error) {
      this.closing = true;
      this.rejectCaughtUp(error);
      this.options.onError?.(error);
      await this.source.unsubscribe();
    } finally {
      // Closed before reaching the head: nothing more will be delivered, so waiters may go on.
      this.resolveCaughtUp();
    }
  }

  private checkCaughtUp(): void {
    const serverSaidSo = this.caughtUpAfter !== null && this.delivered >= this.caughtUpAfter;
    const pastHead = this.headAtStart !== null && this.lastDelivered >= this.headAtStart;
    if (serverSaidSo || pastHead) this.resolveCaughtUp();
  }

  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    if (this.closing || this.failure) return;
    this.failure = { error };
    this.wake?.();
  }
}
