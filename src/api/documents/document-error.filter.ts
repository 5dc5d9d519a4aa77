import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { CaseError, type ErrorCode } from '../../case/case-error';
import { LOGGER } from '../../observability/logger';
import { loggableError } from '../../observability/loggable-error';
import { RateLimitedError } from '../../security/mutation-rate-limit';
import { asUnavailable } from '../../storage/unavailable';

const STATUS: Record<ErrorCode, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, INVALID_TRANSITION: 409, CONFLICT: 409 };
/** Where HTTP has a word of its own: a body over the limit, a document whose key was shredded. */
const STATUS_BY_KEY: Record<string, number> = { 'document.tooLarge': 413, 'document.erased': 410 };

/**
 * The document routes' refusals as HTTP: the contract's code, key, field and params in a JSON body
 * (as the exports answer them). Logs carry code, key and field: never a file name.
 */
@Catch()
export class DocumentErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const route = res.req.route?.path ?? 'documents';
    // A refusal before the body was read: the connection cannot carry another request.
    if (!res.req.readableEnded) res.setHeader('Connection', 'close');
    if (exception instanceof CaseError) {
      this.logger.info({ route, outcome: exception.code, key: exception.key, field: exception.field }, 'document request refused');
      if (exception.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
      const status = STATUS_BY_KEY[exception.key] ?? STATUS[exception.code];
      res.status(status).json({ code: exception.code, message: exception.message, field: exception.field, key: exception.key, params: exception.params ?? {} });
      return;
    }
    if (exception instanceof RateLimitedError) {
      res.setHeader('Retry-After', String(exception.retryAfterSeconds));
      res.status(429).json({ code: 'RATE_LIMITED', message: exception.message, retryAfterSeconds: exception.retryAfterSeconds });
      return;
    }
    const unavailable = asUnavailable(exception);
    if (unavailable && !res.headersSent) {
      this.logger.warn({ route, failure: loggableError(exception) }, 'document request answered 503');
      res.status(503).setHeader('Retry-After', String(unavailable.retryAfterSeconds)).json({ code: 'UNAVAILABLE', message: unavailable.message, retryAfterSeconds: unavailable.retryAfterSeconds });
      return;
    }
    this.logger.error({ route, failure: { type: exception instanceof Error ? exception.name : typeof exception } }, 'document request failed');
    if (res.headersSent) res.destroy();
    else res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error; it has been logged' });
  }
}
