import { sql } from 'drizzle-orm';
import { CASE_STREAM_PREFIX } from '../case/case-events';
import type { EventStore, RecordedEvent, Subscription } from '../event-store/event-store';
import type { NotifyConfig } from '../config/notify-config';
import { Backoff } from '../storage/backoff';
import type { ReadDb } from '../storage/read-db';
import { seesRespondent } from '../inbox/inbox-reader';
import { deliveriesOf, evolveRoute, ROUTED_EVENTS as ROUTED, unitKey, type CaseRoute, type Delivery } from '../inbox/inbox-routing';
import { json, rows, stableId } from '../inbox/inbox-tables';

const NAME = 'outbox';

/**
 * Fills the outbox from a checkpointed subscription on the log: for each event, who it reaches
 * (the inbox's routing, so mail and inbox agree) and, for each configured e-mail address and
 * webhook of that unit, one delivery row — unique per event, channel and recipient, inserted with
 * the checkpoint in one transaction: after a crash the feed resumes from the checkpoint and an
 * event already queued is not queued again. The first start begins at the head of the log: a
 * newly configured Netra does not mail its whole history.
 */
export class OutboxFeed {
  private subscription: Subscription | null = null;
  private stopping = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly backoff = new Backoff(200, 10_000);

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadDb,
    private readonly config: NotifyConfig,
    private readonly now: () => Date,
    private readonly onQueued: (count: number) => void,
    private readonly onFailure: (error: unknown, retryInMs: number) => void,
  ) {}

  async start(): Promise<void> {
    let checkpoint = await readOutboxCheckpoint(this.db);
    if (checkpoint === null) {
      checkpoint = await this.store.headPosition();
      await this.db.execute(sql`INSERT INTO netra_notify.checkpoint (name, position) VALUES (${NAME}, ${String(checkpoint)}::bigint) ON CONFLICT (name) DO NOTHING`);
      checkpoint = (await readOutboxCheckpoint(this.db)) ?? checkpoint;
    }
    // A log restored from a backup behind the outbox: go on from its head; what was queued stays queued (ids are unique).
    const head = await this.store.headPosition();
    if (checkpoint > head) {
      await this.db.execute(sql`UPDATE netra_notify.checkpoint SET position = ${String(head)}::bigint WHERE name = ${NAME}`);
      checkpoint = head;
    }
    await this.subscribeFrom(checkpoint);
  }

  private async subscribeFrom(after: bigint): Promise<void> {
    this.subscription = this.store.subscribe((events) => this.apply(events), {
      after,
      batchSize: 200,
      onError: (error) => {
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
    const checkpoint = await readOutboxCheckpoint(this.db).catch(() => undefined);
    if (checkpoint === undefined) {
      const delay = this.backoff.next();
      this.retry = setTimeout(() => void this.resubscribe(), delay);
      this.retry.unref();
      return;
    }
    await this.subscribeFrom(checkpoint ?? 0n).catch(() => undefined);
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
    const queued = await this.rowsFor(events);
    const inserted = await this.db.transaction(async (tx) => {
      const db = tx as unknown as ReadDb;
      const stored = await readOutboxCheckpoint(db, true);
      const fresh = queued.filter((q) => stored === null || q.position > stored);
      let count = 0;
      if (fresh.length > 0) {
        const result = await rows(db, sql`INSERT INTO netra_notify.deliveries
            (id, event_id, channel, recipient, unit, kind, case_id, register_number, respondent_ids, visible_ids, details, occurred_at, position, status, attempts, next_attempt_at, created_at)
            VALUES ${sql.join(fresh.map((q) => q.values), sql`, `)} ON CONFLICT (event_id, channel, recipient) DO NOTHING RETURNING id`);
        count = result.length;
      }
      if (stored === null || last > stored) {
        await db.execute(sql`INSERT INTO netra_notify.checkpoint (name, position) VALUES (${NAME}, ${String(last)}::bigint) ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position`);
      }
      return count;
    });
    if (inserted > 0) this.onQueued(inserted);
  }

  /** The delivery rows of a batch: each routed event's case is read once, folded to just before the event. */
  private async rowsFor(events: RecordedEvent[]): Promise<Array<{ position: bigint; values: ReturnType<typeof sql> }>> {
    const routed = events.filter((e) => e.streamId.startsWith(CASE_STREAM_PREFIX) && ROUTED.has(e.type));
    const histories = new Map<string, RecordedEvent[]>();
    const out: Array<{ position: bigint; values: ReturnType<typeof sql> }> = [];
    const at = this.now().toISOString();
    for (const event of routed) {
      if (!histories.has(event.streamId)) histories.set(event.streamId, await this.store.readStream(event.streamId));
      let route: CaseRoute | null = null;
      for (const earlier of histories.get(event.streamId)!) {
        if (earlier.version >= event.version) break;
        route = evolveRoute(route, earlier);
      }
      const after = evolveRoute(route, event);
      for (const delivery of deliveriesOf(route, event)) {
        const targets = this.config.units.get(unitKey(delivery.unit));
        if (!targets || !after) continue;
        const channels: Array<[string, string]> = [...targets.emails.map((e): [string, string] => ['EMAIL', e]), ...targets.webhooks.map((w): [string, string] => ['WEBHOOK', w.url])];
        const content = visibleContent(delivery, after);
        for (const [channel, recipient] of channels) {
          out.push({
            position: event.position,
            values: sql`(${stableId(event.id, channel, recipient)}, ${event.id}, ${channel}, ${recipient}, ${unitKey(delivery.unit)}, ${delivery.kind}, ${event.streamId.slice(CASE_STREAM_PREFIX.length)},
              ${after.registerNumber}, ${json(delivery.respondentIds)}, ${json(content.visibleIds)}, ${json(content.details)}, ${delivery.occurredAt}::timestamptz, ${String(event.position)}::bigint,
              'PENDING', 0, ${at}::timestamptz, ${at}::timestamptz)`,
          });
        }
      }
    }
    return out;
  }
}

/** What the recipient unit may be told (case-access.ts, as for a reader of its inbox): letters only when it sees everyone they concern. */
function visibleContent(delivery: Delivery, route: CaseRoute): { visibleIds: string[]; details: Record<string, string> } {
  const reader = { agency: delivery.unit.agency, region: delivery.unit.region };
  const visibleIds = delivery.respondentIds.filter((id) => seesRespondent(reader, route, id));
  const { letterNumber, decreeNumber, ppkTitle, ...open } = delivery.details;
  const all = visibleIds.length === delivery.respondentIds.length;
  const details: Record<string, string> = { ...(open as Record<string, string>) };
  if (all && letterNumber) details.letterNumber = letterNumber;
  if (all && decreeNumber) details.decreeNumber = decreeNumber;
  if (all && ppkTitle) details.ppkTitle = ppkTitle;
  return { visibleIds, details };
}

async function readOutboxCheckpoint(db: ReadDb, forUpdate = false): Promise<bigint | null> {
  const found = await rows(db, sql`SELECT position FROM netra_notify.checkpoint WHERE name = ${NAME} ${forUpdate ? sql`FOR UPDATE` : sql``}`);
  return found.length > 0 ? BigInt(String(found[0].position)) : null;
}
