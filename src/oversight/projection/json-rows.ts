import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ReadDb } from '../../storage/read-db';

/**
 * Writes many rows as one JSON parameter expanded by `jsonb_populate_recordset`: one bind value per
 * statement instead of one per cell. Building multi-row inserts cell by cell in drizzle was half of
 * the projection's CPU (README, "Where the time goes"); serialising with JSON.stringify is native.
 * `conflict`: `nothing` skips rows already there (a replayed batch), `replace` upserts on the key.
 */
export async function insertRows<T extends PgTable>(
  tx: ReadDb,
  table: T,
  rows: ReadonlyArray<T['$inferInsert']>,
  conflict: { nothing: true } | { replace: string[] } | null = null,
): Promise<void> {
  const statement = insertRowsSql(table, rows, conflict);
  if (statement) await tx.execute(statement);
}

/** The statement insertRows runs (null for no rows), for a caller that sends several at once (one-round-trip.ts). */
export function insertRowsSql<T extends PgTable>(
  table: T,
  rows: ReadonlyArray<T['$inferInsert']>,
  conflict: { nothing: true } | { replace: string[] } | null = null,
): SQL | null {
  if (rows.length === 0) return null;
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, name: column.name }));
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(columns.map(({ key, name }) => [name, cell((row as Record<string, unknown>)[key])]))));
  const name = sql.raw(`"${getTableName(table)}"`);
  const onConflict =
    conflict === null
      ? sql``
      : 'nothing' in conflict
        ? sql` ON CONFLICT DO NOTHING`
        : sql.raw(
            ` ON CONFLICT (${conflict.replace.map((c) => `"${c}"`).join(', ')}) DO UPDATE SET ${columns.map(({ name: c }) => `"${c}" = excluded."${c}"`).join(', ')}`,
          );
  return sql`INSERT INTO ${name} SELECT * FROM jsonb_populate_recordset(NULL::${name}, ${json}::jsonb)${onConflict}`;
}

/** Dates as ISO text and bigints as decimal text: both read back exactly by PostgreSQL. */
function cell(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value === undefined ? null : value;
}
