import { sql } from 'drizzle-orm';
import { CASE_STREAM_PREFIX } from '../../case/case-events';
import type { EventStore, RecordedEvent, Subscription } from '../../event-store/event-store';
import type { ReadDb } from '../../storage/read-db';
import type { KeyStore } from '../../privacy/key-store';
import { Backoff } from '../../storage/backoff';
import { databaseNow, olderTransactionsOpen, vacuumReadModel } from '../read-model/read-model-erasure';
import { caseIdsOf } from './case-projection';
import { pipelinesBatches } from './batch-transaction';
import { inSpan, linksTo } from '../../observability/tracing';
import { markBatch } from '../../observability/batch-timeline';
import { applyLocked, applyUnlocked, readCheckpoint, Rewind } from './batch-apply';

export { CASE_PROJECTION, readCheckpoint } from './batch-apply';
/** The second rewrite waits for older transactions: checked after 250 ms, doubling up to a minute. */
const VACUUM_AGAIN_FIRST_MS = 250;
const VACUUM_AGAIN_MAX_MS = 60_000;

export interface ProjectionOptions {
  /** Opens the sealed NIPs for the read model (and repeats crypto-shredding of erased cases). */
  keys?: KeyStore;
  onBatch?: (events: readonly RecordedEvent[]) => void;
  /** The subscription failed (`where`: reading the log or writing the read model); it resubscribes after `retryInMs`. */
  onFailure?: (error: unknown, where: ProjectionFailureSite, retryInMs: number) => void;
  /** It caught up again after a failure. */
  onRecovered?: (position: bigint) => void;
  /** Resubscription delays; default 200 ms doubling up to 10 s, jittered. */
  backoff?: Backoff;
}

export type ProjectionFailureSite = 'event store' | 'read model';

/**
 * Feeds the read model from a checkpointed catch-up subscription on the store (never from the
 * in-memory EventBus, which cannot replay). Rows and checkpoint commit in one transaction, so a crash
 * at any point neither skips nor double-applies an event.
 */
