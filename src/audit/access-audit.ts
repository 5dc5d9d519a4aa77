import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Actor } from '../case/decide-context';
import { LOGGER } from '../observability/logger';
import { READ_DB, type ReadDb } from '../storage/read-db';

/** One answer's reading of one case (and respondent): who, through what, which fields — names of fields, never values. */
export interface AccessRead {
  actor: Actor;
  /** The path that answered: `graphql`, `grpc:GetCase`, `export:follow-ups.csv`, … */
  via: string;
  caseId: string;
  /** Null when the fields are the case's own (the reporter). */
  respondentId: string | null;
  fields: readonly string[];
  /** Reads of one request for one case and respondent are one record. */
  request: string;
}

export interface AccessRecord {
  id: string;
  readAt: Date;
  agency: string;
  unit: string | null;
  userId: string;
  via: string;
  caseId: string;
  respondentId: string | null;
  fields: string[];
}

const FLUSH_MS = 250;
const FLUSH_ROWS = 500;
/** Batches that may wait to be written before a long reader (an export) waits for them: keptUp(). */
const MAX_QUEUED = 2;

/**
 * The access audit (issue 13): every answer that carries personal data — a respondent's name, NIP,
 * position or institution, or the reporter — records who read which case and which fields. The
 * record is a table of its own (schema `netra_audit`) beside the keys, outside the rebuildable read
 * model: rows are only inserted, and a trigger refuses UPDATE, DELETE and TRUNCATE, so neither
 * Netra nor a careless operator can rewrite who read what. It holds ids only: the agency, unit and
 * token subject of the reader, the case and respondent ids, field names. Reads are not slowed by
 * it: an answer only adds to a buffer, written in one INSERT every 250 ms (or 500 records), and
 * flushed before the audit is queried and at shutdown.
 */
@Injectable()
export class AccessAudit implements BeforeApplicationShutdown {
  private ready: Promise<unknown> | null = null;
  private buffer = new Map<string, { at: Date; read: AccessRead; fields: Set<string> }>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  /** Batches handed to the database and not yet written. */
  private queued = 0;

  constructor(
    @Inject(READ_DB) private readonly db: ReadDb,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  init(): Promise<unknown> {
    this.ready ??= (async () => {
      await this.db.execute(sql`CREATE SCHEMA IF NOT EXISTS netra_audit`);
      await this.db.execute(sql`
        CREATE TABLE IF NOT EXISTS netra_audit.access_reads (
          id bigserial PRIMARY KEY, read_at timestamptz NOT NULL, agency text NOT NULL, unit text, user_id text NOT NULL,
          via text NOT NULL, case_id text NOT NULL, respondent_id text, fields text[] NOT NULL)`);
      await this.db.execute(sql`CREATE INDEX IF NOT EXISTS access_reads_case_idx ON netra_audit.access_reads (case_id, id)`);
      await this.db.execute(sql`
        CREATE OR REPLACE FUNCTION netra_audit.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'netra_audit.access_reads is append-only'; END $$`);
      await this.db.execute(sql`DROP TRIGGER IF EXISTS access_reads_append_only ON netra_audit.access_reads`);
      await this.db.execute(sql`
        CREATE TRIGGER access_reads_append_only BEFORE UPDATE OR DELETE ON netra_audit.access_reads
        FOR EACH ROW EXECUTE FUNCTION netra_audit.append_only()`);
      await this.db.execute(sql`DROP TRIGGER IF EXISTS access_reads_no_truncate ON netra_audit.access_reads`);
      await this.db.execute(sql`
        CREATE TRIGGER access_reads_no_truncate BEFORE TRUNCATE ON netra_audit.access_reads
        FOR EACH STATEMENT EXECUTE FUNCTION netra_audit.append_only()`);
    })();
    return this.ready;
  }

  /** Notes a read; it is written with the next batch. */
  record(read: AccessRead): void {
    if (read.fields.length === 0) return;
    const key = `${read.request}|${read.caseId}|${read.respondentId ?? ''}`;
    const held = this.buffer.get(key);
    if (held) for (const field of read.fields) held.fields.add(field);
    else this.buffer.set(key, { at: new Date(), read, fields: new Set(read.fields) });
    if (this.buffer.size >= FLUSH_ROWS) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  /** Writes what is buffered; resolves once everything recorded before the call is in the table. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = [...this.buffer.values()];
    this.buffer = new Map();
    if (batch.length === 0) return this.writing;
    this.queued += 1;
    // write() never rejects (a failed write is logged), so the chain goes on.
    this.writing = this.writing.then(() => this.write(batch)).then(() => void (this.queued -= 1));
    return this.writing;
  }

  /**
   * Resolves at once while the writes keep up; when more than MAX_QUEUED batches wait, once they are
   * written. An export records 1,000 reads a page: without this, a page read faster than its
   * records were inserted left them queued in memory (about 0.3 MiB a page, 28 MiB over 100,000
   * rows on the embedded store) and unwritten if the process died. The export now reads no faster
   * than its reads are recorded.
   */
  keptUp(): Promise<void> {
    return this.queued > MAX_QUEUED ? this.writing : Promise.resolve();
  }

  private async write(batch: Array<{ at: Date; read: AccessRead; fields: Set<string> }>): Promise<void> {
    if (batch.length === 0) return;
    const rows = batch.map(({ at, read, fields }) => ({
      read_at: at.toISOString(),
      agency: read.actor.agency,
      unit: read.actor.region,
      user_id: read.actor.userId,
      via: read.via,
      case_id: read.caseId,
      respondent_id: read.respondentId,
      fields: [...fields].sort(),
    }));
    try {
      await this.init();
      await this.db.execute(sql`
        INSERT INTO netra_audit.access_reads (read_at, agency, unit, user_id, via, case_id, respondent_id, fields)
        SELECT read_at, agency, unit, user_id, via, case_id, respondent_id, fields
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r(read_at timestamptz, agency text, unit text, user_id text, via text, case_id text, respondent_id text, fields text[])`);
    } catch (error) {
      // Counts only: the record itself holds ids, but a failed write must not take a read down with it.
      this.logger.error({ records: rows.length, error: error instanceof Error ? error.message : String(error) }, 'access audit write failed');
    }
  }

  async list(filter: { caseId?: string | null; userId?: string | null; agency?: string | null }, first: number, after: string | null): Promise<{ records: AccessRecord[]; more: boolean }> {
    await this.init();
    await this.flush();
    const conditions = [
      filter.caseId ? sql`case_id = ${filter.caseId}` : null,
      filter.userId ? sql`user_id = ${filter.userId}` : null,
      filter.agency ? sql`agency = ${filter.agency}` : null,
      after ? sql`id < ${after}::bigint` : null,
    ].filter((c) => c !== null);
    const where = conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
    const result = (await this.db.execute(
      sql`SELECT * FROM netra_audit.access_reads ${where} ORDER BY id DESC LIMIT ${first + 1}`,
    )) as unknown as { rows: Array<Record<string, unknown>> };
    const records = result.rows.slice(0, first).map((row) => ({
      id: String(row.id),
      readAt: new Date(row.read_at as string),
      agency: String(row.agency),
      unit: row.unit === null ? null : String(row.unit),
      userId: String(row.user_id),
      via: String(row.via),
      caseId: String(row.case_id),
      respondentId: row.respondent_id === null ? null : String(row.respondent_id),
      fields: row.fields as string[],
    }));
    return { records, more: result.rows.length > first };
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
