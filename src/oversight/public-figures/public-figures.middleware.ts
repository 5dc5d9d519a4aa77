import type { NextFunction, Request, Response } from 'express';
import type { NetraMetrics } from '../../observability/metrics';
import type { AnonymousLimits } from '../../security/anonymous-limits';
import { RateLimitedError } from '../../security/mutation-rate-limit';
import { sendPublic, type PublicFiguresCache } from './public-figures-cache';
import { summaryRequestKey } from './request-key';

/**
 * In front of Apollo on /graphql: an anonymous request whose root fields are all followUpSummary
 * is answered from the cache when the read model has not moved since its answer was computed
 * (304 when the client already holds it), or waits for the same question being computed. All else
 * — any request with an Authorization header, any other operation, a cache miss, a refusal — goes
 * to Apollo as before; a miss's clean answer is remembered on its way out. The anonymous budget is
 * spent here for what is answered here, and by Apollo's plugin for what it answers.
 */
export function publicFiguresMiddleware(cache: PublicFiguresCache, limits: AnonymousLimits, metrics: NetraMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const key = cache.enabled ? cacheKey(req) : null;
    if (key === null) return next();
    void serve(req, res, next, key).catch(next);
  };

  async function serve(req: Request, res: Response, next: NextFunction, key: string): Promise<void> {
    let position: bigint;
    try {
      position = await cache.position();
    } catch {
      // The read model does not answer: Apollo says so (UNAVAILABLE) the usual way.
      return next();
    }
    let answer = cache.fresh(key, position);
    let outcome = 'cached';
    if (!answer) {
      const underWay = cache.underWay(key, position);
      if (!underWay) return compute(res, next, key, position);
      answer = (await underWay) ?? undefined;
      outcome = 'shared';
      // Its computation was refused or abandoned: this request asks for itself.
      if (!answer) return next();
    }
    try {
      limits.take(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    } catch (error) {
      // Apollo's budget plugin refuses it in the one RATE_LIMITED shape (a refusal takes nothing).
      if (error instanceof RateLimitedError) return next();
      throw error;
    }
    metrics.publicFigures.inc({ outcome: sendPublic(cache, req, res, answer) === 'not_modified' ? 'not_modified' : outcome });
  }

  function compute(res: Response, next: NextFunction, key: string, position: bigint): void {
    const done = cache.lead(key, position);
    const original = res.send.bind(res);
    res.send = (body?: unknown) => {
      const clean = res.statusCode === 200 && typeof body === 'string' && cleanAnswer(body);
      const answer = done(clean ? { body: body as string, headers: { 'Content-Type': String(res.getHeader('content-type') ?? 'application/json; charset=utf-8') } } : null);
      if (answer) res.set(cache.validators(answer));
      metrics.publicFigures.inc({ outcome: answer ? 'computed' : 'refused' });
      return original(body);
    };
    res.once('close', () => done(null));
    next();
  }
}

function cacheKey(req: Request): string | null {
  if (req.headers.authorization !== undefined) return null;
  if (req.method === 'POST') {
    const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    if (!body || typeof body !== 'object') return null;
    return summaryRequestKey(body.query, body.variables, body.operationName, req.headers.accept);
  }
  // Apollo refuses a GET without a preflight header (CSRF prevention); so does the cache, by leaving it to Apollo.
  if (req.method === 'GET' && (req.headers['apollo-require-preflight'] || req.headers['x-apollo-operation-name'])) {
    const { query, variables, operationName } = req.query as Record<string, unknown>;
    let parsed: unknown = undefined;
    try {
      parsed = typeof variables === 'string' ? JSON.parse(variables) : variables;
    } catch {
      return null;
    }
    return summaryRequestKey(query, parsed, operationName, req.headers.accept);
  }
  return null;
}

/** A 200 with data and no error: the only answers worth serving again. */
function cleanAnswer(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return parsed.errors === undefined && parsed.data !== null && typeof parsed.data === 'object';
  } catch {
    return false;
  }
}
