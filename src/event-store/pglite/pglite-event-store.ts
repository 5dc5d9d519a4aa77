/**
 * Event store on an embedded PGlite database, in `es_` tables of an instance shared with the read model.
 * An append is one statement (the `es_append` function, pglite-schema.ts), so one call to the
 * database's thread. Gap-free: PGlite runs one statement at a time, so max(position) + 1 read inside
 * it is the next position, and a refused or failed append writes nothing and leaves no hole (a
 * sequence would leak one). Idempotent: event ids derive from the command id; an append
 * whose ids are all in the stream already is a retry and returns the stored result, writing nothing
 * (looked for only when the append is refused, as on PostgreSQL: a retry always is).
 * Chained: the same serialisation makes the last event's hash the previous link of the next append;
 * the link is computed in the statement, as PostgreSQL's append does.
 */
import type { Transaction } from '@electric-sql/pglite';
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
import { findRetriedAppend } from '../retried-append';
import { migrateToHashChain } from '../hash-chain-migration';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from '../event-row';
import type { EmbeddedClient } from './pglite-thread';
import { CREATE_APPEND_FUNCTION, CREATE_EVENT_STORE_TABLES } from './pglite-schema';
import { mark } from '../write-timing';

export interface PgliteEventStoreOptions {
  /** How often a live subscription looks for events appended through another adapter instance. */
  pollIntervalMs?: number;
  /** Makes the commits before the call durable; the append is acknowledged once it resolves (open-pglite.ts: PGlite itself cannot sync). */
  afterCommit?: (() => Promise<void> | void) | null;
}

/** One append, one statement (pglite-schema.ts, CREATE_APPEND_FUNCTION). */
const APPEND = 'SELECT outcome, next_version, last_position::text AS position_text FROM es_append($1, $2, $3, $4::jsonb, $5::jsonb)';
const HEAD_POSITION = 'SELECT coalesce(max(position), 0)::text AS v FROM es_events';

interface AppendRow {
  outcome: 'appended' | 'conflict';
  next_version: number;
  position_text: string | null;
}

export class PgliteEventStore implements EventStore {
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly pollIntervalMs: number;

  /** `db` is shared with the read model and owned by the caller: close() leaves it open. */
  constructor(
    private readonly db: EmbeddedClient,
    options: PgliteEventStoreOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.afterCommit = options.afterCommit ?? null;
  }

  private readonly afterCommit: (() => Promise<void> | void) | null;

  async init(): Promise<void> {
    await this.db.exec(CREATE_EVENT_STORE_TABLES + CREATE_APPEND_FUNCTION);
    await this.db.transaction((tx) => migrateToHashChain(async (sql, params) => (await tx.query<Record<string, unknown>>(sql, params)).rows, 'es_events'));
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamId} without events`);
    const { stored, tails } = hashTails(events);
    mark('encode (JSON, canonical)');
    let row: AppendRow;
    try {
      ({ rows: [row] } = await this.db.query<AppendRow>(APPEND, [streamId, JSON.stringify(streamId), String(expected), JSON.stringify(stored), JSON.stringify(tails)]));
    } catch (error) {
      // An event id already stored (expected `any`): a retry if they all are in this stream.
      if ((error as { code?: string }).code !== '23505') throw error;
      const retried = await this.findRetriedAppend(streamId, events);
      if (retried) return this.durable(retried);
      throw error;
    }
    mark('append call (es_append)');
    if (row.outcome !== 'appended') {
      // Only a refused append looks for a retry (its version was taken by its own first attempt):
      // one that succeeds cannot have been one, so a successful append reads nothing before.
      const retried = await this.findRetriedAppend(streamId, events);
      if (retried) return this.durable(retried);
      throw new WrongExpectedVersionError(streamId, expected, row.next_version);
    }
    // Concurrent appends share one WAL sync (group commit): none is acknowledged before a sync that began after its commit.
    await this.afterCommit?.();
    mark('WAL sync (group commit)');
    // Not handed to the subscriptions (as PostgreSQL's append does, catch-up-subscription.ts): measured, the
    // embedded store's CPU per command rose 15-28 % with it (smaller, more frequent projection batches
    // on the database's one thread: README "Projection lag (session 9)"), so they read the log.
    this.subscriptions.forEach((subscription) => subscription.notify());
    return { nextVersion: row.next_version, position: BigInt(row.position_text!), duplicate: false };
  }

  /**
   * A retry is answered with the first attempt's result, which may still be waiting for its WAL sync
   * (a concurrent first attempt): a sync that begins now covers that commit, so the retry is not
   * acknowledged before the first attempt is durable.
   */
  private async durable(retried: AppendResult): Promise<AppendResult> {
    await this.afterCommit?.();
    return retried;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const { rows } = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events WHERE stream_id = $1 ORDER BY version`,
      [streamId],
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(after: bigint, limit: number): Promise<RecordedEvent[]> {
    const { rows } = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events WHERE position > $1::bigint ORDER BY position LIMIT $2`,
      [after.toString(), limit],
    );
    return rows.map(toRecordedEvent);
  }

  subscribe(handler: SubscriptionHandler, options: SubscribeOptions): Subscription {
    const read = (after: bigint, limit: number) => this.readAll(after, limit);
    const subscription = new CatchUpSubscription(read, handler, options, this.pollIntervalMs);
    this.subscriptions.add(subscription);
    void subscription.stopped.finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    return BigInt(await scalar(this.db, HEAD_POSITION));
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  /** The stored result when every event id is already in the stream (retried-append.ts); null when none is. */
  private findRetriedAppend(streamId: string, events: NewEvent[]): Promise<AppendResult | null> {
    return findRetriedAppend(async (sql, params) => (await this.db.query<Record<string, unknown>>(sql, params)).rows, 'es_events', streamId, events);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }
}

async function scalar(db: Pick<Transaction, 'query'>, sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await db.query<{ v: string }>(sql, params);
  return rows[0].v;
}
