import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { ReadDb } from '../storage/read-db';

/**
 * The inbox lives in a schema of its own beside the read model (`netra_inbox`, in the read-model
 * database): `items` and `routes` are a projection of the log with their own checkpoint and are
 * rebuilt from it; `reads` (who read which item) is not derivable from the log, so it is keyed by
 * item ids that the rebuild derives again (SHA-256 of event id and unit) and outlives a rebuild.
 * The read model's own rebuild (schema swap of `netra_read`) does not touch it.
 */
export const INBOX_SCHEMA = 'netra_inbox';

export async function createInboxTables(db: ReadDb): Promise<void> {
  for (const statement of [
    `CREATE SCHEMA IF NOT EXISTS ${INBOX_SCHEMA}`,
    `CREATE TABLE IF NOT EXISTS ${INBOX_SCHEMA}.items (
       id text PRIMARY KEY, agency text NOT NULL, region text NOT NULL, kind text NOT NULL,
       event_id text NOT NULL, event_type text NOT NULL, case_id text NOT NULL, respondent_ids jsonb NOT NULL,
       details jsonb NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, position bigint NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS items_unit_idx ON ${INBOX_SCHEMA}.items (agency, region, position DESC, id)`,
    `CREATE TABLE IF NOT EXISTS ${INBOX_SCHEMA}.routes (case_id text PRIMARY KEY, route jsonb NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${INBOX_SCHEMA}.checkpoint (name text PRIMARY KEY, position bigint NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${INBOX_SCHEMA}.reads (item_id text NOT NULL, user_id text NOT NULL, read_at timestamptz NOT NULL, PRIMARY KEY (item_id, user_id))`,
  ]) {
    await db.execute(sql.raw(statement));
  }
}

/** `''` stands for a national unit in the tables (a primary-key-friendly null). */
export const regionColumn = (region: string | null) => region ?? '';

/** One id per event and unit, the same in every rebuild: read marks survive it. */
export function inboxItemId(eventId: string, unitKey: string): string {
  return stableId(eventId, unitKey);
}

/** A UUID-shaped SHA-256 of the parts: the same id whenever the same parts come again. */
export function stableId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export async function rows(db: ReadDb, query: SQL): Promise<Array<Record<string, unknown>>> {
  return ((await db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
}

export const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
