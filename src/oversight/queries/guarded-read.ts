import { sql, type SQL } from 'drizzle-orm';
import type { ReadDb } from '../../storage/read-db';

/** How reads are bounded: PostgreSQL gets a statement timeout and is cancelled when the client goes away. */
export interface ReadGuard {
  postgres: boolean;
  statementTimeoutMs: number;
}

/** The client went away: nobody will read the answer, so the work stopped. */
export class ClientGoneError extends Error {
  constructor() {
    super('the client went away; the read was stopped');
    this.name = 'ClientGoneError';
  }
}

/** A read ran past READ_STATEMENT_TIMEOUT_MS and PostgreSQL stopped it. */
export class ReadTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the read took longer than ${timeoutMs} ms and was stopped; ask for less (fewer groupings, a narrower filter)`);
    this.name = 'ReadTimeoutError';
  }
}

export type Run = (query: SQL) => Promise<Array<Record<string, unknown>>>;

/**
 * A read-only repeatable-read transaction that stops when `signal` aborts: before it starts, between
 * statements, and on PostgreSQL in the middle of one (pg_cancel_backend of this transaction's
 * backend, from another pooled connection). PostgreSQL statements also run under the timeout.
 */
export async function guardedRead<T>(db: ReadDb, guard: ReadGuard, signal: AbortSignal | undefined, work: (run: Run) => Promise<T>): Promise<T> {
  const check = () => {
    if (signal?.aborted) throw new ClientGoneError();
  };
  check();
  try {
    return await db.transaction(
      async (tx) => {
        const execute = async (query: SQL) => ((await (tx as unknown as ReadDb).execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
        let cancel: (() => void) | null = null;
        if (guard.postgres) {
          if (guard.statementTimeoutMs > 0) await execute(sql.raw(`SET LOCAL statement_timeout = ${Math.floor(guard.statementTimeoutMs)}`));
          if (signal) {
            const [{ pid }] = await execute(sql`SELECT pg_backend_pid() AS pid`);
            cancel = () => void db.execute(sql`SELECT pg_cancel_backend(${Number(pid)})`).catch(() => undefined);
            signal.addEventListener('abort', cancel, { once: true });
          }
        }
        try {
          const result = await work(async (query) => {
            check();
            return execute(query);
          });
          check();
          return result;
        } finally {
          if (cancel) signal?.removeEventListener('abort', cancel);
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  } catch (error) {
    if (signal?.aborted) throw new ClientGoneError();
    if ((error as { code?: string })?.code === '57014' || /statement timeout/.test(String((error as Error)?.message))) throw new ReadTimeoutError(guard.statementTimeoutMs);
    throw error;
  }
}
