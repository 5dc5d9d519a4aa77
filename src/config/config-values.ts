/** Reading one environment variable: blank is unset, numbers in a range, switches; a refusal names the variable. */
import { ConfigError } from './config-error';

export function optional(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}

export function wholeNumberOf(env: NodeJS.ProcessEnv, variable: string, fallback: number, min: number, max: number, unit: string): number {
  const text = optional(env[variable]);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new ConfigError(variable, `must be a whole number of ${unit}, ${min}–${max}`);
  return value;
}

export function switchOf(env: NodeJS.ProcessEnv, variable: string, fallback: boolean): boolean {
  const text = optional(env[variable])?.toLowerCase() ?? null;
  if (text === null) return fallback;
  if (['1', 'true', 'on', 'yes'].includes(text)) return true;
  if (['0', 'false', 'off', 'no'].includes(text)) return false;
  throw new ConfigError(variable, 'must be true or false');
}

export function portOf(variable: string, value: string | undefined, fallback: number): number {
  const text = optional(value);
  if (text === null) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(variable, 'must be a port number 0–65535');
  return port;
}
