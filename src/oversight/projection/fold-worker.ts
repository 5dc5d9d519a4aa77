import { drizzle } from 'drizzle-orm/node-postgres';
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import type { RecordedEvent } from '../../event-store/event-store';
import type { ReadDb } from '../../storage/read-db';
import { PartitionLoad } from './partition-load';

/**
 * A worker thread of the PostgreSQL bulk load (fold-workers.ts starts it): one partition of the
 * cases, folded and written by a `PartitionLoad` on connections of its own. The main thread reads
 * the log and posts each page's events of this partition's cases; the worker answers each page once
 * its lines are in the COPY streams, at `close` once they are committed and the versions closed, and
 * at `finish` with its follow-up rows' counts.
 */

export interface FoldWorkerData {
  url: string;
  schema: string;
  plainStates: number;
}

/** A page's share: events by case in log order, the cases' data keys, erased cases' histories. */
export interface PageShare {
  byCase: Array<[string, RecordedEvent[]]>;
  caseKeys: Array<[string, Uint8Array]>;
  erasures: Array<[string, RecordedEvent[]]>;
  /** The cases' last events are in the page: their current rows are written now. */
  complete: boolean;
}

export type ToWorker = ({ kind: 'page' } & PageShare) | { kind: 'close' } | { kind: 'finish' } | { kind: 'abort' };
export type FromWorker = { kind: 'paged' } | { kind: 'closed' } | { kind: 'finished'; result: unknown } | { kind: 'failed'; message: string; stack?: string } | { kind: 'aborted' };

if (parentPort) run(parentPort, workerData as FoldWorkerData);

function run(port: NonNullable<typeof parentPort>, data: FoldWorkerData): void {
  // Six COPYs (three streamed while the pages come, three for whole cases' current rows) and the statements beside them.
  const pool = new Pool({ connectionString: data.url, max: 8, connectionTimeoutMillis: 30_000, options: `-c search_path=${data.schema}` });
  pool.on('error', () => undefined);
  const load = new PartitionLoad(pool, drizzle(pool) as unknown as ReadDb, data.schema, data.plainStates);
  let failed = false;
  let tail: Promise<void> = load.start().catch((error: Error) => fail(error));
  const fail = (error: Error) => {
    if (failed) return;
    failed = true;
    load.abort();
    port.postMessage({ kind: 'failed', message: error.message, stack: error.stack } satisfies FromWorker);
  };
  const handle = async (message: ToWorker): Promise<void> => {
    if (message.kind === 'abort') {
      load.abort();
      await pool.end().catch(() => undefined);
      port.postMessage({ kind: 'aborted' } satisfies FromWorker);
      return;
    }
    if (failed) return;
    try {
      if (message.kind === 'page') {
        // Buffers arrive as plain Uint8Arrays.
        const keys = new Map(message.caseKeys.map(([id, key]) => [id, Buffer.from(key.buffer, key.byteOffset, key.byteLength)]));
        await load.page(new Map(message.byCase), keys, new Map(message.erasures), message.complete);
        port.postMessage({ kind: 'paged' } satisfies FromWorker);
      } else if (message.kind === 'close') {
        await load.close();
        port.postMessage({ kind: 'closed' } satisfies FromWorker);
      } else {
        const result = await load.finish();
        await pool.end();
        port.postMessage({ kind: 'finished', result } satisfies FromWorker);
      }
    } catch (error) {
      fail(error as Error);
    }
  };
  port.on('message', (message: ToWorker) => {
    tail = tail.then(() => handle(message));
  });
}
