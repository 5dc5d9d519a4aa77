import type { NextFunction, Request, Response } from 'express';
import type { ConcurrencyGate } from './concurrency-gate';

/**
 * In front of what answers anonymous callers with work (GraphQL after the public-figures cache,
 * the summary exports): requests without an Authorization header are served at most
 * `gate.concurrent` at a time, the rest wait in line (holding only a socket, no CPU), so a crowd of
 * anonymous clients asking the most expensive question queues up instead of taking turns on the
 * server's thread with `/health` and every officer's request. Beyond the line, or after waiting
 * `gate.maxWaitMs`: RATE_LIMITED with `retryAfterSeconds`, in the transport's own shape.
 */
export function anonymousGate(gate: ConcurrencyGate, shape: 'graphql' | 'export', counted: (outcome: 'admitted' | 'queued' | 'refused') => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.headers.authorization !== undefined) return next();
    const queued = gate.inFlight >= gate.concurrent;
    void gate
      .enter((cancel) => res.once('close', cancel))
      .then((release) => {
        if (res.destroyed || res.writableEnded) {
          release?.();
          return;
        }
        if (release === null) {
          counted('refused');
          return refuse(res, shape, Math.max(1, Math.ceil(gate.maxWaitMs / 1000 / 2)));
        }
        counted(queued ? 'queued' : 'admitted');
        res.once('close', release);
        next();
      }, next);
  };
}

function refuse(res: Response, shape: 'graphql' | 'export', retryAfterSeconds: number): void {
  const message = `too many requests without a token are being answered; retry in ${retryAfterSeconds} s`;
  res.setHeader('Retry-After', String(retryAfterSeconds));
  if (shape === 'export') {
    res.status(429).json({ code: 'RATE_LIMITED', message, retryAfterSeconds });
    return;
  }
  res.status(429).json({
    errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds, key: 'RATE_LIMITED', params: { retryAfterSeconds } } }],
  });
}
