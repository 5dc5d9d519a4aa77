import type { SQLWrapper } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { ReadDb } from '../../storage/read-db';

/** A statement the projection writes: drizzle's `sql` or a query builder. */
export type Statement = SQLWrapper;

const dialect = new PgDialect();

/**
 * Sends the statements of one projection batch in one round trip, to run in order inside the
 * caller's transaction, each seeing the ones before (a failure stops the batch and the transaction
 * rolls back, as one statement at a time would). Each statement used to be its own round trip, and
 * under write load each round trip also waits its turn on a busy event loop (or the embedded
 * database's thread): that, ~18 times per batch, was the projection lag (README, "Projection lag
 * (session 8)").
 *
 * PostgreSQL: pipelined (pg's pipeline mode for these statements only): every statement keeps its
 * parameters, so a failing one is logged by the server with `$n` placeholders, never with the
 * batch's values (decrypted NIPs among them). Embedded: PGlite takes no pipeline through its API,
 * so the statements go as one multi-statement `exec` with the parameters inlined as quoted
 * literals — untyped, as the extended protocol sends them, so every cast and type inference stays
 * what it was; PGlite writes no server log.
 */
export async function inOneRoundTrip(tx: ReadDb, statements: readonly Statement[]): Promise<void> {
  if (statements.length === 0) return;
  try {
    await send(rawClient(tx), statements);
  } catch (error) {
    throw failedBatch(statements.length, error);
  }
}

async function send(client: ReturnType<typeof rawClient>, statements: readonly Statement[]): Promise<void> {
  if (typeof client.exec === 'function') return void (await client.exec(statements.map((s) => inlined(s)).join(';\n')));
  const pg = client as PgClient;
  const was = pg.pipeline;
  pg.pipeline = true;
  try {
    const texts = statements.map((s) => rendered(s));
    const sent = corked(pg, () => texts.map(({ sql, params }) => pg.query(sql, params)));
    // Every answer is awaited (none left unhandled); the first failure is the one to report.
    const failed = (await Promise.allSettled(sent)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    pg.pipeline = was;
  }
}

/**
 * Runs reads on the caller's transaction (after the raw `opening` statements) and answers them in order: on PostgreSQL all in one round
 * trip (each read is issued while pg's pipeline mode is on, so they go out without waiting for each
 * other's answers), embedded one after the other. Every answer is awaited; the first failure is
 * thrown (the transaction then rolls back). The reads must not depend on each other.
 */
export async function together(tx: ReadDb, reads: ReadonlyArray<() => Promise<unknown>>, opening: readonly string[] = []): Promise<unknown[]> {
  const client = rawClient(tx);
  if (typeof client.exec === 'function') {
    for (const text of opening) await client.exec(text);
    const answers: unknown[] = [];
    for (const read of reads) answers.push(await read());
    return answers;
  }
  const pg = client as PgClient;
  const was = pg.pipeline;
  pg.pipeline = true;
  let settled: PromiseSettledResult<unknown>[];
  try {
    // `opening` (the batch's BEGIN, batch-transaction.ts) is queued first, before any read is issued.
    const issued = corked(pg, () => [...opening.map((text) => pg.query(text, [])), ...reads.map((read) => read())]);
    settled = await Promise.allSettled(issued);
  } finally {
    pg.pipeline = was;
  }
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.slice(opening.length).map((r) => (r as PromiseFulfilledResult<unknown>).value);
}

/**
 * A failure reads as one statement's would (drizzle's DrizzleQueryError around the driver's error,
 * whose SQL state the logs keep: observability/loggable-error.ts), but names no statement: the
 * batch's text carries its values inlined (decrypted NIPs among them), so neither the wrapper nor
 * the driver's error keeps it (PGlite's error copies the failed text into `query`).
 */
function failedBatch(count: number, error: unknown): DrizzleQueryError {
  if (typeof error === 'object' && error !== null) {
    for (const field of ['query', 'params', 'internalQuery'] as const) if (field in error) delete (error as Record<string, unknown>)[field];
  }
  return new DrizzleQueryError(`one round trip of ${count} projection statements (text withheld: it carries the batch's values)`, [], error as Error);
}

type PgClient = { pipeline?: boolean; query(sql: string, params: unknown[]): Promise<unknown>; connection?: { stream?: { cork?: () => void; uncork?: () => void } } };

/**
 * Issues pipelined statements with the connection's socket corked, so they leave in one write instead
 * of one each (a write on loopback TCP runs the kernel's path for it in the sending thread: 10-14 % of
 * the main thread in the steady phase's profile). Uncorked on the next tick, once the reads that drizzle
 * issues a few promise steps later (together()) are queued too; the order on the wire is unchanged.
 */
function corked<T>(pg: PgClient, issue: () => T): T {
  const stream = pg.connection?.stream;
  if (typeof stream?.cork !== 'function' || typeof stream.uncork !== 'function') return issue();
  stream.cork();
  try {
    return issue();
  } finally {
    process.nextTick(() => stream.uncork!());
  }
}

function rendered(statement: Statement): { sql: string; params: unknown[] } {
  // A query builder renders itself (with its own dialect and the columns' value mapping).
  const built = statement as SQLWrapper & { toSQL?: () => { sql: string; params: unknown[] } };
  return typeof built.toSQL === 'function' ? built.toSQL() : dialect.sqlToQuery(statement.getSQL());
}

/** The statement's text with its parameters as literals. */
export function inlined(statement: Statement): string {
  const { sql, params } = rendered(statement);
  return sql.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
}

/** PostgreSQL's own quoting (libpq's PQescapeLiteral, pg's escapeLiteral): right whatever standard_conforming_strings says. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'object' && !(value instanceof Date)) throw new Error('a parameter to inline must be text, a number or a date');
  const text = value instanceof Date ? value.toISOString() : String(value);
  const quoted = `'${text.replace(/'/g, "''")}'`;
  return text.includes('\\') ? ` E${quoted.replace(/\\/g, '\\\\')}` : quoted;
}

/** The driver's connection under drizzle's transaction: PGlite's Transaction or pg's PoolClient. */
function rawClient(tx: ReadDb): { exec?: (sql: string) => Promise<unknown>; query?: (sql: string) => Promise<unknown> } {
  const session = (tx as unknown as { session?: { client?: unknown } }).session;
  const client = session?.client as { exec?: (sql: string) => Promise<unknown>; query?: (sql: string) => Promise<unknown> } | undefined;
  if (!client || (typeof client.exec !== 'function' && typeof client.query !== 'function')) throw new Error('no database client under this transaction');
  return client;
}
