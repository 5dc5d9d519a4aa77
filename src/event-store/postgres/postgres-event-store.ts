/**
 * Event store on PostgreSQL: one `es_events` table holds every stream and the global log.
 *
 * Appends go in one round trip each, as group commits (postgres-group-commit.ts); this class keeps
 * the schema, the reads, and the subscriptions that the committed events are handed to.
 *
 * Gap-free for readers: each append takes a transaction-scoped advisory lock
 * (`pg_advisory_xact_lock`) before it reads max(position), and keeps it until it commits. Positions
 * are therefore handed out in commit order: position n+1 is taken only after the transaction holding
 * n has committed, so no reader can see n+1 without n — the pitfall of a `bigserial` log, where a
 * transaction that commits late lets a subscriber read past its events and skip them for good. A
 * failed append rolls back without leaving a hole (a sequence would leak one).
 * The alternative keeps appends concurrent: record each row's transaction id and let readers stop
 * below `pg_snapshot_xmin(pg_current_snapshot())`. It still leaves holes in the positions (the port
 * promises none) and makes every reader lag behind the oldest open transaction, so the lock wins:
 * it costs one append committing at a time, well within a case workflow's write rate.
 *
 * Expected version: the `es_streams` row is inserted (`ON CONFLICT DO NOTHING`) or updated
 * (`WHERE version = $expected`) by the append, so the row lock decides between racing writers even
 * without the advisory lock, and UNIQUE (stream_id, version) backs it up.
 * Chained: under the same advisory lock the last event's hash is the previous link of the next
 * append (src/event-store/event-hash.ts), so the hash chain follows commit order too.
 */
import type { Pool, PoolClient } from 'pg';
import { CatchUpSubscription } from '../catch-up-subscription';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store';
import { migrateToHashChain } from '../hash-chain-migration';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from '../event-row';
import { asStoredEvents } from '../handed-events';
import { PostgresGroupCommit, type BatchRow, type PendingAppend } from './postgres-group-commit';
import { PostgresListener } from './postgres-listener';
import { createAppendFunction, createTables, postgresNames, type PostgresNames } from './postgres-schema';

export interface PostgresEventStoreOptions {
  /** Schema holding the tables, created by init(); default: the search path. */
  schema?: string;
  /** How often a live subscription polls, in case a notification was lost. */
  pollIntervalMs?: number;
  /** How many group commits may be on their way to the database at once (default 4). */
  batchesInFlight?: number;
}

export class PostgresEventStore implements EventStore {
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly names: PostgresNames;
  private readonly pollIntervalMs: number;
  private readonly listener: PostgresListener;
  private readonly groupCommit: PostgresGroupCommit;
  /** The highest head a NOTIFY announced while a group commit of ours was on its way (see notified()). */
  private deferredHead: bigint | null = null;
  /** The last position handed to the subscriptions. */
  private handedUpTo = 0n;

