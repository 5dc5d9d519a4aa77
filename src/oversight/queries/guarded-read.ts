import { sql, type SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
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

/**
 * Runs one statement of the read. `prepared`: a statement asked often whose text depends only on the
 * question's shape — on node-postgres it runs as a named prepared statement (named by its text's
 * hash), so each pooled connection plans it once (generic plan after five runs, PostgreSQL's rule)
 * and receives a name instead of its text; elsewhere (PGlite) as any statement.
 */
export type Run = (query: SQL, options?: { prepared?: boolean }) => Promise<Array<Record<string, unknown>>>;

interface NodePgSessionLike {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): { execute(): Promise<{ rows: Array<Record<string, unknown>> }> };
}

/** The node-postgres session of a drizzle transaction, or null (PGlite's own, or a proxy). */
function nodePgSession(tx: unknown): NodePgSessionLike | null {
  const session = (tx as { session?: { constructor?: { name?: string }; prepareQuery?: unknown } }).session;
  return session && session.constructor?.name === 'NodePgSession' && typeof session.prepareQuery === 'function' ? (session as unknown as NodePgSessionLike) : null;
}

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
        const session = nodePgSession(tx);
        const execute = async (query: SQL, prepared = false) => {
          if (prepared && session) {
            const built = session.dialect.sqlToQuery(query);
            const name = `netra_${createHash('sha1').update(built.sql).digest('hex').slice(0, 24)}`;
            return (await session.prepareQuery(built, undefined, name, false).execute()).rows;
          }
          return ((await (tx as unknown as ReadDb).execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
        };
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
          const result = await work(async (query, options) => {
            check();
            return execute(query, options?.prepared === true);
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
