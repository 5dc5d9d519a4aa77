import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../config/config';

export const MASTER_KEY_FILE = 'master-key';

/** Where the master key came from: the variable, a key file (made now or found), or nowhere (a throw-away store). */
export type MasterKeySource =
  | { kind: 'variable' }
  | { kind: 'file'; file: string; created: boolean }
  | { kind: 'ephemeral' };

/** A key and where it came from; `create` writes a pending key file (only once the store is known to be empty). */
export interface MasterKey {
  key: Buffer;
  source: MasterKeySource;
  /** Null when the key exists already; otherwise writes the new key file, failing if one appeared meanwhile. */
  create: (() => Buffer) | null;
  /** Names the key in messages: the variable or the file. */
  name: string;
}

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

/**
 * The master key: NETRA_MASTER_KEY when set (required in production). Otherwise a development key
 * file — `DIR/master-key` of the embedded store, or `./data/master-key` beside a PostgreSQL or
 * EventStoreDB store — read if it exists and made (mode 0600) only when the store holds nothing yet:
 * a missing file for a store with data is refused (storage.ts), never silently replaced. Only a
 * `memory:` store, which dies with the process, gets a throw-away key.
 */
export function resolveMasterKey(configured: string | null, dataDir: string | null, ephemeralStore: boolean): MasterKey {
  if (configured) return { key: Buffer.from(configured, 'base64'), source: { kind: 'variable' }, create: null, name: 'NETRA_MASTER_KEY' };
  if (ephemeralStore) return { key: randomBytes(32), source: { kind: 'ephemeral' }, create: null, name: 'the throw-away master key' };
  const file = join(dataDir ?? resolve('data'), MASTER_KEY_FILE);
  const text = readIfExists(file);
  if (text !== null) return { key: parseKeyFile(file, text), source: { kind: 'file', file, created: false }, create: null, name: file };
  const key = randomBytes(32);
  return { key, source: { kind: 'file', file, created: true }, create: () => writeKeyFile(file, key), name: file };
}

function parseKeyFile(file: string, text: string): Buffer {
  const trimmed = text.trim();
  if (!BASE64_32_BYTES.test(trimmed)) {
    const length = Buffer.from(trimmed, 'base64').length;
    throw new ConfigError(
      file,
      `is not a master key (32 bytes in base64; it holds ${trimmed.length} characters, ${length} bytes): it was truncated or damaged — restore it from a backup, or set NETRA_MASTER_KEY to the key`,
    );
  }
  return Buffer.from(trimmed, 'base64');
}

/** Exclusive and whole: written to a private file, then hard-linked to the name, which fails if it exists. */
function writeKeyFile(file: string, key: Buffer): Buffer {
  mkdirSync(join(file, '..'), { recursive: true });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another starter made it first: use that one.
    return parseKeyFile(file, readFileSync(file, 'utf8'));
  } finally {
    unlinkSync(draft);
  }
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
