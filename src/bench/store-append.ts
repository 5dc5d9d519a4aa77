import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { emmettAppend, type PeerAppendResult } from './emmett-append';
import { rawInsertPostgres, type RawInsertResult } from './raw-insert';
import { latency, pool as workers, round, type Counter, type Latency } from './stats';

export interface StoreAppendResult {
  clients: number;
  appends: number;
  perSecond: number;
  latencyMs: Latency;
  /** Raw insert+commit with as many connections, on the same database server, just before. */
  raw: RawInsertResult;
  ratio: number;
  /** emmett's PostgreSQL event store, the same appends on the same server right after; null if it failed. */
  peer: (PeerAppendResult & { ratio: number }) | { store: string; failed: string };
}

/**
 * Netra's PostgreSQL event store alone, below the command path: single-event appends to fresh
 * streams from `clients` concurrent writers, in a schema of its own on the same database, beside
 * raw insert+commit with as many connections, then emmett's PostgreSQL event store doing the same
 * appends of the same events (issue 17's peer), each as a ratio to that raw limit.
 */
export async function storeAppend(db: Pool, benchUrl: string, payload: string, appends: number, clients: number, progress: Counter = { done: 0 }): Promise<StoreAppendResult> {
  const raw = await rawInsertPostgres(db, payload, appends, clients);
  const store = new PostgresEventStore(db, { schema: 'bench_store_append' });
  await store.init();
  const event = JSON.parse(payload) as { type: string; data: Record<string, unknown> };
  const metadata = (n: number) => ({ commandId: `bench-${n}`, agency: 'BAWASLU', userId: 'bench', recordedAt: new Date().toISOString() });
  const ms: number[] = [];
  const started = performance.now();
  await workers(Array.from({ length: appends }, (_, n) => n), clients, async (n) => {
    const t0 = performance.now();
    await store.append(`bench-${n}`, [{ id: randomUUID(), type: 'BenchAppended', data: event.data, metadata: metadata(n) }], 'no_stream');
    ms.push(performance.now() - t0);
    progress.done++;
  });
  const perSecond = appends / ((performance.now() - started) / 1000);
  await store.close();
  await db.query('DROP SCHEMA bench_store_append CASCADE');
  const peer = await emmettAppend(db, benchUrl, { type: 'BenchAppended', data: event.data, metadata: metadata(0) }, appends, clients, progress).then(
    (p) => ({ ...p, ratio: round(p.perSecond / raw.perSecond, 2) }),
    (error: Error) => ({ store: 'emmett-postgresql 0.42.0', failed: error.message }),
  );
  return { clients, appends, perSecond, latencyMs: latency(ms), raw, ratio: round(perSecond / raw.perSecond, 2), peer };
}
