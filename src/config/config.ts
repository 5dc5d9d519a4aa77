import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from './config-error';
import { notifyConfigOf, type NotifyConfig } from './notify-config';

/** Where events live: one of three adapters behind the same port. */
export type EventStoreLocation =
  | { kind: 'embedded'; location: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'esdb'; url: string };

export interface NetraConfig {
  nodeEnv: string;
  host: string;
  port: number;
  grpcPort: number;
  eventStore: EventStoreLocation;
  /** Read model on PostgreSQL; null = in the embedded database next to the events. */
  databaseUrl: string | null;
  /** Directory for the embedded store and the generated development secret; null for `memory:`. */
  dataDir: string | null;
  /** What the first start of an empty embedded store loads (NETRA_DEMO); null = nothing. */
  demo: DemoData | null;
  /** Development HS256 secret; null in JWKS mode and when one is generated into the data directory. */
  authDevSecret: string | null;
  /** Base64 of 32 bytes: wraps the per-case data keys that seal personal data in events. */
  masterKey: string | null;
  /** Production mode: tokens from the identity provider, checked against its JWKS; null = development HS256 mode. */
  authJwks: AuthJwksConfig | null;
  /** The console's public OpenID Connect client (AUTH_CLIENT_ID, AUTH_SCOPES); only in JWKS mode, null when not set. */
  authClient: AuthClientConfig | null;
  /** Leeway for exp/nbf against clocks that disagree, in seconds. */
  authClockSkewSeconds: number;
  /** Tokens without exp, or valid for longer than this many seconds, are refused (AUTH_MAX_TOKEN_LIFETIME_SECONDS). */
  authMaxTokenLifetimeSeconds: number;
  /** GraphQL introspection (GRAPHQL_INTROSPECTION); off by default with NODE_ENV=production. */
  introspection: boolean;
  /** GET /metrics needs `Authorization: Bearer <this>` when set (METRICS_TOKEN). */
  metricsToken: string | null;
  /** Without METRICS_TOKEN, /metrics on the API port is open (development) or not served (NODE_ENV=production). */
  metricsOpen: boolean;
  /** Serve /metrics on this port of HOST instead of the API port (METRICS_PORT); null = on the API port. */
  metricsPort: number | null;
  /** Anonymous figures: counts below this are suppressed (SMALL_CELL_THRESHOLD). */
  smallCellThreshold: number;
  /** Query cost budgets (QUERY_COST_LIMIT for tokens, ANONYMOUS_QUERY_COST_LIMIT without). */
  queryCostLimit: number;
  anonymousQueryCostLimit: number;
  /** Anonymous GraphQL and export requests one client address may send per minute (ANONYMOUS_RATE_LIMIT_PER_MINUTE). */
  anonymousRateLimitPerMinute: number;
  /**
   * Anonymous requests answered at once (ANONYMOUS_CONCURRENT_REQUESTS), how many more may wait in
   * line (ANONYMOUS_QUEUE_LENGTH) and for how long (ANONYMOUS_QUEUE_WAIT_MS); RATE_LIMITED beyond.
   */
  anonymousGate: { concurrent: number; queue: number; maxWaitMs: number };
  /** How long an anonymous summary answer is served from the cache at one log position (PUBLIC_FIGURES_MAX_AGE_SECONDS); 0 = no cache. */
  publicFiguresMaxAgeSeconds: number;
  /** Express `trust proxy` (TRUST_PROXY): how the client address is found behind a reverse proxy; null = the socket's address. */
  trustProxy: string | number | null;
  /** PostgreSQL statement timeout for reads, in milliseconds (READ_STATEMENT_TIMEOUT_MS); 0 = none. */
  readStatementTimeoutMs: number;
  deadlinePolicyFile: string | null;
  /** How often the deadline process scans for due times that passed (OVERDUE_SCAN_SECONDS); 0 turns it off. */
  overdueScanSeconds: number;
  registerNumberTemplate: string;
  logLevel: string;
  /** OpenTelemetry traces over OTLP/HTTP; null (the default) makes no span at all. */
  tracing: { endpoint: string; serviceName: string } | null;
  /** Mutations each token may send per minute (a token bucket per agency, unit and sub). */
  mutationRateLimitPerMinute: number;
  /**
   * What start-up does when the read model does not match the log (its checkpoint is past the
   * head, or the event there is not the one it applied): refuse (default) or rebuild it from the log.
   */
  onReadModelAhead: 'refuse' | 'rebuild';
  /** Embedded store: fsync the WAL from Node after each append, before acknowledging it (PGlite cannot). */
  embeddedSync: boolean;
  /** Embedded store: PGlite in a worker thread (NETRA_EMBEDDED_THREAD=worker, the default) or on the main thread (main). */
  embeddedThread: boolean;
  /** How long start-up waits for a PostgreSQL store that does not answer yet (STARTUP_WAIT_SECONDS). */
  startupWaitSeconds: number;
  /** Largest document an upload may carry, in bytes (DOCUMENT_MAX_MB, default 25). */
  documentMaxBytes: number;
  /** Largest register file an import may carry, in bytes (IMPORT_MAX_MB, default 10). */
  importMaxBytes: number;
  /** E-mail and webhook notifications of what reached a unit (NOTIFY_*); null = off. */
  notify: NotifyConfig | null;
}

