import { isAbsolute, resolve } from 'node:path';

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
  demo: boolean;
  authDevSecret: string | null;
  deadlinePolicyFile: string | null;
  registerNumberTemplate: string;
  logLevel: string;
}

/** Refused configuration: the message is one line naming the variable. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

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
  const secret = optional(env.AUTH_DEV_SECRET);
  if (secret !== null && secret.length < 32) throw new ConfigError('AUTH_DEV_SECRET', 'must be at least 32 characters');
  return {
    nodeEnv: optional(env.NODE_ENV) ?? 'development',
    host: optional(env.HOST) ?? '127.0.0.1',
    port: portOf('PORT', env.PORT, 3000),
    grpcPort: portOf('GRPC_PORT', env.GRPC_PORT, 50051),
    eventStore,
    databaseUrl,
    dataDir: eventStore.kind === 'embedded' && eventStore.location !== 'memory:' ? eventStore.location : null,
    demo: booleanOf('NETRA_DEMO', env.NETRA_DEMO, true),
    authDevSecret: secret,
    deadlinePolicyFile: optional(env.DEADLINE_POLICY_FILE),
    registerNumberTemplate: optional(env.REGISTER_NUMBER_TEMPLATE) ?? '{source}/{unit}/{year}/{id}',
    logLevel,
  };
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
  if (/^esdb(\+discover)?:\/\//.test(url)) return { kind: 'esdb', url };
  throw new ConfigError('EVENT_STORE_URL', 'must be esdb://…, postgres://…, file:DIR or memory:');
}

function portOf(variable: string, value: string | undefined, fallback: number): number {
  const text = optional(value);
  if (text === null) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(variable, 'must be a port number 0–65535');
  return port;
}

function booleanOf(variable: string, value: string | undefined, fallback: boolean): boolean {
  const text = optional(value);
  if (text === null) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(text.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(text.toLowerCase())) return false;
  throw new ConfigError(variable, 'must be 1 or 0');
}

function optional(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}
