import type { EventMetadata, RecordedEvent } from './event-store';

/**
 * How the SQL stores (PGlite, PostgreSQL) select and map an event row. int8 leaves as text (the
 * drivers return number, bigint or string depending on size); the alias differs from the column on
 * purpose, so ORDER BY position sorts the bigint, not the text.
 */
export const EVENT_COLUMNS = 'position::text AS position_text, stream_id, version, id, type, data, metadata, hash, prev_hash';

export interface EventRow {
  position_text: string;
  stream_id: string;
  version: number;
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  hash: string | null;
  prev_hash: string | null;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    data: row.data,
    metadata: row.metadata as EventMetadata,
    streamId: row.stream_id,
    version: row.version,
    position: BigInt(row.position_text),
    hash: row.hash ?? undefined,
    previousHash: row.prev_hash ?? undefined,
  };
}
