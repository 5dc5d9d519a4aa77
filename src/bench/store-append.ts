import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { rawInsertPostgres, type RawInsertResult } from './raw-insert';
import { latency, pool as workers, round, type Counter, type Latency } from './stats';

export interface StoreAppendResult {
  clients: number;
  appends: number;
  perSecond: number;
  latencyMs: Latency;
  /** Raw insert+commit with as many connections, on the same database, just before. */
  raw: RawInsertResult;
  ratio: number;
}

/**
 * Netra's PostgreSQL event store alone, below the command path: single-event appends to fresh
 * streams from `clients` concurrent writers, in a schema of its own on the same database, beside
 * raw insert+commit with as many connections. Issue 17 sets it against emmett's ratio in the same
 * run; emmett is not a dependency yet, so the bench prints Netra's ratio only.
 */
export async function storeAppend(db: Pool, payload: string, appends: number, clients: number, progress: Counter = { done: 0 }): Promise<StoreAppendResult> {
  const raw = await rawInsertPostgres(db, payload, appends, clients);
  const store = new PostgresEventStore(db, { schema: 'bench_store_append' });
  await store.init();
  const data = JSON.parse(payload) as { data: unknown };
  const ms: number[] = [];
  const started = performance.now();
  await workers(Array.from({ length: appends }, (_, n) => n), clients, async (n) => {
    const t0 = performance.now();
    await store.append(`bench-${n}`, [{ id: randomUUID(), type: 'BenchAppended', data: data.data as Record<string, unknown>, metadata: { commandId: `bench-${n}`, agency: 'BAWASLU', userId: 'bench', recordedAt: new Date().toISOString() } }], 'no_stream');
    ms.push(performance.now() - t0);
    progress.done++;
  });
  const perSecond = appends / ((performance.now() - started) / 1000);
  await store.close();
  await db.query('DROP SCHEMA bench_store_append CASCADE');
  return { clients, appends, perSecond, latencyMs: latency(ms), raw, ratio: round(perSecond / raw.perSecond, 2) };
}
