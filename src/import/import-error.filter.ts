import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { CaseError, type ErrorCode } from '../case/case-error';
import { WIB } from '../case/time-zones';
import { wordRefusal } from '../words/refusal-words';
import { LOGGER } from '../observability/logger';
import { loggableError } from '../observability/loggable-error';
import { RateLimitedError } from '../security/mutation-rate-limit';
import { asUnavailable } from '../storage/unavailable';

const STATUS: Record<ErrorCode, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, INVALID_TRANSITION: 409, CONFLICT: 409 };
const STATUS_BY_KEY: Record<string, number> = { 'import.tooLarge': 413 };

/**
 * The import's refusals as HTTP: code, key, field and params as every refusal carries them, and the
 * message in the request's language (Indonesian unless lang=en), like the rows of the report. Logs
 * carry code, key and field: never a cell or a file name.
 */
@Catch()
export class ImportErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    if (!req.readableEnded) res.setHeader('Connection', 'close');
    if (exception instanceof CaseError) {
      this.logger.info({ route: 'imports', outcome: exception.code, key: exception.key, field: exception.field }, 'import refused');
      if (exception.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
      const lang = req.query?.lang === 'en' ? 'en' : 'id';
      const params = exception.params ?? {};
      const message = wordRefusal({ code: exception.code, key: exception.key, params, message: exception.message }, { lang, zone: WIB });
      res.status(STATUS_BY_KEY[exception.key] ?? STATUS[exception.code]).json({ code: exception.code, message, field: exception.field ?? null, key: exception.key, params });
      return;
    }
    if (exception instanceof RateLimitedError) {
      res.setHeader('Retry-After', String(exception.retryAfterSeconds));
      res.status(429).json({ code: 'RATE_LIMITED', message: exception.message, retryAfterSeconds: exception.retryAfterSeconds });
      return;
    }
    const unavailable = asUnavailable(exception);
    if (unavailable && !res.headersSent) {
      this.logger.warn({ route: 'imports', failure: loggableError(exception) }, 'import answered 503');
      res.status(503).setHeader('Retry-After', String(unavailable.retryAfterSeconds)).json({ code: 'UNAVAILABLE', message: unavailable.message, retryAfterSeconds: unavailable.retryAfterSeconds });
      return;
    }
    this.logger.error({ route: 'imports', failure: { type: exception instanceof Error ? exception.name : typeof exception } }, 'import failed');
    if (res.headersSent) res.destroy();
    else res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error; it has been logged' });
  }
}
