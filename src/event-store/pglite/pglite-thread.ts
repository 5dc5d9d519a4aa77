/**
 * The embedded database in a worker thread (pglite-worker.cjs), behind the part of PGlite's
 * interface Netra uses: query, exec, transaction (query, exec, rollback inside it), dumpDataDir and
 * close. PostgreSQL runs on another core, so a slow statement no longer stops HTTP, /health or the
 * projection, and at start-up the database opens while the application's modules load.
 *
 * Same semantics as PGlite on this thread: every call goes to PGlite's own method in the worker, so
 * its locks order them as before (one transaction at a time; a statement outside it waits for it to
 * end). Errors come back as PGlite's classes with PostgreSQL's fields (code, detail, constraint, …).
 * Parsers are functions and stay here: the worker returns those types as text and they are parsed
 * on this side, as PGlite would have.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { messages, TransactionAbortedError, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';

/** What Netra calls on the embedded database, on this thread or across it. */
export type EmbeddedClient = Pick<PGlite, 'query' | 'exec' | 'transaction' | 'dumpDataDir' | 'close'>;

/** dist/ holds a copy (nest-cli.json assets); a build by tsc alone does not, and the source is used. */
const WORKER_FILE = [join(__dirname, 'pglite-worker.cjs'), join(__dirname, '..', '..', '..', 'src', 'event-store', 'pglite', 'pglite-worker.cjs')].find((file) => existsSync(file));

interface PlainError {
  kind: string;
  name?: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

type Reply = { id: number; ok: true; result: unknown; at?: [number, number] } | { id: number; ok: false; error: PlainError };

/**
 * Where one statement's time went (milliseconds since the epoch, comparable between threads):
 * posted by this thread, taken from the queue by the database's thread, answered there, and the
 * answer handled here. Recorded only while `PgliteThread.timing` is set (the bench).
 */
export interface StatementTiming {
  op: string;
  sql: string;
  posted: number;
  received: number;
  replied: number;
  handled: number;
}

const now = () => performance.timeOrigin + performance.now();

export interface ThreadOptions {
  dataDir: string;
  startParams?: string[];
  /** Load the pg_trgm extension (the read model's search). */
  trigram: boolean;
}

/** Starts PGlite in a worker; resolves once it is open, rejects with PGlite's own error when it does not start. */
export function startPgliteThread(options: ThreadOptions): Promise<PgliteThread> {
  if (!WORKER_FILE) return Promise.reject(new Error('pglite-worker.cjs is missing beside pglite-thread.js: build with npm run build'));
  const worker = new Worker(WORKER_FILE, { workerData: options });
  const thread = new PgliteThread(worker);
  return thread.opened.then(
    () => thread,
    async (error) => {
      await worker.terminate();
      throw error;
    },
  );
}

export class PgliteThread implements EmbeddedClient {
  /** Set by the bench to see where statements wait (StatementTiming); null otherwise, and nothing is measured. */
  static timing: ((timing: StatementTiming) => void) | null = null;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; options?: QueryOptions; origin?: Error; timed?: { op: string; sql: string; posted: number } }>();
  private nextId = 1;
  private exited: Error | null = null;
  private closing: Promise<void> | null = null;
  readonly opened: Promise<void>;

  constructor(private readonly worker: Worker) {
    this.opened = new Promise((resolve, reject) => this.pending.set(0, { resolve: () => resolve(), reject }));
    worker.on('message', (reply: Reply) => this.answer(reply));
    worker.on('error', (error) => this.stop(error));
    worker.on('exit', (code) => this.stop(new Error(`the embedded database's thread ended (exit code ${code})`)));
  }

  get closed(): boolean {
    return this.closing !== null || this.exited !== null;
  }

