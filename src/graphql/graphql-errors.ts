import { ArgumentsHost, BadRequestException, Catch, Inject } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { CaseError } from '../case/case-error';
import { LOGGER } from '../observability/logger';
import { loggableError } from '../observability/loggable-error';
import { RateLimitedError } from '../security/mutation-rate-limit';
import { asUnavailable, type UnavailableError } from '../storage/unavailable';
import { ClientGoneError, ReadTimeoutError } from '../oversight/queries/guarded-read';

/**
 * The one place errors become GraphQL errors: a CaseError keeps its contract code and field; anything
 * unexpected is logged (type and codes only, see loggableError: a database error's message quotes the
 * SQL parameters, a NIP among them) and answered as a bare internal error, no stack, no SQL.
 */
@Catch()
export class GraphqlErrorFilter implements GqlExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, _host: ArgumentsHost): GraphQLError {
    if (exception instanceof CaseError) {
      return new GraphQLError(exception.message, {
        extensions: { code: exception.code, field: exception.field, key: exception.key, params: exception.params ?? {} },
      });
    }
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof RateLimitedError) {
      return new GraphQLError(exception.message, {
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: exception.retryAfterSeconds, key: 'RATE_LIMITED', params: { retryAfterSeconds: exception.retryAfterSeconds } },
      });
    }
    const unavailable = asUnavailable(exception);
    if (unavailable) {
      this.logger.warn({ failure: loggableError(exception), recorded: unavailable.recorded !== undefined }, 'answered UNAVAILABLE: a dependency does not answer');
      return unavailableGraphqlError(unavailable);
    }
    // Nobody is listening for this answer: not a failure worth an error line.
    if (exception instanceof ClientGoneError) return new GraphQLError(exception.message, { extensions: { code: 'CLIENT_CLOSED_REQUEST' } });
    if (exception instanceof ReadTimeoutError) {
      return new GraphQLError(exception.message, {
        extensions: { code: 'UNAVAILABLE', retryAfterSeconds: 60, timeoutMs: exception.timeoutMs, key: 'UNAVAILABLE', params: { retryAfterSeconds: 60 } },
      });
    }
    if (exception instanceof BadRequestException) {
      return new GraphQLError(String((exception.getResponse() as { message?: unknown }).message ?? exception.message), {
        extensions: { code: 'BAD_USER_INPUT', key: 'BAD_USER_INPUT', params: {} },
      });
    }
    this.logger.error({ failure: loggableError(exception) }, 'internal error');
    return new GraphQLError(INTERNAL, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}

const INTERNAL = 'Internal error; it has been logged';

/** UNAVAILABLE: retriable; for a write already recorded, the case's new version and log position (a decimal string). */
export function unavailableGraphqlError(error: UnavailableError): GraphQLError {
  const recorded = error.recorded ? { caseId: error.recorded.caseId, version: error.recorded.version, position: error.recorded.position.toString() } : {};
  return new GraphQLError(error.message, {
    extensions: { code: 'UNAVAILABLE', retryAfterSeconds: error.retryAfterSeconds, ...recorded, key: 'UNAVAILABLE', params: { retryAfterSeconds: error.retryAfterSeconds, ...recorded } },
  });
}

/**
 * Apollo's last word on every error it sends. Input graphql-js refuses without a code (more than 50
 * bad variable values) is BAD_USER_INPUT; any other uncoded or internal error — from Apollo itself,
 * e.g. a failed context, not only from resolvers — is logged (type and codes, loggableError) and
 * answered bare, with no stack.
 */
export function formatGraphqlError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (formatted.message.startsWith('Too many errors processing variables')) {
      return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const unavailable = code === 'UNAVAILABLE' ? null : asUnavailable(thrown(error));
    if (unavailable) {
      // Raised outside a resolver (e.g. while building the request's context): still retriable.
      logger.warn({ failure: loggableError(thrown(error)), path: formatted.path }, 'answered UNAVAILABLE: a dependency does not answer');
      const { message, extensions } = unavailableGraphqlError(unavailable);
      return { message, extensions, ...(formatted.path ? { path: formatted.path } : {}) };
    }
    if (code === 'BAD_USER_INPUT' && formatted.extensions?.key === undefined) {
      // graphql-js refusing a variable (an enum value it does not know, a missing field): a key all the same.
      const key = /does not exist in "\w+" enum/.test(formatted.message) ? 'value.notOneOf' : 'BAD_USER_INPUT';
      return { ...formatted, extensions: { ...formatted.extensions, key, params: key === 'value.notOneOf' ? { allowed: '' } : {} } };
    }
    if ((code === undefined || code === 'INTERNAL_SERVER_ERROR') && formatted.message !== INTERNAL) {
      // Not the message: it is the thrown error's, and a database error's quotes the SQL parameters.
      logger.error({ failure: loggableError(thrown(error)), path: formatted.path }, 'internal error');
      return { message: INTERNAL, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    return formatted;
  };
}

/** The error that was thrown, out of the GraphQLError Apollo wraps it in (a resolver's, or "Context creation failed"). */
function thrown(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}
