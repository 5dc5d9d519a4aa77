/**
 * Event store on PostgreSQL: one `es_events` table holds every stream and the global log.
 *
 * One round trip per append, and group commit: appends that arrive while earlier ones are on their
 * way to the database wait and go together, one per stream, as one call of the function
 * createAppendFunction (postgres-schema.ts), which claims, locks, links, inserts and notifies in one
 * statement and commits when it ends. Each append keeps its own answer (a conflict refuses it alone)
 * and each caller hears of it only after that commit; a failed call rejects every caller in it,
 * none of whose events were stored.
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
 * Idempotent like the PGlite adapter: an append whose event ids are all in the stream is a retry —
 * looked for only when an append is refused (a retry always is: its version was claimed, or its
 * event ids are taken), so a successful append reads nothing first.
 * Chained: under the same advisory lock the last event's hash is the previous link of the next
 * append (src/event-store/event-hash.ts), so the hash chain follows commit order too.
 */
import type { Pool, PoolClient } from 'pg';
import { CatchUpSubscription } from '../catch-up-subscription';
import {
  WrongExpectedVersionError,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store';
import { hashTails } from '../event-hash';
import { migrateToHashChain } from '../hash-chain-migration';
import { PostgresListener } from './postgres-listener';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from '../event-row';
import { asStoredEvents } from '../handed-events';
import { currentMarks, markIn, type WriteMarks } from '../write-timing';
import {
  EVENT_ID_CONSTRAINT,
  STREAM_VERSION_CONSTRAINT,
  createAppendFunction,
  createTables,
  postgresNames,
  type PostgresNames,
} from './postgres-schema';

export interface PostgresEventStoreOptions {
  /** Schema holding the tables, created by init(); default: the search path. */
  schema?: string;
  /** How often a live subscription polls, in case a notification was lost. */
  pollIntervalMs?: number;
  /** How many group commits may be on their way to the database at once (default 4). */
  batchesInFlight?: number;
}

/** An append waiting for its group commit. */
interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedVersion;
  stored: NewEvent[];
  tails: string[];
  /** The bench's breakdown of this append's time (write-timing.ts); undefined unless it asks. */
  marks: WriteMarks | undefined;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

interface BatchRow {
  outcome: 'appended' | 'conflict' | 'exists';
  next_version: number;
  position_text: string | null;
  /** Appended: the link before the first event, then each event's hash, comma-separated. */
  links: string | null;
}

/** The most appends one group commit carries. */
const MAX_BATCH = 64;

type Queryable = Pick<Pool, 'query'> | PoolClient;

export class PostgresEventStore implements EventStore {
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly names: PostgresNames;
  private readonly pollIntervalMs: number;
  private readonly listener: PostgresListener;
  private readonly batchesInFlight: number;
  private pending: PendingAppend[] = [];
  private inFlight = 0;
  private flushQueued = false;
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
    this.batchesInFlight = options.batchesInFlight ?? 4;
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
    if (events.length === 0) return Promise.reject(new Error(`append to ${streamId} without events`));
    // Hashed and stored in the form the store parses back (event-hash.ts): after a JSON round trip.
    const { stored, tails } = hashTails(events);
    const marks = currentMarks();
    markIn(marks, 'encode (JSON, canonical)');
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ streamId, events, expected, stored, tails, marks, resolve, reject });
      // Appends made in the same tick go together.
      if (!this.flushQueued) (this.flushQueued = true), queueMicrotask(() => ((this.flushQueued = false), this.flush()));
    });
  }

  /** Sends what waits, as group commits, while fewer than `batchesInFlight` are on their way. */
  private flush(): void {
    while (this.inFlight < this.batchesInFlight && this.pending.length > 0) {
      // One append per stream in a batch: a second waits for the next, so it sees the first committed.
      const streams = new Set<string>();
      const batch: PendingAppend[] = [];
      const rest: PendingAppend[] = [];
      for (const append of this.pending) {
        if (batch.length < MAX_BATCH && !streams.has(append.streamId)) streams.add(append.streamId), batch.push(append);
        else rest.push(append);
      }
      this.pending = rest;
      for (const append of batch) markIn(append.marks, 'wait for a batch slot');
      this.inFlight++;
      void this.commit(batch).finally(() => ((this.inFlight -= 1), this.wakeDeferred(), this.flush()));
    }
  }

  private async commit(batch: PendingAppend[]): Promise<void> {
    let rows: BatchRow[];
    try {
      rows = await this.callAppend(batch);
    } catch (error) {
      // Ids taken by a writer that committed while this batch ran: nothing was stored, so each
      // append is tried alone and answered as a retry or a conflict on its own.
      if (isUniqueViolation(error) && batch.length > 1) return void (await Promise.all(batch.map((append) => this.commit([append]))));
      if (isUniqueViolation(error)) return void (await this.afterRace(batch[0], error).then(batch[0].resolve, batch[0].reject));
      return batch.forEach((append) => append.reject(error));
    }
    for (const append of batch) markIn(append.marks, 'append round trip (es_append_batch)');
    if (rows.some((row) => row.outcome === 'appended')) this.handOver(batch, rows), this.wakeSubscriptions();
    for (const append of batch) markIn(append.marks, 'hand events to subscriptions');
    await Promise.all(batch.map((append, index) => this.answer(append, rows[index]).then(append.resolve, append.reject)));
  }

  private async callAppend(batch: PendingAppend[]): Promise<BatchRow[]> {
    const { rows } = await this.pool.query<BatchRow & { ord: number }>(
      `SELECT ord, outcome, next_version, last_position::text AS position_text, links FROM ${this.names.appendBatch}($1::text[], $2::text[], $3::text[], $4::jsonb, $5::jsonb) ORDER BY ord`,
      [
        batch.map((append) => append.streamId),
        batch.map((append) => JSON.stringify(append.streamId)),
        batch.map((append) => String(append.expected)),
        JSON.stringify(batch.map((append) => append.stored)),
        JSON.stringify(batch.map((append) => append.tails)),
      ],
    );
    return rows;
  }

  private async answer(append: PendingAppend, row: BatchRow): Promise<AppendResult> {
    if (row.outcome === 'appended') return { nextVersion: row.next_version, position: BigInt(row.position_text!), duplicate: false };
    // Only a refused append looks for a retry: one that succeeds cannot have been one.
    const retried = await this.findRetriedAppend(append.streamId, append.events);
    if (retried) return retried;
    if (row.outcome === 'exists') throw new Error(`an event id of this append to ${append.streamId} is already stored in another stream`);
    throw new WrongExpectedVersionError(append.streamId, append.expected, row.next_version);
  }

  /** A single append that lost a race on a unique key: a retry (its event ids are in), or a writer beat it to a version. */
  private async afterRace(append: PendingAppend, error: unknown): Promise<AppendResult> {
    const retried = await this.findRetriedAppend(append.streamId, append.events);
    if (retried) return retried;
    if (isUniqueViolation(error, STREAM_VERSION_CONSTRAINT)) {
      throw new WrongExpectedVersionError(append.streamId, append.expected, await this.streamVersion(this.pool, append.streamId));
    }
    throw error;
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
    return this.head(this.pool);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.listener.close();
  }

  /** The stored result when every event id is already in the stream; null when none is. */
  private async findRetriedAppend(streamId: string, events: NewEvent[]): Promise<AppendResult | null> {
    const { rows } = await this.pool.query<{ version: number; position_text: string }>(
      `SELECT version, position::text AS position_text FROM ${this.names.events}
       WHERE stream_id = $1 AND id = ANY($2::uuid[]) ORDER BY version`,
      [streamId, events.map((event) => event.id)],
    );
    if (rows.length === 0) return null;
    if (rows.length !== events.length) {
      throw new Error(`stream ${streamId} holds ${rows.length} of the ${events.length} event ids of this append`);
    }
    const last = rows[rows.length - 1];
    return { nextVersion: last.version, position: BigInt(last.position_text), duplicate: true };
  }

  private async streamVersion(db: Queryable, streamId: string): Promise<number> {
    const { rows } = await db.query<{ version: number }>(`SELECT version FROM ${this.names.streams} WHERE stream_id = $1`, [streamId]);
    return rows[0]?.version ?? 0;
  }

  private async head(db: Queryable): Promise<bigint> {
    const { rows } = await db.query<{ v: string }>(`SELECT coalesce(max(position), 0)::text AS v FROM ${this.names.events}`);
    return BigInt(rows[0].v);
  }

  /**
   * A NOTIFY from the database. Our own commit's notification often arrives before its answer: a
   * subscription woken by it would read back the events the answer is about to hand it. So while a
   * group commit of ours is on its way the wake-up waits for an answer that hands events up to that
   * head, or for none to be left on its way; one from another process is then read as before.
   */
  private notified(head: bigint | undefined): void {
    if (head === undefined || this.inFlight === 0 || this.subscriptions.size === 0) return this.wakeSubscriptions(head);
    if (head <= this.handedUpTo) return this.wakeSubscriptions(head);
    this.deferredHead = this.deferredHead === null || head > this.deferredHead ? head : this.deferredHead;
  }

  private wakeDeferred(): void {
    if (this.deferredHead === null || (this.inFlight > 0 && this.deferredHead > this.handedUpTo)) return;
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

function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const { code, constraint: violated } = (error ?? {}) as { code?: string; constraint?: string };
  if (code !== '23505') return false;
  return constraint === undefined ? violated === STREAM_VERSION_CONSTRAINT || violated === EVENT_ID_CONSTRAINT : violated === constraint;
}
