/**
 * Event store on PostgreSQL: one `es_events` table holds every stream and the global log.
 *
 * One round trip per append: the function createAppendFunction (postgres-schema.ts) claims, locks,
 * links, inserts and notifies in one statement, which commits when it ends.
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
import { canonicalJson } from '../copying/event-digest';
import { migrateToHashChain } from '../hash-chain-migration';
import { PostgresListener } from './postgres-listener';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from '../event-row';
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
}

type Queryable = Pick<Pool, 'query'> | PoolClient;

export class PostgresEventStore implements EventStore {
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly names: PostgresNames;
  private readonly pollIntervalMs: number;
  private readonly listener: PostgresListener;

  /** `pool` is owned by the caller: close() leaves it open. */
  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.names = postgresNames(options.schema);
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.listener = new PostgresListener(pool, this.names.channel, () => this.wakeSubscriptions());
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

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamId} without events`);
    // Hashed and stored in the form the store parses back (event-hash.ts): after a JSON round trip.
    const stored = JSON.parse(JSON.stringify(events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })))) as NewEvent[];
    const tails = stored.map(({ id, type, data, metadata }) => [id, type, data, metadata].map(canonicalJson).join(','));
    let row: { outcome: string; next_version: number; position_text: string | null };
    try {
      const { rows } = await this.pool.query<typeof row>(
        `SELECT outcome, next_version, last_position::text AS position_text FROM ${this.names.append}($1, $2, $3, $4::jsonb, $5::text[])`,
        [streamId, JSON.stringify(streamId), String(expected), JSON.stringify(stored), tails],
      );
      row = rows[0];
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A retry (its event ids are in the store), or a writer that beat this one to a version.
      const retried = await this.findRetriedAppend(streamId, events);
      if (retried) return retried;
      if (isUniqueViolation(error, STREAM_VERSION_CONSTRAINT)) {
        throw new WrongExpectedVersionError(streamId, expected, await this.streamVersion(this.pool, streamId));
      }
      throw error;
    }
    if (row.outcome === 'conflict') {
      // Only a refused append looks for a retry: one that succeeds cannot have been one.
      const retried = await this.findRetriedAppend(streamId, events);
      if (retried) return retried;
      throw new WrongExpectedVersionError(streamId, expected, row.next_version);
    }
    this.wakeSubscriptions();
    return { nextVersion: row.next_version, position: BigInt(row.position_text!), duplicate: false };
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

  private wakeSubscriptions(): void {
    this.subscriptions.forEach((subscription) => subscription.notify());
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
