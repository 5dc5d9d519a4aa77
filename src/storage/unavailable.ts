/**
 * Connection-class failures in one place: the database (or the way to it) did not answer, as opposed
 * to a statement it refused. These are retriable: transports answer UNAVAILABLE with a retry delay,
 * background loops back off and try again.
 */

/** Node's socket errors and PostgreSQL's SQLSTATEs that mean "no usable connection". */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// 57P01 admin shutdown (pg_terminate_backend, failover), 57P02 crash shutdown, 57P03 cannot connect now (starting up).
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);
// node-postgres says so in words only: a socket closed under a client, a pool's connect timeout.
const DRIVER_MESSAGES = [/^Connection terminated/, /^Client has encountered a connection error/, /^timeout exceeded when trying to connect$/, /^Client was closed and is not queryable$/];

/** How long a caller is told to wait before retrying. */
export const RETRY_AFTER_SECONDS = 2;

/** True when the error, or any error it wraps (drizzle's DrizzleQueryError keeps the driver's as `cause`), is connection-class. */
export function isConnectionFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof UnavailableError) return true;
    if (typeof current !== 'object') return false;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(message))) return true;
    const errors = (current as { errors?: unknown }).errors;
    // Node's AggregateError: a host name with an IPv4 and an IPv6 address refuses on both.
    if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isConnectionFailure(inner))) return true;
  }
  return false;
}

/** A store or the read model does not answer: retriable. `recorded` when a write was recorded before the failure. */
export class UnavailableError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number = RETRY_AFTER_SECONDS,
    readonly recorded?: { caseId: string; version: number; position: bigint },
  ) {
    super(message);
    this.name = 'UnavailableError';
  }
}

/** The refusal a transport sends for any connection-class failure; null for every other error. */
export function asUnavailable(error: unknown): UnavailableError | null {
  if (error instanceof UnavailableError) return error;
  if (!isConnectionFailure(error)) return null;
  return new UnavailableError('A store or service Netra depends on does not answer; retry later (a mutation with the same commandId, which never appends twice)');
}
