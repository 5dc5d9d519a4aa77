import type { EventMetadata } from './event-store';
import { GENESIS_HASH, linkHash } from './event-hash';

/** Runs one SQL statement and returns its rows; adapts a pg client or a PGlite transaction. */
export type RunSql = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

const PAGE = 1000;

/**
 * Brings an `es_events` table from before the ledger to the hash chain: adds `hash` and `prev_hash`,
 * links every row in position order from the genesis hash, then makes both columns NOT NULL.
 * Only a table whose hash column is still nullable is touched (a new table is created NOT NULL), so
 * a hash missing later is never filled in here: that is tampering, for the verifier to report.
 * The caller runs it in one transaction with appends locked out.
 */
export async function migrateToHashChain(run: RunSql, table: string): Promise<void> {
  const column = await run(`SELECT attnotnull AS linked FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'hash' AND NOT attisdropped`, [table]);
  if (column[0]?.linked === true) return;
  if (column.length === 0) await run(`ALTER TABLE ${table} ADD COLUMN hash text, ADD COLUMN IF NOT EXISTS prev_hash text`);
  let previous = GENESIS_HASH;
  let sequence = 0n;
  let after = '0';
  for (;;) {
    const rows = await run(
      `SELECT position::text AS position_text, stream_id, version, id, type, data, metadata FROM ${table}
       WHERE position > $1::bigint ORDER BY position LIMIT ${PAGE}`,
      [after],
    );
    if (rows.length === 0) break;
    const positions: string[] = [];
    const hashes: string[] = [];
    const links: string[] = [];
    for (const row of rows) {
      sequence += 1n;
      const event = {
        streamId: String(row.stream_id),
        version: Number(row.version),
        id: String(row.id),
        type: String(row.type),
        data: row.data as Record<string, unknown>,
        metadata: row.metadata as EventMetadata,
      };
      const hash = linkHash(previous, event, sequence);
      positions.push(String(row.position_text));
      hashes.push(hash);
      links.push(previous);
      previous = hash;
    }
    after = positions[positions.length - 1];
    await run(
      `UPDATE ${table} AS e SET hash = u.hash, prev_hash = u.prev_hash
       FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(position, hash, prev_hash) WHERE e.position = u.position`,
      [positions, hashes, links],
    );
  }
  await run(`ALTER TABLE ${table} ALTER COLUMN hash SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL`);
}
