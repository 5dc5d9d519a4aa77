/**
 * Group commit of PostgreSQL appends, in one round trip each.
 *
 * Appends that arrive while earlier ones are on their way to the database wait and go together, one
 * per stream, as one call of the function createAppendFunction (postgres-schema.ts), which claims,
 * locks, links, inserts and notifies in one statement and commits when it ends. Each append keeps its
 * own answer (a conflict refuses it alone) and each caller hears of it only after that commit; a
 * failed call rejects every caller in it, none of whose events were stored.
 *
 * Idempotent like the PGlite adapter: an append whose event ids are all in the stream is a retry —
 * looked for only when an append is refused (a retry always is: its version was claimed, or its
 * event ids are taken), so a successful append reads nothing first.
 */
import type { Pool } from 'pg';
import { WrongExpectedVersionError, type AppendResult, type ExpectedVersion, type NewEvent } from '../event-store';
import { hashTails } from '../event-hash';
import { findRetriedAppend } from '../retried-append';
import { currentMarks, markIn, type WriteMarks } from '../write-timing';
import { EVENT_ID_CONSTRAINT, STREAM_VERSION_CONSTRAINT, type PostgresNames } from './postgres-schema';

/** An append waiting for its group commit. */
export interface PendingAppend {
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

/** One append's answer from the append function, in the order of the batch. */
export interface BatchRow {
  outcome: 'appended' | 'conflict' | 'exists';
  next_version: number;
  position_text: string | null;
  /** Appended: the link before the first event, then each event's hash, comma-separated. */
  links: string | null;
}

/** What the store does around a group commit. */
export interface GroupCommitHooks {
  /** A group commit stored events (called before any of its callers hears of it). */
  committed(batch: PendingAppend[], rows: BatchRow[]): void;
  /** A group commit is no longer on its way (it succeeded or failed). */
  settled(): void;
}

/** The most appends one group commit carries. */
const MAX_BATCH = 64;

export class PostgresGroupCommit {
  private pending: PendingAppend[] = [];
  private inFlightCount = 0;
  private flushQueued = false;

  constructor(
    private readonly pool: Pool,
    private readonly names: PostgresNames,
    /** How many group commits may be on their way to the database at once. */
    private readonly batchesInFlight: number,
    private readonly hooks: GroupCommitHooks,
  ) {}

  /** How many group commits are on their way to the database. */
  get inFlight(): number {
    return this.inFlightCount;
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
    while (this.inFlightCount < this.batchesInFlight && this.pending.length > 0) {
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
      this.inFlightCount++;
      void this.commit(batch).finally(() => ((this.inFlightCount -= 1), this.hooks.settled(), this.flush()));
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
    if (rows.some((row) => row.outcome === 'appended')) this.hooks.committed(batch, rows);
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
      throw new WrongExpectedVersionError(append.streamId, append.expected, await this.streamVersion(append.streamId));
    }
    throw error;
  }

  /** The stored result when every event id is already in the stream (retried-append.ts); null when none is. */
  private findRetriedAppend(streamId: string, events: NewEvent[]): Promise<AppendResult | null> {
    return findRetriedAppend(async (sql, params) => (await this.pool.query(sql, params)).rows, this.names.events, streamId, events);
  }

  private async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>(`SELECT version FROM ${this.names.streams} WHERE stream_id = $1`, [streamId]);
    return rows[0]?.version ?? 0;
  }
}

function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const { code, constraint: violated } = (error ?? {}) as { code?: string; constraint?: string };
  if (code !== '23505') return false;
  return constraint === undefined ? violated === STREAM_VERSION_CONSTRAINT || violated === EVENT_ID_CONSTRAINT : violated === constraint;
}