/** `scenarios`: the handful of cases from the seed scenarios; `pilkada-2020`: the synthetic Pilkada 2020 history (src/demo). */
export type DemoData = 'scenarios' | 'pilkada-2020';

export interface AuthJwksConfig {
  url: string;
  issuer: string;
  audience: string;
}

export interface AuthClientConfig {
  clientId: string;
  /** Always includes openid: the console checks the ID token's nonce. */
  scopes: string[];
}

/** Refused configuration: the message is one line naming the variable. */
export { ConfigError } from './config-error';

export const NETRA_CONFIG = Symbol('NETRA_CONFIG');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): NetraConfig {
  const eventStore = eventStoreOf(env.EVENT_STORE_URL);
  const databaseUrl = optional(env.DATABASE_URL);
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
  }
  const logLevel = optional(env.LOG_LEVEL) ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const nodeEnv = optional(env.NODE_ENV) ?? 'development';
  const secret = optional(env.AUTH_DEV_SECRET);
  if (secret !== null && secret.length < 32) throw new ConfigError('AUTH_DEV_SECRET', 'must be at least 32 characters');
  const authJwks = authJwksOf(env, nodeEnv, secret);
  return {
    nodeEnv,
    host: optional(env.HOST) ?? '127.0.0.1',
    port: portOf('PORT', env.PORT, 3000),
    grpcPort: portOf('GRPC_PORT', env.GRPC_PORT, 50051),
    eventStore,
    databaseUrl,
    dataDir: eventStore.kind === 'embedded' && eventStore.location !== 'memory:' ? eventStore.location : null,
    demo: demoOf(env.NETRA_DEMO),
    authDevSecret: secret,
    masterKey: masterKeyOf(env),
    authJwks,
    authClient: authClientOf(env, authJwks),
    authClockSkewSeconds: clockSkewOf(env.AUTH_CLOCK_SKEW_SECONDS),
    authMaxTokenLifetimeSeconds: wholeNumberOf(env, 'AUTH_MAX_TOKEN_LIFETIME_SECONDS', 12 * 3600, 60, 7 * 86_400, 'seconds'),
    introspection: switchOf(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    ...metricsOf(env, nodeEnv),
    smallCellThreshold: wholeNumberOf(env, 'SMALL_CELL_THRESHOLD', 5, 2, 100, 'persons'),
    queryCostLimit: wholeNumberOf(env, 'QUERY_COST_LIMIT', 20_000, 100, 10_000_000, 'cost units'),
    anonymousQueryCostLimit: wholeNumberOf(env, 'ANONYMOUS_QUERY_COST_LIMIT', 2_000, 100, 10_000_000, 'cost units'),
    anonymousRateLimitPerMinute: wholeNumberOf(env, 'ANONYMOUS_RATE_LIMIT_PER_MINUTE', 30, 1, 1_000_000, 'requests per minute'),
    anonymousGate: {
      concurrent: wholeNumberOf(env, 'ANONYMOUS_CONCURRENT_REQUESTS', 2, 1, 1_000, 'requests'),
      queue: wholeNumberOf(env, 'ANONYMOUS_QUEUE_LENGTH', 200, 0, 100_000, 'requests'),
      maxWaitMs: wholeNumberOf(env, 'ANONYMOUS_QUEUE_WAIT_MS', 15_000, 0, 600_000, 'milliseconds'),
    },
    publicFiguresMaxAgeSeconds: wholeNumberOf(env, 'PUBLIC_FIGURES_MAX_AGE_SECONDS', 5, 0, 300, 'seconds'),
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    readStatementTimeoutMs: wholeNumberOf(env, 'READ_STATEMENT_TIMEOUT_MS', 10_000, 0, 3_600_000, 'milliseconds'),
    deadlinePolicyFile: optional(env.DEADLINE_POLICY_FILE),
    overdueScanSeconds: overdueScanSecondsOf(env.OVERDUE_SCAN_SECONDS),
    registerNumberTemplate: optional(env.REGISTER_NUMBER_TEMPLATE) ?? '{source}/{unit}/{year}/{id}',
    logLevel,
    tracing: tracingOf(env),
    mutationRateLimitPerMinute: rateLimitOf(env.MUTATION_RATE_LIMIT_PER_MINUTE),
    onReadModelAhead: onReadModelAheadOf(env.NETRA_ON_READ_MODEL_AHEAD),
    embeddedSync: embeddedSyncOf(env.NETRA_EMBEDDED_SYNC),
    embeddedThread: embeddedThreadOf(env.NETRA_EMBEDDED_THREAD),
    startupWaitSeconds: startupWaitOf(env.STARTUP_WAIT_SECONDS),
    documentMaxBytes: wholeNumberOf(env, 'DOCUMENT_MAX_MB', 25, 1, 1024, 'MB') * 1024 * 1024,
    importMaxBytes: wholeNumberOf(env, 'IMPORT_MAX_MB', 10, 1, 100, 'MB') * 1024 * 1024,
    notify: notifyConfigOf(env),
  };
}

