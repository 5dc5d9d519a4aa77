import type { BusyCode, ErrorCode as RefusalCode } from '../../../case/refusal-keys';
import { currentToken, signOut } from '../auth/session';

/** The server's codes (src/case/refusal-keys.ts: the contract's, and too busy) plus what can go wrong on the way. */
export type ErrorCode = RefusalCode | BusyCode | 'NETWORK' | 'INTERNAL_SERVER_ERROR';

/** A refused request: the code, the server's message and, for BAD_USER_INPUT, the input path it names. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** e.g. `respondents[0].nip`, relative to the mutation's `input`. */
    readonly field?: string,
    /** The message key and its parameters (src/case/refusal-keys.ts): the console words the refusal from these. */
    readonly key?: string,
    readonly params?: Record<string, unknown>,
  ) {
    super(message);
  }
}

interface GraphqlError {
  message: string;
  extensions?: { code?: string; field?: string; key?: string; params?: Record<string, unknown> };
}

/** POST /graphql with the session's bearer token; the first error becomes an ApiError. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'Netra could not be reached');
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: GraphqlError[] };
  const error = body.errors?.[0];
  if (error) {
    const code = (error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') as ErrorCode;
    // An expired or revoked token: back to the sign-in page rather than a page of errors.
    if (code === 'UNAUTHENTICATED') signOut();
    throw new ApiError(code, error.message, fieldOf(error), error.extensions?.key ?? code, error.extensions?.params ?? {});
  }
  if (!response.ok || body.data === undefined) throw new ApiError('INTERNAL_SERVER_ERROR', `HTTP ${response.status}`);
  return body.data;
}

/**
 * The decider names the field in extensions.field; graphql-js, refusing a variable before any
 * resolver runs (a malformed DateTime), names it only in the message: `… at "input.knownAt"`.
 */
function fieldOf(error: GraphqlError): string | undefined {
  if (error.extensions?.field) return error.extensions.field;
  return /at "input\.([^"]+)"/.exec(error.message)?.[1];
}
