import { randomUUID } from 'node:crypto';
import { linkHash } from '../../src/event-store/event-hash';
import type { EventMetadata } from '../../src/event-store/event-store';

/** Runs SQL straight on the database under the store, as someone with write access to its tables would. */
export type Sql = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/**
 * Edits of the `es_events` table an insider could make, bypassing the store. Positions are a
 * primary key checked row by row, so rows are moved out of the way (above FAR) and back.
 */
export function tamperer(sql: Sql, table: string) {
  const FAR = 1_000_000;
  const hashAt = async (position: number) => String((await sql(`SELECT hash FROM ${table} WHERE position = $1`, [position]))[0].hash);
  const shift = async (from: number, by: number) => {
    await sql(`UPDATE ${table} SET position = position + ${FAR} WHERE position >= $1`, [from]);
    await sql(`UPDATE ${table} SET position = position - ${FAR} + $1::bigint WHERE position >= ${FAR}`, [by]);
  };
  return {
    hashAt,
    async changeData(position: number): Promise<void> {
      await sql(`UPDATE ${table} SET data = jsonb_set(data, '{forged}', 'true') WHERE position = $1`, [position]);
    },
    async remove(position: number, { renumber = false } = {}): Promise<void> {
      await sql(`DELETE FROM ${table} WHERE position = $1`, [position]);
      if (renumber) await shift(position + 1, -1);
    },
    async swap(a: number, b: number): Promise<void> {
      await sql(`UPDATE ${table} SET position = ${FAR} WHERE position = $1`, [a]);
      await sql(`UPDATE ${table} SET position = $1 WHERE position = $2`, [a, b]);
      await sql(`UPDATE ${table} SET position = $1 WHERE position = ${FAR}`, [b]);
    },
    /** A forged event at `position`, later ones moved up, with the hash the store itself would have given it there. */
    async insertForged(position: number): Promise<void> {
      const previous = await hashAt(position - 1);
      await shift(position, 1);
      const forged = {
        streamId: `case-${randomUUID()}`,
        version: 1,
        id: randomUUID(),
        type: 'CaseReported',
        data: { note: 'backdated report' },
        metadata: { commandId: randomUUID(), agency: 'BAWASLU', unit: '16.71', userId: 'insider', recordedAt: '2024-09-02T00:00:00.000Z' } as EventMetadata,
      };
      await sql(
        `INSERT INTO ${table} (position, stream_id, version, id, type, data, metadata, hash, prev_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [position, forged.streamId, forged.version, forged.id, forged.type, forged.data, forged.metadata, linkHash(previous, forged, BigInt(position)), previous],
      );
    },
    /** Changes the event at `position` and recomputes its hash, and only its. */
    async changeAndRehash(position: number): Promise<void> {
      await this.rewriteFrom(position, position);
    },
    /** Changes the event at `position` and recomputes every hash from there (to `until`): a chain that holds together again. */
    async rewriteFrom(position: number, until = Number.MAX_SAFE_INTEGER): Promise<void> {
      await sql(`UPDATE ${table} SET data = jsonb_set(data, '{forged}', 'true') WHERE position = $1`, [position]);
      let previous = await hashAt(position - 1);
      const rows = await sql(`SELECT position, stream_id, version, id, type, data, metadata FROM ${table} WHERE position BETWEEN $1 AND $2 ORDER BY position`, [position, until]);
      for (const row of rows) {
        const event = { streamId: String(row.stream_id), version: Number(row.version), id: String(row.id), type: String(row.type), data: row.data as Record<string, unknown>, metadata: row.metadata as EventMetadata };
        const hash = linkHash(previous, event, BigInt(String(row.position)));
        await sql(`UPDATE ${table} SET hash = $1, prev_hash = $2 WHERE position = $3`, [hash, previous, row.position]);
        previous = hash;
      }
    },
    async truncateAfter(position: number): Promise<void> {
      await sql(`DELETE FROM ${table} WHERE position > $1`, [position]);
    },
  };
}