function startupWaitOf(value: string | undefined): number {
  const text = optional(value);
  if (text === null) return 60;
  const seconds = Number(text);
  if (!/^\d+$/.test(text) || seconds > 3600) {
    throw new ConfigError('STARTUP_WAIT_SECONDS', 'must be a whole number of seconds 0–3600 (0 = fail at once when a store does not answer)');
  }
  return seconds;
}

function rateLimitOf(value: string | undefined): number {
  const text = optional(value);
  if (text === null) return 60;
  const perMinute = Number(text);
  if (!/^\d+$/.test(text) || perMinute < 1 || perMinute > 1_000_000) {
    throw new ConfigError('MUTATION_RATE_LIMIT_PER_MINUTE', 'must be a whole number of mutations per minute, 1–1000000');
  }
  return perMinute;
}

function wholeNumberOf(env: NodeJS.ProcessEnv, variable: string, fallback: number, min: number, max: number, unit: string): number {
  const text = optional(env[variable]);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new ConfigError(variable, `must be a whole number of ${unit}, ${min}–${max}`);
  return value;
}

function switchOf(env: NodeJS.ProcessEnv, variable: string, fallback: boolean): boolean {
  const text = optional(env[variable])?.toLowerCase() ?? null;
  if (text === null) return fallback;
  if (['1', 'true', 'on', 'yes'].includes(text)) return true;
  if (['0', 'false', 'off', 'no'].includes(text)) return false;
  throw new ConfigError(variable, 'must be true or false');
}

/** In production, /metrics is behind a token or on a port of its own, or not served: never public beside the API. */
function metricsOf(env: NodeJS.ProcessEnv, nodeEnv: string): { metricsToken: string | null; metricsPort: number | null; metricsOpen: boolean } {
  const token = optional(env.METRICS_TOKEN);
  if (token !== null && !/^[\x21-\x7e]{24,}$/.test(token)) throw new ConfigError('METRICS_TOKEN', 'must be at least 24 printable characters without spaces');
  const metricsPort = optional(env.METRICS_PORT) === null ? null : portOf('METRICS_PORT', env.METRICS_PORT, 0);
  return { metricsToken: token, metricsPort, metricsOpen: nodeEnv !== 'production' };
}

