/** Where Netra keeps its events and how it starts on them (EVENT_STORE_URL, NETRA_EMBEDDED_*, NETRA_DEMO, …). */
import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from './config-error';
import { optional } from './config-values';

/** Where events live: one of three adapters behind the same port. */
export type EventStoreLocation =
  | { kind: 'embedded'; location: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'esdb'; url: string };

/** `scenarios`: the handful of cases from the seed scenarios; `pilkada-2020`: the synthetic Pilkada 2020 history (src/demo). */
export type DemoData = 'scenarios' | 'pilkada-2020';

export function eventStoreOf(value: string | undefined): EventStoreLocation {
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

export function embeddedThreadOf(value: string | undefined): boolean {
  const text = (optional(value) ?? 'worker').toLowerCase();
  if (text === 'worker' || text === 'main') return text === 'worker';
  throw new ConfigError('NETRA_EMBEDDED_THREAD', 'must be worker (the default: the embedded database runs on a thread of its own) or main');
}

export function embeddedSyncOf(value: string | undefined): boolean {
  const text = (optional(value) ?? 'on').toLowerCase();
  if (['on', '1', 'true', 'yes'].includes(text)) return true;
  if (['off', '0', 'false', 'no'].includes(text)) return false;
  throw new ConfigError('NETRA_EMBEDDED_SYNC', 'must be on (the default: each append is synced to disk before it is acknowledged) or off');
}

export function onReadModelAheadOf(value: string | undefined): 'refuse' | 'rebuild' {
  const text = optional(value) ?? 'refuse';
  if (text === 'refuse' || text === 'rebuild') return text;
  throw new ConfigError('NETRA_ON_READ_MODEL_AHEAD', 'must be refuse (the default: stop when the read model does not match the log) or rebuild');
}

export function startupWaitOf(value: string | undefined): number {
  const text = optional(value);
  if (text === null) return 60;
  const seconds = Number(text);
  if (!/^\d+$/.test(text) || seconds > 3600) {
    throw new ConfigError('STARTUP_WAIT_SECONDS', 'must be a whole number of seconds 0–3600 (0 = fail at once when a store does not answer)');
  }
  return seconds;
}

export function demoOf(value: string | undefined): DemoData | null {
  const text = (optional(value) ?? '1').toLowerCase();
  if (text === 'pilkada-2020') return 'pilkada-2020';
  if (['1', 'true', 'yes', 'on'].includes(text)) return 'scenarios';
  if (['0', 'false', 'no', 'off'].includes(text)) return null;
  throw new ConfigError('NETRA_DEMO', 'must be 1 (demo cases), pilkada-2020 (the synthetic Pilkada 2020 history) or 0 (nothing)');
}
