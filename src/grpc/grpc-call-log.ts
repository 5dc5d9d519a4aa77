import { Metadata, ServerInterceptingCall, status, type ServerInterceptor } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { NetraMetrics } from '../observability/metrics';
import { runInRequest } from '../observability/request-context';
import { acceptRequestId } from '../observability/request-id';
import { context, SpanKind, trace } from '../observability/tracing';

const REQUEST_ID = 'x-request-id';

/** Probes answer every few seconds, as /health does over HTTP: logged at debug. */
const PROBES = /^\/grpc\.(health|reflection)\./;

/**
 * gRPC's side of the HTTP request log (src/observability/request-log.ts): every call is served under
 * a request id (the caller's `x-request-id` metadata if it is an id, else a new UUID) that is
 * returned in the response metadata and carried into the metadata of the events the call appends;
 * one log line and one metric sample per call. Only the method and the status code are logged: the
 * messages and the other metadata (the token) can carry personal data.
 */
export function grpcCallLog(logger: Logger, metrics: NetraMetrics, methods: ReadonlySet<string>): ServerInterceptor {
  return (descriptor, call) => {
    // A bounded label set: a path nobody serves (answered UNIMPLEMENTED) is counted as one.
    const method = methods.has(descriptor.path) ? descriptor.path : 'unknown';
    const started = process.hrtime.bigint();
    let requestId = acceptRequestId(undefined);
    let metadataSent = false;
    const span = trace.getTracer('netra').startSpan(`grpc ${method}`, {
      kind: SpanKind.SERVER,
      attributes: { 'rpc.system': 'grpc', 'rpc.method': method },
    });
    const served = <T>(work: () => T): T => runInRequest({ requestId }, () => context.with(trace.setSpan(context.active(), span), work));
    return new ServerInterceptingCall(call, {
      start: (next) =>
        next({
          onReceiveMetadata: (metadata, nextMetadata) => {
            requestId = acceptRequestId(metadata.get(REQUEST_ID)[0]);
            span.setAttribute('netra.request_id', requestId);
            nextMetadata(metadata);
          },
          // The handler runs when the request is complete: inside the request's context, so the command and its events name it.
          onReceiveMessage: (message, nextMessage) => served(() => nextMessage(message)),
          onReceiveHalfClose: (nextHalfClose) => served(() => nextHalfClose()),
        }),
      sendMetadata: (metadata, nextMetadata) => {
        metadataSent = true;
        metadata.set(REQUEST_ID, requestId);
        nextMetadata(metadata);
      },
      sendStatus: (sent, nextStatus) => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const code = status[sent.code] ?? String(sent.code);
        metrics.grpcCalls.inc({ method, code });
        metrics.grpcSeconds.observe({ method }, seconds);
        span.setAttribute('rpc.grpc.status_code', sent.code);
        span.end();
        const traceId = span.spanContext().traceFlags !== 0 ? span.spanContext().traceId : undefined;
        const level = PROBES.test(method) ? 'debug' : 'info';
        logger[level]({ requestId, ...(traceId ? { traceId } : {}), method, code, ms: Math.round(seconds * 1000) }, 'grpc call');
        nextStatus(metadataSent ? sent : withRequestId(sent, requestId));
      },
    });
  };
}

/** A call that fails before answering sends its status alone (trailers-only): the id goes there. */
function withRequestId<S extends { metadata?: Metadata | null }>(sent: S, requestId: string): S {
  const metadata = sent.metadata?.clone() ?? new Metadata();
  metadata.set(REQUEST_ID, requestId);
  return { ...sent, metadata };
}
