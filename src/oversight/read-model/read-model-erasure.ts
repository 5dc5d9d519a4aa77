import { sql } from 'drizzle-orm';
import type { ReadDb } from '../../storage/read-db';

/** The read-model tables that hold personal values (or rows that did before an erasure rewrote them). */
export const PERSONAL_TABLES = ['rm_cases', 'rm_case_versions', 'rm_follow_ups', 'rm_follow_up_versions', 'rm_timeline', 'rm_case_states'] as const;

/**
 * After an erasure rewrote a case's rows, the old row versions (dead tuples) and index entries still
 * hold the plaintext in the table files. A plain VACUUM only marks that space free, leaving the bytes
 * in the pages; VACUUM FULL writes each table and its indexes and TOAST anew and unlinks the old
 * files, so nothing of the old versions stays outside the WAL (README, "Erasure"). It holds an
 * exclusive lock on each table while it runs: reads wait (measured in the README).
 */
export async function vacuumReadModel(db: ReadDb): Promise<void> {
  await db.execute(sql.raw(`VACUUM FULL ${PERSONAL_TABLES.join(', ')}`));
}