/** Express's trust proxy: a hop count, or addresses/subnets (loopback, 10.0.0.0/8, …); never `true`, which trusts any X-Forwarded-For. */
function trustProxyOf(value: string | undefined): string | number | null {
  const text = optional(value);
  if (text === null || text === '0' || text.toLowerCase() === 'false') return null;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  if (text.toLowerCase() === 'true') throw new ConfigError('TRUST_PROXY', 'must name the proxies (a hop count, loopback, or addresses/subnets), not true: anyone could set X-Forwarded-For');
  if (!/^[0-9a-fA-F.:/,\sa-z]+$/.test(text)) throw new ConfigError('TRUST_PROXY', 'must be a hop count or a comma list of addresses, subnets, loopback, linklocal, uniquelocal');
  return text;
}

function embeddedThreadOf(value: string | undefined): boolean {
  const text = (optional(value) ?? 'worker').toLowerCase();
  if (text === 'worker' || text === 'main') return text === 'worker';
  throw new ConfigError('NETRA_EMBEDDED_THREAD', 'must be worker (the default: the embedded database runs on a thread of its own) or main');
}

function embeddedSyncOf(value: string | undefined): boolean {
  const text = (optional(value) ?? 'on').toLowerCase();
  if (['on', '1', 'true', 'yes'].includes(text)) return true;
  if (['off', '0', 'false', 'no'].includes(text)) return false;
  throw new ConfigError('NETRA_EMBEDDED_SYNC', 'must be on (the default: each append is synced to disk before it is acknowledged) or off');
}

function onReadModelAheadOf(value: string | undefined): 'refuse' | 'rebuild' {
  const text = optional(value) ?? 'refuse';
  if (text === 'refuse' || text === 'rebuild') return text;
  throw new ConfigError('NETRA_ON_READ_MODEL_AHEAD', 'must be refuse (the default: stop when the read model does not match the log) or rebuild');
}

