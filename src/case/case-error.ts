/** The error codes of CONTRACT.md; each transport maps them once (GraphQL extensions.code, gRPC status). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'CONFLICT';

/** A refusal: nothing is appended, the caller gets `code` and a message naming the field or stage. */
export class CaseError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Input path of the offending field, e.g. `respondents[1].nip`. */
    readonly field?: string,
    /** The values the message was built from, so a client can word it in its own language. */
    readonly params?: Record<string, string | number | boolean | null>,
  ) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'CaseError';
  }
}

export const badInput = (field: string, message: string, params?: CaseError['params']) => new CaseError('BAD_USER_INPUT', message, field, params);
export const invalidTransition = (message: string) => new CaseError('INVALID_TRANSITION', message);
export const notFound = (message: string) => new CaseError('NOT_FOUND', message);
export const forbidden = (message: string) => new CaseError('FORBIDDEN', message);
export const conflict = (message: string) => new CaseError('CONFLICT', message);
