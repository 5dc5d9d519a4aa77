import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RecordedEvent } from '../../event-store/event-store';
import type { FoldWorkerData, FromWorker, ToWorker } from './fold-worker';
import type { PartitionLoad, PartitionResult } from './partition-load';

/**
 * The partitions of the PostgreSQL bulk load (copy-load.ts), as the load drives them: in this
 * thread (a `PartitionLoad` behind a queue, so pages run one after another) or in a worker thread of
 * their own (fold-worker.ts), where the fold, the COPY lines and their sockets no longer share the
 * main thread with reading and decoding the log.
 */
export interface Partition {
  /** Resolves once the page's rows of this partition are written into its COPY streams (pages run in order). */
  page(byCase: Map<string, RecordedEvent[]>, caseKeys: ReadonlyMap<string, Buffer>, erasures: ReadonlyMap<string, RecordedEvent[]>, complete?: boolean): Promise<void>;
  /** After the last page: the timeline and versions committed, later pages' closings applied. */
  close(): Promise<void>;
  /** After `close`: the current rows written; their counts and the withdrawals returned. */
  finish(): Promise<PartitionResult>;
  /** Gives up: open COPYs are rolled back, a worker ends. */
  abort(): Promise<void>;
}

export function inProcess(load: PartitionLoad): Partition {
  let tail: Promise<unknown> = Promise.resolve();
  let failure: unknown = null;
  // After a failure nothing queued behind it runs: the load is being given up.
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(() => (failure === null ? work() : Promise.reject(failure)));
    tail = next.catch((error: unknown) => void (failure ??= error));
    return next;
  };
  return {
    page: (byCase, caseKeys, erasures, complete) => queued(() => load.page(byCase, caseKeys, erasures, complete)),
    close: () => queued(() => load.close()),
    finish: () => queued(() => load.finish()),
    abort: async () => load.abort(),
  };
}

/** dist/ holds the compiled worker; from the TypeScript sources (tests) it is compiled on load. */
function workerScript(): { script: string; evaluated: boolean } {
  const compiled = join(__dirname, 'fold-worker.js');
  if (existsSync(compiled)) return { script: compiled, evaluated: false };
  const source = join(__dirname, 'fold-worker.ts');
  return { script: `require('ts-node').register({ transpileOnly: true }); require(${JSON.stringify(source)});`, evaluated: true };
}

/** A partition in a worker thread of its own; rejects every call from its first failure on. */
export function inWorker(data: FoldWorkerData): Partition {
  const { script, evaluated } = workerScript();
  const worker = new Worker(script, { eval: evaluated, workerData: data });
  // Pages and the close, answered in the order they were sent.
  const pages: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  let finishing: { resolve: (result: PartitionResult) => void; reject: (error: Error) => void } | null = null;
  let failure: Error | null = null;
  let ended = false;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const page of pages.splice(0)) page.reject(failure);
    finishing?.reject(failure);
    finishing = null;
  };
  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'paged' || message.kind === 'closed') pages.shift()?.resolve();
    else if (message.kind === 'finished') (ended = true), finishing?.resolve(message.result as PartitionResult);
    else if (message.kind === 'failed') failAll(Object.assign(new Error(message.message), { stack: message.stack }));
  });
  worker.on('error', (error: Error) => failAll(error));
  worker.on('exit', (code) => {
    if (!ended) failAll(new Error(`bulk load: a fold worker ended (exit code ${code}) before its partition was finished`));
  });
  const send = (message: ToWorker) => worker.postMessage(message);
  return {
    page(byCase, caseKeys, erasures, complete) {
      if (failure) return Promise.reject(failure);
      return new Promise<void>((resolve, reject) => {
        pages.push({ resolve, reject });
        send({ kind: 'page', byCase: [...byCase], caseKeys: [...caseKeys], erasures: [...erasures], complete: complete === true });
      });
    },
    close() {
      if (failure) return Promise.reject(failure);
      return new Promise<void>((resolve, reject) => {
        pages.push({ resolve, reject });
        send({ kind: 'close' });
      });
    },
    finish() {
      if (failure) return Promise.reject(failure);
      return new Promise<PartitionResult>((resolve, reject) => {
        finishing = { resolve, reject };
        send({ kind: 'finish' });
      }).finally(() => void worker.terminate());
    },
    async abort() {
      ended = true;
      // The worker rolls its COPYs back and ends its pool; terminated regardless after a moment.
      const aborted = new Promise<void>((resolve) => {
        worker.on('message', (message: FromWorker) => message.kind === 'aborted' && resolve());
        worker.once('exit', () => resolve());
        setTimeout(resolve, 2000).unref();
      });
      send({ kind: 'abort' });
      await aborted;
      await worker.terminate();
    },
  };
}
