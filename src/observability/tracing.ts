import { context, propagation, SpanKind, SpanStatusCode, trace, type Link, type Span } from '@opentelemetry/api';

/**
 * OpenTelemetry spans along one write: HTTP request → GraphQL operation → command → event-store
 * append → (linked through the events' `traceparent`) the projection batch that applied them.
 * Everything here goes through the OpenTelemetry API, which does nothing until `startTracing`
 * (tracing-sdk.ts) registers an exporter: without OTEL_EXPORTER_OTLP_ENDPOINT no span is made.
 * Span attributes carry ids, types and codes, never personal data.
 */
const tracer = () => trace.getTracer('netra');

/** Runs `work` inside a new active span; its errors mark the span and go on. */
export async function inSpan<T>(name: string, attributes: Record<string, string | number>, work: (span: Span) => Promise<T>, links: Link[] = [], kind = SpanKind.INTERNAL): Promise<T> {
  return tracer().startActiveSpan(name, { attributes, links, kind }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as { code?: string }).code ?? (error as Error).name });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** W3C trace context of the active span, to store in an event's metadata; empty when not tracing. */
export function traceMetadata(): { traceparent?: string } {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? { traceparent: carrier.traceparent } : {};
}

/** Links from a projection batch to the spans that appended its events. */
export function linksTo(metadata: ReadonlyArray<Record<string, unknown>>): Link[] {
  const links: Link[] = [];
  for (const { traceparent } of metadata as ReadonlyArray<{ traceparent?: unknown }>) {
    if (typeof traceparent !== 'string') continue;
    const span = trace.getSpanContext(propagation.extract(context.active(), { traceparent }));
    if (span) links.push({ context: span });
  }
  return links;
}

/** The trace id of the active span, for log lines; undefined when not tracing. */
export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan()?.spanContext();
  return span && span.traceFlags !== 0 ? span.traceId : undefined;
}

export { SpanKind, context, trace };
