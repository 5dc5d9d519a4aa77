import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { NetraMetrics } from './metrics';
import { runInRequest } from './request-context';
import { acceptRequestId } from './request-id';
import { context, SpanKind, trace } from './tracing';

/**
 * One log line and one metric sample per HTTP request, under a request id that is echoed in
 * `X-Request-Id` and carried into the metadata of the events a request appends. Only the path is
 * logged: query strings (export filters) and headers can carry personal data and tokens.
 */
export function requestLog(logger: Logger, metrics: NetraMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = acceptRequestId(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    // Read now: a router mounted further down (GraphQL at /graphql) rewrites req.path to its own.
    const path = req.path;
    const span = trace.getTracer('netra').startSpan(`${req.method} ${routeOf(path)}`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method, 'http.route': routeOf(path), 'netra.request_id': requestId },
    });
    const traceId = currentTraceIdOf(span);
    res.on('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      span.end();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(path);
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.httpSeconds.observe({ method: req.method, route }, seconds);
      // Probes and scrapes every few seconds would drown the log: they go at debug.
      const level = route === '/health' || route === '/metrics' ? 'debug' : 'info';
      logger[level]({ requestId, ...(traceId ? { traceId } : {}), method: req.method, path: path.slice(0, 200), status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    runInRequest({ requestId }, () => context.with(trace.setSpan(context.active(), span), next));
  };
}

/** A bounded label set: case ids and file names would make one time series per request. */
export function routeOf(path: string): string {
  if (path === '/graphql') return '/graphql';
  if (path.startsWith('/health')) return '/health';
  if (path === '/metrics') return '/metrics';
  if (path.startsWith('/exports/')) return '/exports';
  if (path.startsWith('/auth/')) return '/auth';
  if (path.startsWith('/cases/')) return '/cases';
  return '/console';
}

function currentTraceIdOf(span: ReturnType<typeof trace.getActiveSpan>): string | undefined {
  const spanContext = span?.spanContext();
  return spanContext && spanContext.traceFlags !== 0 ? spanContext.traceId : undefined;
}
