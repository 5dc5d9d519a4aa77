import { Catch, Inject, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { Metadata, status } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { throwError, type Observable } from 'rxjs';
import { CaseError, type ErrorCode } from '../case/case-error';
import { LOGGER } from '../observability/logger';
import { loggableError } from '../observability/loggable-error';
import { RateLimitedError } from '../security/mutation-rate-limit';
import { asUnavailable } from '../storage/unavailable';

/** The contract's error codes as gRPC status codes (shared/CONTRACT.md "Errors"). */
export const GRPC_STATUS: Record<ErrorCode, status> = {
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  FORBIDDEN: status.PERMISSION_DENIED,
  BAD_USER_INPUT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  INVALID_TRANSITION: status.FAILED_PRECONDITION,
  CONFLICT: status.ABORTED,
};

/** What grpc-js sends as the call's status: code, details and trailing metadata. */
export interface GrpcError {
  code: status;
  message: string;
  details: string;
  metadata: Metadata;
}

/** GraphQL names fields as in its inputs (`receivedAt`); proto clients know them as `received_at`. */
export const protoFieldPath = (path: string) => path.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A refusal that is already a gRPC status (e.g. UNAVAILABLE while shutting down). */
export class GrpcStatusError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
    this.name = 'GrpcStatusError';
  }
}

/** The one place errors become gRPC statuses: a CaseError keeps its code and field; anything else is logged and INTERNAL. */
export function toGrpcError(error: unknown, logger: Logger): GrpcError {
  const metadata = new Metadata();
  if (error instanceof CaseError) {
    const field = error.field ? protoFieldPath(error.field) : undefined;
    const text = field ? `${field}: ${error.message.slice(error.field!.length + 2)}` : error.message;
    metadata.set('netra-error-code', error.code);
    if (field) metadata.set('netra-error-field', field);
    // The message key and its parameters (JSON), for a client that words the refusal in its own language.
    metadata.set('netra-error-key', error.key);
    metadata.set('netra-error-params', JSON.stringify(error.params ?? {}));
    return { code: GRPC_STATUS[error.code], message: text, details: text, metadata };
  }
  if (error instanceof GrpcStatusError) return { code: error.code, message: error.message, details: error.message, metadata };
  if (error instanceof RateLimitedError) return { code: status.RESOURCE_EXHAUSTED, message: error.message, details: error.message, metadata };
  const unavailable = asUnavailable(error);
  if (unavailable) {
    logger.warn({ failure: loggableError(error), recorded: unavailable.recorded !== undefined }, 'answered UNAVAILABLE (grpc): a dependency does not answer');
    metadata.set('netra-error-code', 'UNAVAILABLE');
    metadata.set('netra-error-key', 'UNAVAILABLE');
    metadata.set('retry-after-seconds', String(unavailable.retryAfterSeconds));
    if (unavailable.recorded) {
      metadata.set('netra-case-id', unavailable.recorded.caseId);
      metadata.set('netra-case-version', String(unavailable.recorded.version));
      metadata.set('netra-log-position', unavailable.recorded.position.toString());
    }
    return { code: status.UNAVAILABLE, message: unavailable.message, details: unavailable.message, metadata };
  }
  logger.error({ failure: loggableError(error) }, 'internal error (grpc)');
  const text = 'Internal error; it has been logged';
  return { code: status.INTERNAL, message: text, details: text, metadata };
}

/** Nest's exception filter for the gRPC controller: every refusal leaves through toGrpcError. */
@Catch()
export class GrpcErrorFilter implements RpcExceptionFilter<unknown> {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    const error = toGrpcError(exception, this.logger);
    return throwError(() => error);
  }
}
