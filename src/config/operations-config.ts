/** What Netra exposes around the API: metrics, the proxy in front, traces, and the mutation rate limit. */
import { ConfigError } from './config-error';
import { optional, portOf } from './config-values';

/** In production, /metrics is behind a token or on a port of its own, or not served: never public beside the API. */
export function metricsOf(env: NodeJS.ProcessEnv, nodeEnv: string): { metricsToken: string | null; metricsPort: number | null; metricsOpen: boolean } {
  const token = optional(env.METRICS_TOKEN);
  if (token !== null && !/^[\x21-\x7e]{24,}$/.test(token)) throw new ConfigError('METRICS_TOKEN', 'must be at least 24 printable characters without spaces');
  const metricsPort = optional(env.METRICS_PORT) === null ? null : portOf('METRICS_PORT', env.METRICS_PORT, 0);
  return { metricsToken: token, metricsPort, metricsOpen: nodeEnv !== 'production' };
}

/** Express's trust proxy: a hop count, or addresses/subnets (loopback, 10.0.0.0/8, …); never `true`, which trusts any X-Forwarded-For. */
export function trustProxyOf(value: string | undefined): string | number | null {
  const text = optional(value);
  if (text === null || text === '0' || text.toLowerCase() === 'false') return null;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  if (text.toLowerCase() === 'true') throw new ConfigError('TRUST_PROXY', 'must name the proxies (a hop count, loopback, or addresses/subnets), not true: anyone could set X-Forwarded-For');
  if (!/^[0-9a-fA-F.:/,\sa-z]+$/.test(text)) throw new ConfigError('TRUST_PROXY', 'must be a hop count or a comma list of addresses, subnets, loopback, linklocal, uniquelocal');
  return text;
}

/** OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the full URL) or OTEL_EXPORTER_OTLP_ENDPOINT (+ /v1/traces), as the OpenTelemetry SDKs read them. */
export function tracingOf(env: NodeJS.ProcessEnv): { endpoint: string; serviceName: string } | null {
  const traces = optional(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const base = optional(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  const [name, endpoint] = traces !== null ? ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', traces] : ['OTEL_EXPORTER_OTLP_ENDPOINT', base === null ? null : `${base.replace(/\/+$/, '')}/v1/traces`];
  if (endpoint === null) return null;
  if (!/^https?:\/\/[^/\s]+/.test(endpoint)) throw new ConfigError(name, 'must be an http:// or https:// URL of an OTLP/HTTP collector, e.g. http://otel-collector:4318');
  return { endpoint, serviceName: optional(env.OTEL_SERVICE_NAME) ?? 'netra' };
}

export function rateLimitOf(value: string | undefined): number {
  const text = optional(value);
  if (text === null) return 60;
  const perMinute = Number(text);
  if (!/^\d+$/.test(text) || perMinute < 1 || perMinute > 1_000_000) {
    throw new ConfigError('MUTATION_RATE_LIMIT_PER_MINUTE', 'must be a whole number of mutations per minute, 1–1000000');
  }
  return perMinute;
}

export function overdueScanSecondsOf(value: string | undefined): number {
  const text = optional(value);
  if (text === null) return 60;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || seconds > 86_400 || (seconds > 0 && seconds < 0.1)) {
    throw new ConfigError('OVERDUE_SCAN_SECONDS', 'must be a number of seconds from 0.1 to 86400, or 0 to turn the deadline process off');
  }
  return seconds;
}
