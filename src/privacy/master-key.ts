import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MASTER_KEY_FILE = 'master-key';

/**
 * The master key: NETRA_MASTER_KEY when set (required in production); in development the one kept
 * in the data directory, made on first start (mode 0600); for `memory:` a throw-away one.
 */
export function resolveMasterKey(configured: string | null, dataDir: string | null): Buffer {
  if (configured) return Buffer.from(configured, 'base64');
  if (!dataDir) return randomBytes(32);
  const file = join(dataDir, MASTER_KEY_FILE);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  return key;
}
