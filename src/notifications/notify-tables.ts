import { sql } from 'drizzle-orm';
import type { ReadDb } from '../storage/read-db';

/**
 * The outbox (`netra_notify`, in the read-model database, outside the rebuildable read model: a
 * rebuild must never send anything again). `deliveries` is both the outbox and the delivery log:
 * one row per event, channel and recipient (unique), with its attempts and outcome.
 */
export async function createNotifyTables(db: ReadDb): Promise<void> {
  for (const statement of [
    `CREATE SCHEMA IF NOT EXISTS netra_notify`,
    `CREATE TABLE IF NOT EXISTS netra_notify.checkpoint (name text PRIMARY KEY, position bigint NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS netra_notify.deliveries (
       id text PRIMARY KEY, event_id text NOT NULL, channel text NOT NULL, recipient text NOT NULL,
       unit text NOT NULL, kind text NOT NULL, case_id text NOT NULL, register_number text NOT NULL,
       respondent_ids jsonb NOT NULL, visible_ids jsonb NOT NULL, details jsonb NOT NULL,
       occurred_at timestamptz NOT NULL, position bigint NOT NULL,
       status text NOT NULL, attempts integer NOT NULL DEFAULT 0, next_attempt_at timestamptz NOT NULL,
       claimed_until timestamptz, last_error text, last_status integer,
       created_at timestamptz NOT NULL, delivered_at timestamptz,
       UNIQUE (event_id, channel, recipient))`,
    `CREATE INDEX IF NOT EXISTS deliveries_due_idx ON netra_notify.deliveries (status, next_attempt_at)`,
    `CREATE INDEX IF NOT EXISTS deliveries_log_idx ON netra_notify.deliveries (created_at DESC, id)`,
  ]) {
    await db.execute(sql.raw(statement));
  }
}

export type Channel = 'EMAIL' | 'WEBHOOK';
export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface DeliveryRow {
  id: string;
  eventId: string;
  channel: Channel;
  recipient: string;
  unit: string;
  kind: string;
  caseId: string;
  registerNumber: string;
  respondentIds: string[];
  visibleIds: string[];
  details: Record<string, string>;
  occurredAt: Date;
  position: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  lastStatus: number | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

export function toDeliveryRow(row: Record<string, unknown>): DeliveryRow {
  return {
    id: String(row.id),
    eventId: String(row.event_id),
    channel: row.channel as Channel,
    recipient: String(row.recipient),
    unit: String(row.unit),
    kind: String(row.kind),
    caseId: String(row.case_id),
    registerNumber: String(row.register_number),
    respondentIds: row.respondent_ids as string[],
    visibleIds: row.visible_ids as string[],
    details: row.details as Record<string, string>,
    occurredAt: date(row.occurred_at)!,
    position: String(row.position),
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: date(row.next_attempt_at)!,
    lastError: (row.last_error as string | null) ?? null,
    lastStatus: row.last_status === null || row.last_status === undefined ? null : Number(row.last_status),
    createdAt: date(row.created_at)!,
    deliveredAt: date(row.delivered_at),
  };
}
