import { sql } from 'drizzle-orm';
import type { ReadDb } from '../../storage/read-db';

const TABLES = [
  { table: 'rm_cases', order: 'id' },
  { table: 'rm_follow_ups', order: 'case_id, respondent_id' },
  { table: 'rm_timeline', order: 'case_id, version' },
  { table: 'rm_case_states', order: 'case_id' },
  { table: 'rm_case_versions', order: 'id, version' },
  { table: 'rm_follow_up_versions', order: 'case_id, respondent_id, case_version' },
  { table: 'rm_summary_counts', order: 'bucket' },
  { table: 'rm_summary_values', order: 'bucket, measure, grain' },
  { table: 'rm_checkpoints', order: 'name' },
] as const;

/** Every read-model row in a stable order, as JSON text: two read models are equal when their dumps are. */
export async function dumpReadModel(db: ReadDb): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const { table, order } of TABLES) {
    const result = (await db.execute(sql.raw(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY ${order}`))) as unknown as {
      rows: Array<{ row: string }>;
    };
    dump[table] = result.rows.map((r) => r.row);
  }
  return dump;
}
