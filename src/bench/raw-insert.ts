import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { pool as workers } from './stats';

/**
 * The limit a command's append is measured against: single-row insert-and-commit, one transaction
 * each (BEGIN, INSERT of an event-sized JSON row, COMMIT), into the same database.
 */
export interface RawInsertResult {
  concurrency: number;
  operations: number;
  perSecond: number;
}

const TABLE = 'bench_raw_insert';

export async function rawInsertPostgres(db: Pool, payload: string, operations: number, concurrency: number): Promise<RawInsertResult> {
  await db.query(`CREATE TABLE IF NOT EXISTS public.${TABLE} (id bigserial PRIMARY KEY, data jsonb NOT NULL)`);
  const started = performance.now();
  await workers(Array.from({ length: operations }), concurrency, async () => {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO public.${TABLE} (data) VALUES ($1::jsonb)`, [payload]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  });
  const seconds = (performance.now() - started) / 1000;
  await db.query(`DROP TABLE public.${TABLE}`);
  return { concurrency, operations, perSecond: operations / seconds };
}

/** PGlite runs one transaction at a time, so concurrency does not apply. */
export async function rawInsertPglite(db: PGlite, payload: string, operations: number): Promise<RawInsertResult> {
  await db.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (id bigserial PRIMARY KEY, data jsonb NOT NULL)`);
  const started = performance.now();
  for (let i = 0; i < operations; i++) {
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO ${TABLE} (data) VALUES ($1::jsonb)`, [payload]);
    });
  }
  const seconds = (performance.now() - started) / 1000;
  await db.query(`DROP TABLE ${TABLE}`);
  return { concurrency: 1, operations, perSecond: operations / seconds };
}
