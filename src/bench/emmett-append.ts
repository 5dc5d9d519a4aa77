import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { latency, pool as workers, type Counter, type Latency } from './stats';

export interface PeerAppendResult {
  store: string;
  appends: number;
  perSecond: number;
  latencyMs: Latency;
}

interface Job {
  url: string;
  event: { type: string; data: unknown; metadata: unknown };
  appends: number;
  clients: number;
}

const PEER = 'emmett-postgresql 0.42.0';

/**
 * emmett's PostgreSQL event store (`@event-driven-io/emmett-postgresql`, a dev dependency) doing
 * what storeAppend asks of Netra's: single-event appends to fresh streams (expected: no stream) from
 * `clients` writers, in a throwaway database of its own on the same server. It runs in a child
 * process: its driver replaces pg's global JSON type parsers, which would change Netra's own pool in
 * the phases after this one; and nothing but this phase ever loads it (not Jest, not the server).
 */
export async function emmettAppend(db: Pool, benchUrl: string, event: Job['event'], appends: number, clients: number, progress: Counter): Promise<PeerAppendResult> {
  const name = `netra_bench_emmett_${randomBytes(4).toString('hex')}`;
  await db.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(benchUrl);
    url.pathname = `/${name}`;
    const child = fork(__filename, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return await new Promise<PeerAppendResult>((resolve, reject) => {
      child.on('message', (m: { done?: number; result?: PeerAppendResult; error?: string }) => {
        if (m.done) progress.done += m.done;
        if (m.result) resolve(m.result);
        if (m.error) reject(new Error(m.error));
      });
      child.on('exit', (code) => reject(new Error(`the emmett child exited with ${code}`)));
      child.send({ url: url.toString(), event, appends, clients } satisfies Job);
    });
  } finally {
    await db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function runJob({ url, event, appends, clients }: Job): Promise<PeerAppendResult> {
  const [{ getPostgreSQLEventStore }, { STREAM_DOES_NOT_EXIST }] = await Promise.all([import('@event-driven-io/emmett-postgresql'), import('@event-driven-io/emmett')]);
  const store = getPostgreSQLEventStore(url);
  await store.schema.migrate();
  const ms: number[] = [];
  const started = performance.now();
  await workers(Array.from({ length: appends }, (_, n) => n), clients, async (n) => {
    const t0 = performance.now();
    const metadata = { ...(event.metadata as Record<string, unknown>), commandId: `bench-${n}` };
    await store.appendToStream(`bench-${n}`, [{ type: event.type, data: event.data as Record<string, unknown>, metadata }], { expectedStreamVersion: STREAM_DOES_NOT_EXIST });
    ms.push(performance.now() - t0);
    if (n % 50 === 49) process.send!({ done: 50 });
  });
  const perSecond = appends / ((performance.now() - started) / 1000);
  await store.close();
  return { store: PEER, appends, perSecond, latencyMs: latency(ms) };
}

if (require.main === module) {
  process.once('message', (job: Job) => {
    runJob(job).then(
      (result) => process.send!({ result }, () => process.exit(0)),
      (error: Error) => process.send!({ error: error.message }, () => process.exit(1)),
    );
  });
}