export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private projected = 0n;
  private failure: unknown = null;
  private failedIn: ProjectionFailureSite = 'event store';
  private waiters: Array<{ position: bigint; resolve: () => void }> = [];
  private readonly backoff: Backoff;
  private retry: NodeJS.Timeout | null = null;
  private stopping = false;
  private vacuumAgain: NodeJS.Timeout | null = null;
  private settled: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadDb,
    private readonly options: ProjectionOptions = {},
  ) {
    this.backoff = options.backoff ?? new Backoff(200, 10_000);
  }

  /** Starts from the stored checkpoint; resolves when the read model has caught up with the log. */
  async start(): Promise<void> {
    this.projected = await readCheckpoint(this.db);
    await this.subscribeFrom(this.projected);
  }

  private async subscribeFrom(after: bigint): Promise<void> {
    this.subscription = this.store.subscribe((events) => inSpan('projection.apply', { 'netra.events': events.length }, () => this.apply(events), linksTo(events.map((e) => e.metadata))), {
      after,
      batchSize: 500,
      onError: (error) => {
        if (error instanceof Rewind) {
          this.projected = error.to;
          void this.subscribeFrom(error.to).catch(() => undefined);
          return;
        }
        this.failed(error);
      },
    });
    await this.subscription.caughtUp;
    if (this.failure !== null && !this.stopping) {
      this.failure = null;
      this.backoff.reset();
      this.options.onRecovered?.(this.projected);
    }
  }

  /**
   * A failed read or write ends the subscription; a new one starts from the stored checkpoint after a
   * capped, jittered delay, for as long as it takes (a database that is back makes /health ready again).
   */
  private failed(error: unknown): void {
    this.failure = error;
    if (this.stopping) return;
    const delay = this.backoff.next();
    this.options.onFailure?.(error, this.failedIn, delay);
    this.failedIn = 'event store';
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.resubscribe();
    }, delay);
    this.retry.unref();
  }

  private async resubscribe(): Promise<void> {
    if (this.stopping) return;
    let checkpoint: bigint;
    try {
      checkpoint = await readCheckpoint(this.db);
    } catch (error) {
      this.failedIn = 'read model';
      return this.failed(error);
    }
    if (this.stopping) return;
    this.projected = checkpoint;
    // A failure is reported through onError, which schedules the next attempt.
    await this.subscribeFrom(checkpoint).catch(() => undefined);
  }

  get position(): bigint {
    return this.projected;
  }

  get healthy(): boolean {
    return this.subscription !== null && this.failure === null;
  }

  /** Resolves true once the read model includes `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.projected >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      // The timer goes when the wait ends: at hundreds of waits a second, timers left to fire later each filtered the waiters again.
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs).unref();
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Crypto-shredding is repeated here, so an erasure whose writer died before destroying the key completes. */
  private async destroyErasedKeys(events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type === 'PersonalDataErased' && this.options.keys) {
        await this.options.keys.destroy(String(event.data.caseId), new Date(String(event.data.erasedAt)));
      }
    }
  }

  /**
   * VACUUM FULL keeps a row version a transaction open at that moment may still see (a query, an
   * export page, or on a shared server any long transaction in another database). So the tables are
   * rewritten at once, and again as soon as no transaction that began before the first rewrite is
   * left (checked after 250 ms, doubling up to a minute): only then is nothing of the old versions on
   * disk, which `erasureSettled()` tells.
   */
  private async vacuum(settle: () => void): Promise<void> {
    const rewrite = async () => {
      await vacuumReadModel(this.db);
      await this.options.keys?.vacuum();
    };
    const since = await databaseNow(this.db);
    await rewrite();
    if (this.vacuumAgain) clearTimeout(this.vacuumAgain);
    const again = (delayMs: number) => {
      this.vacuumAgain = setTimeout(() => {
        void (async () => {
          if (await olderTransactionsOpen(this.db, since)) return again(Math.min(delayMs * 2, VACUUM_AGAIN_MAX_MS));
          await rewrite();
          settle();
        })().catch(() => settle()); // storage closing: the next erasure rewrites what is left
      }, delayMs).unref();
    };
    again(VACUUM_AGAIN_FIRST_MS);
  }

  /** Settles when the last erasure's second rewrite ran with no older transaction left (see vacuum()). */
  erasureSettled(): Promise<void> {
    return this.settled;
  }

  /** The history (up to `last`) of each case erased in the batch: the projection rewrites its rows from it. */
  private async erasedHistories(events: readonly RecordedEvent[], last: bigint): Promise<Map<string, RecordedEvent[]>> {
    const erasures = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      if (event.type !== 'PersonalDataErased' || erasures.has(event.streamId)) continue;
      erasures.set(event.streamId, (await this.store.readStream(event.streamId)).filter((e) => e.position <= last));
    }
    return new Map([...erasures].map(([streamId, history]) => [streamId.slice(CASE_STREAM_PREFIX.length), history]));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.vacuumAgain) clearTimeout(this.vacuumAgain);
    await this.subscription?.close();
    this.subscription = null;
  }

  /** One batch: its rows and checkpoint committed together (applyLocked, applyUnlocked), then erasure's follow-up and the waiters. */
  private async apply(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const last = events[events.length - 1].position;
    this.failedIn = 'read model';
    const ids = caseIdsOf(events);
    // Embedded, keys and histories are read before the transaction: the database runs one statement stream at a
    // time. On PostgreSQL the keys (their own connection) are read while the transaction's first round trip is out.
    const overlap = pipelinesBatches(this.db);
    const reading = this.options.keys ? this.options.keys.keys(ids) : Promise.resolve(new Map<string, Buffer>());
    reading.catch(() => undefined); // a failure is thrown where it is awaited; not unhandled if the transaction fails first
    const erasures = await this.erasedHistories(events, last);
    // Embedded, a batch that erases nothing plans with PGlite's lock released (unlocked-batch.ts).
    const stored = !overlap && erasures.size === 0 ? await applyUnlocked(this.db, this.projected, events, ids, reading, last) : await applyLocked(this.db, this.projected, events, ids, reading, erasures, last);
    markBatch(events, 'committed');
    // Unsettled before the position moves: a reader who waited for this erasure's position and then asks
    // erasureSettled() must get this erasure's promise, not the previous one's (already resolved).
    let settle: (() => void) | null = null;
    if (erasures.size > 0) this.settled = new Promise<void>((resolve) => (settle = resolve));
    this.projected = stored > last ? stored : last;
    await this.destroyErasedKeys(events);
    // The rewritten rows' old versions (and the destroyed keys') stay on disk until the tables are rewritten.
    if (settle) {
      const done: () => void = settle;
      // A failed first rewrite must not leave erasureSettled() waiting forever: the next erasure rewrites again.
      await this.vacuum(done).catch((error: unknown) => {
        done();
        throw error;
      });
    }
    this.failedIn = 'event store';
    this.options.onBatch?.(events);
    const ready = this.waiters.filter((w) => w.position <= last);
    this.waiters = this.waiters.filter((w) => w.position > last);
    ready.forEach((w) => w.resolve());
    markBatch(events, 'woken');
  }

}

/** Empties the read model so that the next start replays the whole log from position 0. */
export async function resetReadModel(db: ReadDb): Promise<void> {
  await db.execute(sql`TRUNCATE rm_cases, rm_follow_ups, rm_timeline, rm_case_states, rm_case_versions, rm_follow_up_versions, rm_summary_counts, rm_summary_values, rm_summary_checkpoints, rm_summary_checkpoint_counts, rm_summary_checkpoint_values, rm_checkpoints`);
}
