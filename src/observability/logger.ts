import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs (pino). Personal data never goes in: code logs ids, codes and counts only,
 * and these paths are redacted in case an object with them slips through.
 */
export const REDACTED_PATHS = [
  'nip', '*.nip', 'nrp', '*.nrp', 'nik', '*.nik', 'name', '*.name', 'reporter', '*.reporter', 'respondents', '*.respondents',
  'req.headers.authorization', 'headers.authorization', 'authorization', 'token', 'variables', '*.variables',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, base: { service: 'netra' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's logger interface on top of pino, so framework messages come out as the same JSON lines. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

export const LOGGER = Symbol('LOGGER');
