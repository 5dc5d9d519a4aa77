/** What a log line may say about a failure: never a database error's message, which quotes the SQL and its parameters. */
export interface LoggableError {
  type: string;
  /** SQL state (e.g. 23505) or a driver's / Node's error code. */
  code?: string;
  /** The same for the error's cause, e.g. the driver error under drizzle's DrizzleQueryError. */
  cause?: { type: string; code?: string };
  /** Only for Netra's own refusals (CaseError), whose messages name a field or a stage, never a value. */
  message?: string;
}

// Names and codes are identifiers; anything else (a message smuggled into `code`, say) is left out.
const IDENTIFIER = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * Turns any thrown value into a summary fit for a log line. DrizzleQueryError's message is
 * `Failed query: …\nparams: …`, and the projection writes a batch as one JSON parameter with the
 * decrypted NIPs in it; driver messages may quote values too. So no message text is kept except
 * CaseError's.
 */
export function loggableError(error: unknown): LoggableError {
  const summary: LoggableError = { type: typeOf(error) };
  const code = codeOf(error);
  if (code !== undefined) summary.code = code;
  const cause = typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
  if (cause !== undefined && cause !== null) {
    const causeCode = codeOf(cause);
    summary.cause = { type: typeOf(cause), ...(causeCode !== undefined ? { code: causeCode } : {}) };
  }
  if (isRefusal(error)) summary.message = error.message;
  return summary;
}

/** Netra's own refusal (src/case/case-error.ts), known by its name: what logs must not import. */
const isRefusal = (error: unknown): error is Error => error instanceof Error && error.name === 'CaseError';

function typeOf(value: unknown): string {
  if (value instanceof Error) {
    // DrizzleQueryError does not set `name`: its class says more than 'Error'.
    const name = value.name === 'Error' ? value.constructor.name : value.name;
    return IDENTIFIER.test(name) ? name : 'Error';
  }
  return value === null ? 'null' : typeof value;
}

function codeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  if (typeof code !== 'string' && typeof code !== 'number') return undefined;
  const text = String(code);
  return IDENTIFIER.test(text) ? text : undefined;
}

/**
 * A one-line reason for an operator's terminal (the command-line tools): the error's own message,
 * except for a failed database statement, whose message quotes its parameters — then only what
 * loggableError keeps.
 */
export function operatorMessage(error: unknown): string {
  const summary = loggableError(error);
  const quotesParameters = error instanceof Error && /^Failed query|params:/m.test(error.message);
  if (!(error instanceof Error) || quotesParameters || summary.cause !== undefined) {
    const cause = summary.cause ? ` (cause ${summary.cause.type}${summary.cause.code ? ` ${summary.cause.code}` : ''})` : '';
    return `${summary.type}${summary.code ? ` ${summary.code}` : ''}${cause}: a database statement or call failed; its text is withheld because it may quote personal data`;
  }
  return error.message;
}