  async query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.statement<Results<T>>('query', undefined, { sql, params }, options);
  }

  async exec(sql: string, options?: QueryOptions): Promise<Array<Results>> {
    return this.statement<Array<Results>>('exec', undefined, { sql }, options);
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = (await this.call('begin', {})) as number;
    let closed = false;
    const check = () => {
      if (closed) throw new Error('Transaction is closed');
    };
    const handle = {
      query: async <R>(sql: string, params?: unknown[], options?: QueryOptions) => (check(), this.statement<Results<R>>('query', tx, { sql, params }, options)),
      exec: async (sql: string, options?: QueryOptions) => (check(), this.statement<Array<Results>>('exec', tx, { sql }, options)),
      rollback: async () => {
        check();
        await this.call('rollback', { tx });
        closed = true;
      },
      sql: () => Promise.reject(new Error('tx.sql is not available on the embedded database thread: use tx.query')),
      listen: () => Promise.reject(new Error('listen is not available on the embedded database thread')),
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let result: T;
    try {
      result = await work(handle);
    } catch (error) {
      closed = true;
      await this.call('end', { tx, outcome: 'abort' }).catch(() => undefined);
      throw error;
    }
    closed = true;
    await this.call('end', { tx, outcome: 'commit' });
    return result;
  }

  async dumpDataDir(compression?: 'auto' | 'gzip' | 'none'): Promise<File | Blob> {
    const bytes = (await this.call('dump', { compression })) as ArrayBuffer;
    return new Blob([bytes]);
  }

  async close(): Promise<void> {
    this.closing ??= (async () => {
      if (!this.exited) await this.call('close', {}, true).catch(() => undefined);
      await this.worker.terminate();
    })();
    return this.closing;
  }

  /** Sends a statement; the types the caller parses itself come back as text and are parsed here. */
  private async statement<T>(op: 'query' | 'exec', tx: number | undefined, body: Record<string, unknown>, options?: QueryOptions): Promise<T> {
    if (options?.serializers) throw new Error('custom serializers are not available on the embedded database thread');
    const { parsers, ...rest } = options ?? {};
    const textTypes = parsers ? Object.keys(parsers).map(Number) : [];
    const sent = options ? { ...rest, textTypes } : undefined;
    const result = await this.call(op, { ...body, tx, options: sent }, false, options);
    if (parsers && textTypes.length > 0) {
      for (const one of op === 'exec' ? (result as Results[]) : [result as Results]) parseTextTypes(one, parsers);
    }
    return result as T;
  }

  private call(op: string, body: Record<string, unknown>, evenClosing = false, options?: QueryOptions): Promise<unknown> {
    if (this.closing && !evenClosing) return Promise.reject(new Error('PGlite is closed'));
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    // Referenced only while a call is out, as PGlite on this thread would be: an idle database does not keep the process alive.
    if (this.pending.size === 0) this.worker.ref();
    const timed = PgliteThread.timing !== null && op !== 'dump' && op !== 'close' ? { op, sql: String(body.sql ?? op), posted: now() } : undefined;
    return new Promise((resolve, reject) => {
      // The caller's stack is captured here but formatted (`.stack`) only if the call fails: formatting it on every call cost the main thread ~0.1 ms a call.
      this.pending.set(id, { resolve, reject, options, origin: new Error(), timed });
      this.worker.postMessage(timed ? { id, op, timed: true, ...body } : { id, op, ...body });
    });
  }

  private answer(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (waiting.timed && reply.ok && reply.at) PgliteThread.timing?.({ ...waiting.timed, received: reply.at[0], replied: reply.at[1], handled: now() });
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(rebuildError(reply.error, waiting.options, waiting.origin?.stack));
  }

  private stop(error: Error): void {
    this.exited ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/** PGlite's error class again, with every field PostgreSQL sent; the stack shows both threads. */
function rebuildError(plain: PlainError, options: QueryOptions | undefined, callerStack: string | undefined): Error {
  let error: Error;
  if (plain.kind === 'DatabaseError') {
    error = new messages.DatabaseError(plain.message, Number(plain.fields.length ?? 0), (plain.fields.name as messages.MessageName) ?? 'error');
  } else if (plain.kind === 'TransactionAbortedError') {
    error = new TransactionAbortedError();
  } else {
    error = new Error(plain.message);
    if (plain.name) error.name = plain.name;
  }
  Object.assign(error, plain.fields);
  if (options) Object.assign(error, { queryOptions: options });
  error.message = plain.message;
  error.stack = `${plain.stack ?? `${error.name}: ${plain.message}`}\n    --- on the embedded database thread, called from:${(callerStack ?? '').replace(/^Error\n?/, '\n')}`;
  return error;
}

function parseTextTypes(result: Results, parsers: NonNullable<QueryOptions['parsers']>): void {
  const objects = result.rows.length > 0 && !Array.isArray(result.rows[0]);
  // In object rows a repeated column name holds the last column's value, parsed once.
  const last = new Map(result.fields.map((field, index) => [field.name, index]));
  const columns = result.fields
    .map((field, index) => ({ index, name: field.name, parse: parsers[field.dataTypeID] as ((value: string) => unknown) | undefined }))
    .filter((column) => column.parse !== undefined && !(objects && last.get(column.name) !== column.index));
  if (columns.length === 0) return;
  for (const row of result.rows as Array<Record<string, unknown> | unknown[]>) {
    for (const column of columns) {
      const key = Array.isArray(row) ? column.index : column.name;
      const value = (row as Record<string | number, unknown>)[key];
      if (value !== null && value !== undefined) (row as Record<string | number, unknown>)[key] = column.parse!(value as string);
    }
  }
}
