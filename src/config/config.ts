import { authClientOf, authJwksOf, clockSkewOf, masterKeyOf, type AuthClientConfig, type AuthJwksConfig } from './auth-config';
import { ConfigError } from './config-error';
import { optional, portOf, switchOf, wholeNumberOf } from './config-values';
import { notifyConfigOf, type NotifyConfig } from './notify-config';
import { metricsOf, overdueScanSecondsOf, rateLimitOf, tracingOf, trustProxyOf } from './operations-config';
import {
  demoOf,
  embeddedSyncOf,
  embeddedThreadOf,
  eventStoreOf,
  onReadModelAheadOf,
  startupWaitOf,
  type DemoData,
  type EventStoreLocation,
} from './store-config';

export type { AuthClientConfig, AuthJwksConfig } from './auth-config';
export type { DemoData, EventStoreLocation } from './store-config';

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
