import { eq, sql } from 'drizzle-orm';
import type { EventStore, RecordedEvent, Subscription } from '../../event-store/event-store';
import type { ReadDb } from '../read-model/read-db';
import { checkpoints } from '../read-model/schema';
import type { KeyStore } from '../../privacy/key-store';
import { caseIdsOf, projectCaseEvents } from './case-projection';
import { inSpan, linksTo } from '../../observability/tracing';

export const CASE_PROJECTION = 'cases';

export interface ProjectionOptions {
  /** Opens the sealed NIPs for the read model (and repeats crypto-shredding of erased cases). */
  keys?: KeyStore;
  onBatch?: (events: readonly RecordedEvent[]) => void;
  onFailure?: (error: unknown) => void;
}

/** The read model's checkpoint went back (its tables were swapped for a rebuilt copy): resubscribe from it. */
class Rewind extends Error {
  constructor(readonly to: bigint) {
    super(`read model checkpoint moved back to ${to}`);
  }
}

/**
 * Feeds the read model from a checkpointed catch-up subscription on the store (never from the
 * in-memory EventBus, which cannot replay). Rows and checkpoint commit in one transaction, so a crash
 * at any point neither skips nor double-applies an event.
 */
export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private projected = 0n;
  private failure: unknown = null;
  private waiters: Array<{ position: bigint; resolve: () => void }> = [];

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadDb,
    private readonly options: ProjectionOptions = {},
  ) {}

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
          void this.subscribeFrom(error.to);
          return;
        }
        this.failure = error;
        this.options.onFailure?.(error);
      },
    });
    await this.subscription.caughtUp;
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
      const waiter = { position, resolve: () => resolve(true) };
      this.waiters.push(waiter);
      setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs).unref();
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

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }

  /**
   * The checkpoint row is the truth, read under lock in the same transaction: events at or below it
   * were applied by someone else (another instance, or a rebuild swapped in ahead of us) and are
   * skipped; a checkpoint behind ours means the tables were swapped for an older copy: rewind.
   */
  private async apply(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const last = events[events.length - 1].position;
    // Keys are read before the transaction: the embedded database runs one statement stream at a time.
    const keys = this.options.keys ? await this.options.keys.keys(caseIdsOf(events)) : new Map<string, Buffer>();
    const stored = await this.db.transaction(async (tx) => {
      const db = tx as unknown as ReadDb;
      const stored = await readCheckpoint(db, true);
      if (stored < this.projected) throw new Rewind(stored);
      const fresh = events.filter((e) => e.position > stored);
      if (fresh.length === 0) return stored;
      await projectCaseEvents(db, fresh, keys);
      await tx
        .insert(checkpoints)
        .values({ name: CASE_PROJECTION, position: last })
        .onConflictDoUpdate({ target: checkpoints.name, set: { position: last } });
      return last;
    });
    this.projected = stored > last ? stored : last;
    await this.destroyErasedKeys(events);
    this.options.onBatch?.(events);
    const ready = this.waiters.filter((w) => w.position <= last);
    this.waiters = this.waiters.filter((w) => w.position > last);
    ready.forEach((w) => w.resolve());
  }
}

export async function readCheckpoint(db: ReadDb, forUpdate = false): Promise<bigint> {
  const query = db.select().from(checkpoints).where(eq(checkpoints.name, CASE_PROJECTION));
  const rows = forUpdate ? await query.for('update') : await query;
  return rows.length > 0 ? BigInt(rows[0].position) : 0n;
}

/** Empties the read model so that the next start replays the whole log from position 0. */
export async function resetReadModel(db: ReadDb): Promise<void> {
  await db.execute(sql`TRUNCATE rm_cases, rm_follow_ups, rm_timeline, rm_case_states, rm_case_versions, rm_follow_up_versions, rm_checkpoints`);
}
