import { eq, sql } from 'drizzle-orm';
import type { EventStore, RecordedEvent, Subscription } from '../../event-store/event-store';
import type { ReadDb } from '../read-model/read-db';
import { checkpoints } from '../read-model/schema';
import { projectCaseEvents } from './case-projection';

export const CASE_PROJECTION = 'cases';

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
    private readonly onBatch: (events: readonly RecordedEvent[]) => void = () => undefined,
    private readonly onFailure: (error: unknown) => void = () => undefined,
  ) {}

  /** Starts from the stored checkpoint; resolves when the read model has caught up with the log. */
  async start(): Promise<void> {
    this.projected = await readCheckpoint(this.db);
    this.subscription = this.store.subscribe((events) => this.apply(events), {
      after: this.projected,
      batchSize: 500,
      onError: (error) => {
        this.failure = error;
        this.onFailure(error);
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

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }

  private async apply(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const last = events[events.length - 1].position;
    await this.db.transaction(async (tx) => {
      await projectCaseEvents(tx as unknown as ReadDb, events);
      await tx
        .insert(checkpoints)
        .values({ name: CASE_PROJECTION, position: last })
        .onConflictDoUpdate({ target: checkpoints.name, set: { position: last } });
    });
    this.projected = last;
    this.onBatch(events);
    const ready = this.waiters.filter((w) => w.position <= last);
    this.waiters = this.waiters.filter((w) => w.position > last);
    ready.forEach((w) => w.resolve());
  }
}

export async function readCheckpoint(db: ReadDb): Promise<bigint> {
  const rows = await db.select().from(checkpoints).where(eq(checkpoints.name, CASE_PROJECTION));
  return rows.length > 0 ? BigInt(rows[0].position) : 0n;
}

/** Empties the read model so that the next start replays the whole log from position 0. */
export async function resetReadModel(db: ReadDb): Promise<void> {
  await db.execute(sql`TRUNCATE rm_cases, rm_follow_ups, rm_timeline, rm_case_states, rm_checkpoints`);
}