function eventStoreOf(value: string | undefined): EventStoreLocation {
  const url = optional(value);
  if (url === null) return { kind: 'embedded', location: resolve('data') };
  if (url === 'memory:') return { kind: 'embedded', location: 'memory:' };
  if (url.startsWith('file:')) {
    const dir = url.slice('file:'.length);
    if (dir === '') throw new ConfigError('EVENT_STORE_URL', 'file: needs a directory, e.g. file:./data');
    return { kind: 'embedded', location: isAbsolute(dir) ? dir : resolve(dir) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  // KurrentDB (formerly EventStoreDB): its client also reads the older esdb:// scheme.
  if (/^(kurrentdb|esdb)(\+discover)?:\/\//.test(url)) return { kind: 'esdb', url };
  throw new ConfigError('EVENT_STORE_URL', 'must be kurrentdb://… (or esdb://…), postgres://…, file:DIR or memory:');
}

/** JWKS mode when AUTH_JWKS_URL is set; production refuses the development HS256 mode. */
function authJwksOf(env: NodeJS.ProcessEnv, nodeEnv: string, devSecret: string | null): AuthJwksConfig | null {
  const url = optional(env.AUTH_JWKS_URL);
  const issuer = optional(env.AUTH_ISSUER);
  const audience = optional(env.AUTH_AUDIENCE);
  const production = nodeEnv === 'production';
  if (devSecret !== null && production) {
    throw new ConfigError('AUTH_DEV_SECRET', 'must not be set when NODE_ENV=production; tokens come from the identity provider (AUTH_JWKS_URL)');
  }
  if (url === null) {
    if (production) throw new ConfigError('AUTH_JWKS_URL', 'required when NODE_ENV=production (development HS256 tokens are refused there)');
    if (issuer !== null) throw new ConfigError('AUTH_JWKS_URL', 'required with AUTH_ISSUER');
    if (audience !== null) throw new ConfigError('AUTH_JWKS_URL', 'required with AUTH_AUDIENCE');
    return null;
  }
  if (!/^https?:\/\/[^/?#\s]+/i.test(url) || !URL.canParse(url)) throw new ConfigError('AUTH_JWKS_URL', 'must be an http:// or https:// URL');
  if (issuer === null) throw new ConfigError('AUTH_ISSUER', 'required with AUTH_JWKS_URL (the iss every token must carry)');
  if (audience === null) throw new ConfigError('AUTH_AUDIENCE', 'required with AUTH_JWKS_URL (the aud every token must carry)');
  if (devSecret !== null) throw new ConfigError('AUTH_DEV_SECRET', 'must not be set together with AUTH_JWKS_URL; tokens come from the identity provider');
  return { url, issuer, audience };
}

/** The console signs in at the identity provider with a public client (authorization code + PKCE). */
function authClientOf(env: NodeJS.ProcessEnv, authJwks: AuthJwksConfig | null): AuthClientConfig | null {
  const clientId = optional(env.AUTH_CLIENT_ID);
  const scopes = optional(env.AUTH_SCOPES);
  if (clientId === null) {
    if (scopes !== null) throw new ConfigError('AUTH_SCOPES', 'only used with AUTH_CLIENT_ID');
    return null;
  }
  if (authJwks === null) throw new ConfigError('AUTH_CLIENT_ID', 'only used with AUTH_JWKS_URL (development mode signs in with development tokens)');
  if (!/^[\x21-\x7e]{1,200}$/.test(clientId)) throw new ConfigError('AUTH_CLIENT_ID', 'must be the client id at the identity provider: printable characters, no spaces');
  const list = (scopes ?? 'openid profile').split(/\s+/);
  // RFC 6749 §3.3 scope-token characters.
  if (list.some((scope) => !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope))) throw new ConfigError('AUTH_SCOPES', 'must be scope names separated by spaces');
  if (!list.includes('openid')) throw new ConfigError('AUTH_SCOPES', 'must include openid');
  return { clientId, scopes: list };
}

function clockSkewOf(value: string | undefined): number {
  const text = optional(value);
  if (text === null) return 30;
  const seconds = Number(text);
  if (!/^\d+$/.test(text) || seconds > 300) throw new ConfigError('AUTH_CLOCK_SKEW_SECONDS', 'must be a whole number of seconds 0–300');
  return seconds;
}

function overdueScanSecondsOf(value: string | undefined): number {
  const text = optional(value);
  if (text === null) return 60;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || seconds > 86_400 || (seconds > 0 && seconds < 0.1)) {
    throw new ConfigError('OVERDUE_SCAN_SECONDS', 'must be a number of seconds from 0.1 to 86400, or 0 to turn the deadline process off');
  }
  return seconds;
}

function portOf(variable: string, value: string | undefined, fallback: number): number {
  const text = optional(value);
  if (text === null) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(variable, 'must be a port number 0–65535');
  return port;
}

function demoOf(value: string | undefined): DemoData | null {
  const text = (optional(value) ?? '1').toLowerCase();
  if (text === 'pilkada-2020') return 'pilkada-2020';
  if (['1', 'true', 'yes', 'on'].includes(text)) return 'scenarios';
  if (['0', 'false', 'no', 'off'].includes(text)) return null;
  throw new ConfigError('NETRA_DEMO', 'must be 1 (demo cases), pilkada-2020 (the synthetic Pilkada 2020 history) or 0 (nothing)');
}

function optional(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}

function masterKeyOf(env: NodeJS.ProcessEnv): string | null {
  const key = optional(env.NETRA_MASTER_KEY);
  if (key !== null && Buffer.from(key, 'base64').length !== 32) {
    throw new ConfigError('NETRA_MASTER_KEY', 'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  }
  if (key === null && optional(env.NODE_ENV) === 'production') {
    throw new ConfigError('NETRA_MASTER_KEY', 'is required when NODE_ENV=production: it protects reporter identities and NIPs');
  }
  return key;
}

/** OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the full URL) or OTEL_EXPORTER_OTLP_ENDPOINT (+ /v1/traces), as the OpenTelemetry SDKs read them. */
function tracingOf(env: NodeJS.ProcessEnv): { endpoint: string; serviceName: string } | null {
  const traces = optional(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const base = optional(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  const [name, endpoint] = traces !== null ? ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', traces] : ['OTEL_EXPORTER_OTLP_ENDPOINT', base === null ? null : `${base.replace(/\/+$/, '')}/v1/traces`];
  if (endpoint === null) return null;
  if (!/^https?:\/\/[^/\s]+/.test(endpoint)) throw new ConfigError(name, 'must be an http:// or https:// URL of an OTLP/HTTP collector, e.g. http://otel-collector:4318');
  return { endpoint, serviceName: optional(env.OTEL_SERVICE_NAME) ?? 'netra' };
}
