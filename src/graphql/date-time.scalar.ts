import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { CaseError } from '../case/case-error';
import { parseInstant } from '../case/validation/dates';
import type { RefusalKey, RefusalParamValue } from '../case/refusal-keys';

/** graphql-js keeps these extensions when it wraps the error for the variable it refuses (`… at "input.knownAt"`). */
const refusal = (key: RefusalKey, params: Record<string, RefusalParamValue> = {}) => ({ extensions: { code: 'BAD_USER_INPUT', key, params } });

/**
 * `DateTime` read with the same rules as the decider: ISO-8601 with `Z` or an offset, or a bare
 * date read as 00:00 WIB; impossible dates (31 September) are refused, never rolled over, and text
 * without a time zone is refused. graphql-js then answers BAD_USER_INPUT naming the variable path.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant: ISO-8601 with Z or an offset (2024-11-27T09:30:00+07:00), or a date (2024-11-27, read as 00:00 WIB)',
  parseValue: (value) => read(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string such as 2024-11-27T09:30:00+07:00', refusal('date.required'));
    return read(ast.value);
  },
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
});

function read(value: unknown): Date {
  // Only text: String() would read ['2024-11-27'] (a list) or 20241127 (a number) as a date.
  if (typeof value !== 'string') throw new GraphQLError('DateTime must be a string such as 2024-11-27T09:30:00+07:00', refusal('date.required'));
  try {
    return parseInstant(value, 'DateTime');
  } catch (error) {
    if (error instanceof CaseError) throw new GraphQLError(error.message.replace(/^DateTime: /, ''), refusal(error.key, error.params));
    throw new GraphQLError('is not a valid DateTime', refusal('date.invalid'));
  }
}
