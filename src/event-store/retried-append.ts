import type { AppendResult, NewEvent } from './event-store';
import type { RunSql } from './hash-chain-migration';

/**
 * An append is a retry when every one of its event ids is already in the stream: the stored result,
 * answered as a duplicate; null when none is. Some but not all is neither, and refused. The SQL stores
 * (PostgreSQL, embedded) ask this only of an append that was refused.
 */
export async function findRetriedAppend(run: RunSql, eventsTable: string, streamId: string, events: NewEvent[]): Promise<AppendResult | null> {
  const rows = (await run(
    `SELECT version, position::text AS position_text FROM ${eventsTable} WHERE stream_id = $1 AND id = ANY($2::uuid[]) ORDER BY version`,
    [streamId, events.map((event) => event.id)],
  )) as Array<{ version: number; position_text: string }>;
  if (rows.length === 0) return null;
  if (rows.length !== events.length) {
    throw new Error(`stream ${streamId} holds ${rows.length} of the ${events.length} event ids of this append`);
  }
  const last = rows[rows.length - 1];
  return { nextVersion: last.version, position: BigInt(last.position_text), duplicate: true };
}
