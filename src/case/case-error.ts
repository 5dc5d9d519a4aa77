import type { ErrorCode, RefusalKey, RefusalParams, RefusalParamValue } from './refusal-keys';

export type { ErrorCode } from './refusal-keys';

/** A refusal: nothing is appended, the caller gets `code` and a message naming the field or stage. */
export class CaseError extends Error {
  /** Stable message key (refusal-keys.ts): with `params`, what a client words in its own language. */
  readonly key: RefusalKey;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Input path of the offending field, e.g. `respondents[1].nip`. */
    readonly field?: string,
    /** The values the message was built from, so a client can word it in its own language. */
    readonly params?: Record<string, RefusalParamValue>,
    key?: RefusalKey,
  ) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'CaseError';
    this.key = key ?? code;
  }
}

/** The params argument: required where the key names parameters, absent where it names none. */
export type ParamsArg<K extends RefusalKey> = [keyof RefusalParams<K>] extends [never] ? [] : [params: RefusalParams<K>];

const paramsOf = (args: readonly unknown[]) => args[0] as Record<string, RefusalParamValue> | undefined;

export const badInput = <K extends RefusalKey>(field: string, message: string, key: K, ...params: ParamsArg<K>) =>
  new CaseError('BAD_USER_INPUT', message, field, paramsOf(params), key);
export const invalidTransition = <K extends RefusalKey>(message: string, key: K, ...params: ParamsArg<K>) =>
  new CaseError('INVALID_TRANSITION', message, undefined, paramsOf(params), key);
export const notFound = <K extends RefusalKey>(message: string, key: K, ...params: ParamsArg<K>) =>
  new CaseError('NOT_FOUND', message, undefined, paramsOf(params), key);
export const forbidden = <K extends RefusalKey>(message: string, key: K, ...params: ParamsArg<K>) =>
  new CaseError('FORBIDDEN', message, undefined, paramsOf(params), key);
export const conflict = <K extends RefusalKey>(message: string, key: K, ...params: ParamsArg<K>) =>
  new CaseError('CONFLICT', message, undefined, paramsOf(params), key);

/** A comma list as one parameter value. */
export const list = (values: readonly string[]) => values.join(',');