  /** `pool` is owned by the caller: close() leaves it open. */
  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.names = postgresNames(options.schema);
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.groupCommit = new PostgresGroupCommit(pool, this.names, options.batchesInFlight ?? 4, {
      committed: (batch, rows) => (this.handOver(batch, rows), this.wakeSubscriptions()),
      settled: () => this.wakeDeferred(),
    });
    this.listener = new PostgresListener(pool, this.names.channel, (head) => this.notified(head));
  }

  /** Creates the tables if missing; serialised so that instances starting together do not collide. */
  async init(): Promise<void> {
    await this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${this.names.lockName}:init`]);
      await client.query(createTables(this.names, this.options.schema));
      await client.query(createAppendFunction(this.names));
      // Appends wait while a table from before the ledger is linked.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [this.names.lockName]);
      await migrateToHashChain(async (sql, params) => (await client.query(sql, params)).rows, this.names.events);
    });
  }

  append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    return this.groupCommit.append(streamId, events, expected);
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.names.events} WHERE stream_id = $1 ORDER BY version`,
      [streamId],
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(after: bigint, limit: number): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.names.events} WHERE position > $1::bigint ORDER BY position LIMIT $2`,
      [after.toString(), limit],
    );
    return rows.map(toRecordedEvent);
  }

  async readStreamsInOrder(prefix: string, after: string | null, streams: number, upTo: bigint): Promise<{ events: RecordedEvent[]; last: string | null }> {
    const like = `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
    // The empty text sorts before every other in any collation: from the first stream.
    const { rows: bound } = await this.pool.query<{ last: string | null }>(
      `SELECT max(stream_id) AS last FROM (SELECT stream_id FROM ${this.names.streams} WHERE stream_id LIKE $1 AND stream_id > $2 ORDER BY stream_id LIMIT $3) s`,
      [like, after ?? '', streams],
    );
    const last = bound[0]?.last ?? null;
    if (last === null) return { events: [], last: null };
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.names.events}
       WHERE stream_id LIKE $1 AND stream_id > $2 AND stream_id <= $3 AND position <= $4::bigint ORDER BY stream_id, version`,
      [like, after ?? '', last, upTo.toString()],
    );
    return { events: rows.map(toRecordedEvent), last };
  }

  subscribe(handler: SubscriptionHandler, options: SubscribeOptions): Subscription {
    const read = (after: bigint, limit: number) => this.readAll(after, limit);
    const subscription = new CatchUpSubscription(read, handler, options, this.pollIntervalMs);
    this.subscriptions.add(subscription);
    void subscription.stopped.finally(() => this.subscriptions.delete(subscription));
    this.listener.start();
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    const { rows } = await this.pool.query<{ v: string }>(`SELECT coalesce(max(position), 0)::text AS v FROM ${this.names.events}`);
    return BigInt(rows[0].v);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.listener.close();
  }

  /**
   * A NOTIFY from the database. Our own commit's notification often arrives before its answer: a
   * subscription woken by it would read back the events the answer is about to hand it. So while a
   * group commit of ours is on its way the wake-up waits for an answer that hands events up to that
   * head, or for none to be left on its way; one from another process is then read as before.
   */
  private notified(head: bigint | undefined): void {
    if (head === undefined || this.groupCommit.inFlight === 0 || this.subscriptions.size === 0) return this.wakeSubscriptions(head);
    if (head <= this.handedUpTo) return this.wakeSubscriptions(head);
    this.deferredHead = this.deferredHead === null || head > this.deferredHead ? head : this.deferredHead;
  }

  private wakeDeferred(): void {
    if (this.deferredHead === null || (this.groupCommit.inFlight > 0 && this.deferredHead > this.handedUpTo)) return;
    const head = this.deferredHead;
    this.deferredHead = null;
    this.wakeSubscriptions(head);
  }

  /**
   * The committed events of a group commit, in the order of their positions, offered to this
   * process's subscriptions so that they need not read them back (catch-up-subscription.ts).
   */
  private handOver(batch: PendingAppend[], rows: BatchRow[]): void {
    if (this.subscriptions.size === 0) return;
    const events: RecordedEvent[] = [];
    let complete = true;
    batch.forEach((append, index) => {
      const row = rows[index];
      if (row.outcome !== 'appended' || row.links === null) return;
      const links = row.links.split(',');
      const n = append.stored.length;
      const chain = append.stored.map((_, i) => ({ hash: links[i + 1], previousHash: links[i] }));
      const handed = asStoredEvents(append.streamId, row.next_version - n + 1, BigInt(row.position_text!) - BigInt(n - 1), append.stored, chain);
      if (handed) events.push(...handed);
      else complete = false;
    });
    // One append that cannot be handed leaves a gap: the others are not handed either (the loop reads them).
    if (!complete) return;
    events.sort((a, b) => (a.position < b.position ? -1 : 1));
    if (events.length === 0) return;
    const last = events[events.length - 1].position;
    if (last > this.handedUpTo) this.handedUpTo = last;
    for (const subscription of this.subscriptions) subscription.offer(events);
  }

  private wakeSubscriptions(head?: bigint): void {
    this.subscriptions.forEach((subscription) => subscription.notify(head));
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
