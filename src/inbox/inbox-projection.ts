import { sql } from 'drizzle-orm';
import { CASE_STREAM_PREFIX } from '../case/case-events';
import type { EventStore, RecordedEvent, Subscription } from '../event-store/event-store';
import { Backoff } from '../storage/backoff';
import type { ReadDb } from '../storage/read-db';
import { deliveriesOf, evolveRoute, unitKey, type CaseRoute } from './inbox-routing';
import { INBOX_SCHEMA, inboxItemId, json, regionColumn, rows } from './inbox-tables';

const NAME = 'inbox';

/** The checkpoint went back (the inbox was rebuilt beside us): start again from it. */
class Rewind extends Error {
  constructor(readonly to: bigint) {
    super(`inbox checkpoint moved back to ${to}`);
  }
}

/**
 * Feeds the inbox from a checkpointed catch-up subscription on the log, like the read model's
 * projection (projection-runner.ts): items, routes and checkpoint commit in one transaction, so a
 * crash neither skips nor repeats an event, and a rebuild from 0 writes the same rows.
 */
export class InboxProjection {
  private subscription: Subscription | null = null;
  private projected = 0n;
  private stopping = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly backoff = new Backoff(200, 10_000);
  private waiters: Array<{ position: bigint; resolve: () => void }> = [];

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadDb,
    private readonly onFailure: (error: unknown, retryInMs: number) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    this.projected = await readInboxCheckpoint(this.db);
    await this.subscribeFrom(this.projected);
  }

  get position(): bigint {
    return this.projected;
  }

  private async subscribeFrom(after: bigint): Promise<void> {
    this.subscription = this.store.subscribe((events) => this.apply(events), {
      after,
      batchSize: 500,
      onError: (error) => {
        if (error instanceof Rewind) {
          this.projected = error.to;
          void this.subscribeFrom(error.to).catch(() => undefined);
          return;
        }
        if (this.stopping) return;
        const delay = this.backoff.next();
        this.onFailure(error, delay);
        this.retry = setTimeout(() => void this.resubscribe(), delay);
        this.retry.unref();
      },
    });
    await this.subscription.caughtUp;
    this.backoff.reset();
  }

  private async resubscribe(): Promise<void> {
    this.retry = null;
    if (this.stopping) return;
    try {
      this.projected = await readInboxCheckpoint(this.db);
    } catch (error) {
      const delay = this.backoff.next();
      this.onFailure(error, delay);
      this.retry = setTimeout(() => void this.resubscribe(), delay);
      this.retry.unref();
      return;
    }
    await this.subscribeFrom(this.projected).catch(() => undefined);
  }

  /** Resolves true once the inbox includes `position`, false after `timeoutMs`. */
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
    this.stopping = true;
    if (this.retry) clearTimeout(this.retry);
    await this.subscription?.close();
    this.subscription = null;
  }

  private async apply(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const last = events[events.length - 1].position;
    const stored = await this.db.transaction(async (tx) => {
      const db = tx as unknown as ReadDb;
      const stored = await readInboxCheckpoint(db, true);
      if (stored < this.projected) throw new Rewind(stored);
      const fresh = events.filter((e) => e.position > stored && e.streamId.startsWith(CASE_STREAM_PREFIX));
      await projectInbox(db, fresh);
      await db.execute(
        sql`INSERT INTO netra_inbox.checkpoint (name, position) VALUES (${NAME}, ${String(last)}::bigint)
            ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position`,
      );
      return last;
    });
    this.projected = stored;
    const ready = this.waiters.filter((w) => w.position <= last);
    this.waiters = this.waiters.filter((w) => w.position > last);
    ready.forEach((w) => w.resolve());
  }
}

/** Items for the events (in log order), and the routes they leave behind. */
async function projectInbox(db: ReadDb, events: readonly RecordedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const caseIds = [...new Set(events.map((e) => e.streamId.slice(CASE_STREAM_PREFIX.length)))];
  const routes = new Map<string, CaseRoute | null>();
  const found = await rows(db, sql`SELECT case_id, route FROM netra_inbox.routes WHERE case_id IN (${sql.join(caseIds.map((id) => sql`${id}`), sql`, `)})`);
  for (const row of found) routes.set(String(row.case_id), row.route as CaseRoute);
  const items: ReturnType<typeof sql>[] = [];
  for (const event of events) {
    const caseId = event.streamId.slice(CASE_STREAM_PREFIX.length);
    const route = routes.get(caseId) ?? null;
    for (const delivery of deliveriesOf(route, event)) {
      const id = inboxItemId(event.id, unitKey(delivery.unit));
      items.push(
        sql`(${id}, ${delivery.unit.agency}, ${regionColumn(delivery.unit.region)}, ${delivery.kind}, ${event.id}, ${event.type}, ${caseId},
             ${json(delivery.respondentIds)}, ${json(delivery.details)}, ${delivery.occurredAt}::timestamptz, ${event.metadata.recordedAt}::timestamptz, ${String(event.position)}::bigint)`,
      );
    }
    routes.set(caseId, evolveRoute(route, event));
  }
  if (items.length > 0) {
    await db.execute(
      sql`INSERT INTO netra_inbox.items (id, agency, region, kind, event_id, event_type, case_id, respondent_ids, details, occurred_at, recorded_at, position)
          VALUES ${sql.join(items, sql`, `)} ON CONFLICT (id) DO NOTHING`,
    );
  }
  const changed = [...routes].filter((entry): entry is [string, CaseRoute] => entry[1] !== null);
  if (changed.length > 0) {
    await db.execute(
      sql`INSERT INTO netra_inbox.routes (case_id, route) VALUES ${sql.join(changed.map(([id, route]) => sql`(${id}, ${json(route)})`), sql`, `)}
          ON CONFLICT (case_id) DO UPDATE SET route = EXCLUDED.route`,
    );
  }
}

export async function readInboxCheckpoint(db: ReadDb, forUpdate = false): Promise<bigint> {
  const found = await rows(db, sql`SELECT position FROM netra_inbox.checkpoint WHERE name = ${NAME} ${forUpdate ? sql`FOR UPDATE` : sql``}`);
  return found.length > 0 ? BigInt(String(found[0].position)) : 0n;
}

/** Empties the projected part (not the read marks): the next start replays the whole log into it. */
export async function resetInbox(db: ReadDb): Promise<void> {
  await db.execute(sql.raw(`TRUNCATE ${INBOX_SCHEMA}.items, ${INBOX_SCHEMA}.routes, ${INBOX_SCHEMA}.checkpoint`));
}

/** Rebuilds the inbox in place from position 0 up to the head. */
export async function rebuildInbox(store: EventStore, db: ReadDb): Promise<bigint> {
  await resetInbox(db);
  const projection = new InboxProjection(store, db);
  await projection.start();
  await projection.stop();
  return projection.position;
}
