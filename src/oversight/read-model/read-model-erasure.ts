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

/** The database's clock, to tell later which transactions began before a rewrite. */
export async function databaseNow(db: ReadDb): Promise<string> {
  const { rows } = (await db.execute(sql`SELECT clock_timestamp()::text AS now`)) as unknown as { rows: Array<{ now: string }> };
  return rows[0].now;
}

/**
 * Whether a transaction that began before `since` still holds a snapshot or an xid anywhere on the
 * server: while one does, VACUUM FULL must keep the row versions it may see (on a shared server a
 * long transaction in another database holds back every snapshot taken meanwhile). Sessions of other
 * roles are visible only to a superuser or a member of pg_read_all_stats; on an embedded database
 * (one connection, transactions one after another) there is never one. A failed check counts as
 * "maybe": the rewrite waits and asks again, and never reports settled on a guess.
 */
export async function olderTransactionsOpen(db: ReadDb, since: string): Promise<boolean> {
  try {
    const { rows } = (await db.execute(sql`
      SELECT EXISTS (
        SELECT 1 FROM pg_stat_activity
        WHERE pid <> pg_backend_pid() AND (backend_xmin IS NOT NULL OR backend_xid IS NOT NULL) AND xact_start < ${since}::timestamptz
      ) AS older`)) as unknown as { rows: Array<{ older: boolean }> };
    return rows[0]?.older === true;
  } catch {
    return true;
  }
}
