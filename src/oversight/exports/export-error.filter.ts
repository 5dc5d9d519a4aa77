import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { CaseError, type ErrorCode } from '../../case/case-error';
import { LOGGER } from '../../observability/logger';
import { loggableError } from '../../observability/loggable-error';
import { asUnavailable } from '../../storage/unavailable';
import { RateLimitedError } from '../../security/mutation-rate-limit';

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
};

/**
 * The exports' refusals as HTTP: the contract's code and the field in a JSON body, under the status
 * that says the same. The app-wide filter speaks GraphQL, so the exports controller uses this one.
 * Logs carry the code and field only: query strings may hold a NIP.
 */
@Catch()
export class ExportErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof CaseError) {
      this.logger.info({ export: res.req.path, outcome: exception.code, field: exception.field }, 'export refused');
      if (exception.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(STATUS[exception.code]).json({ code: exception.code, message: exception.message, field: exception.field, key: exception.key, params: exception.params ?? {} });
      return;
    }
    const unavailable = asUnavailable(exception);
    if (unavailable) {
      this.logger.warn({ export: res.req.path, failure: loggableError(exception) }, 'export answered 503: a dependency does not answer');
      if (res.headersSent) res.destroy();
      else res.status(503).setHeader('Retry-After', String(unavailable.retryAfterSeconds)).json({ code: 'UNAVAILABLE', message: unavailable.message, retryAfterSeconds: unavailable.retryAfterSeconds });
      return;
    }
    if (exception instanceof RateLimitedError) {
      this.logger.info({ export: res.req.path, outcome: 'RATE_LIMITED' }, 'export refused');
      res.setHeader('Retry-After', String(exception.retryAfterSeconds));
      res.status(429).json({ code: 'RATE_LIMITED', message: exception.message, retryAfterSeconds: exception.retryAfterSeconds });
      return;
    }
    // Only the error's type: a driver's message may quote the SQL parameters, a NIP among them.
    this.logger.error({ export: res.req.path, failure: { type: exception instanceof Error ? exception.name : typeof exception } }, 'export failed');
    // After the first bytes the status is gone: cut the download off so it cannot pass for a whole file.
    if (res.headersSent) res.destroy();
    else res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error; it has been logged' });
  }
}
