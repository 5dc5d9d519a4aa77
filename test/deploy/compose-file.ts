import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

export const ROOT = join(__dirname, '..', '..');

export interface ComposeService {
  image?: string;
  build?: unknown;
  profiles?: string[];
  environment?: Record<string, string | number | boolean | null>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** KEY=VALUE lines of an env file, as Compose reads `.env` (comments and blank lines skipped). */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) values[match[1]] = match[2].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

export class InterpolationError extends Error {}

/**
 * Compose's variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, and `$$` for a literal `$`. A required variable that is
 * unset (or empty, for `:?`) fails the whole file, as `docker compose` does.
 */
export function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, name, op, arg, bare) => {
    if (match === '$$') return '$';
    if (bare) return env[bare] ?? '';
    const value = env[name];
    const unset = value === undefined;
    const empty = unset || value === '';
    switch (op) {
      case undefined:
        return value ?? '';
      case ':-':
        return empty ? interpolate(arg, env) : value;
      case '-':
        return unset ? interpolate(arg, env) : value;
      case ':?':
        if (empty) throw new InterpolationError(`required variable ${name} is missing a value: ${arg}`);
        return value;
      case '?':
        if (unset) throw new InterpolationError(`required variable ${name} is missing a value: ${arg}`);
        return value;
      case ':+':
        return empty ? '' : interpolate(arg, env);
      default:
        return value ?? '';
    }
  });
}

export function composeText(): string {
  return readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
}

/** The compose file as `docker compose config` would see it: YAML with anchors and merge keys resolved, then interpolated. */
export function loadCompose(env: Record<string, string>): ComposeFile {
  const raw = load(composeText()) as Record<string, unknown>;
  // Interpolate each string value (Compose interpolates values, not keys), after YAML merges were applied.
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return interpolate(value, env);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
    return value;
  };
  return walk(raw) as ComposeFile;
}

/** The services a profile starts: those without profiles, and those that list it. */
export function servicesOf(compose: ComposeFile, profile: string): string[] {
  return Object.entries(compose.services)
    .filter(([, service]) => !service.profiles || service.profiles.includes(profile))
    .map(([name]) => name);
}

/** The ENV lines of the Dockerfile's final stage, which every container of the image starts with. */
export function imageEnvironment(): Record<string, string> {
  const stages = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').split(/^FROM /m);
  const env: Record<string, string> = {};
  for (const line of stages[stages.length - 1].split('\n')) {
    const match = /^ENV\s+(.*)$/.exec(line);
    if (!match) continue;
    for (const pair of match[1].match(/[A-Za-z_][A-Za-z0-9_]*=("[^"]*"|\S+)/g) ?? []) {
      const at = pair.indexOf('=');
      env[pair.slice(0, at)] = pair.slice(at + 1).replace(/^"(.*)"$/, '$1');
    }
  }
  return env;
}
