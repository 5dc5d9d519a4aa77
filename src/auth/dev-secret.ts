import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEV_SECRET_FILE = 'dev-secret';

/**
 * The development signing secret: AUTH_DEV_SECRET when set; else the one stored in the data
 * directory; else a new one, written there (mode 0600) so tokens survive a restart.
 */
export function resolveDevSecret(
  configured: string | null,
  dataDir: string | null,
): { secret: string; origin: 'environment' | 'stored' | 'generated' } {
  if (configured) return { secret: configured, origin: 'environment' };
  if (dataDir) {
    const file = join(dataDir, DEV_SECRET_FILE);
    if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), origin: 'stored' };
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    return { secret, origin: 'generated' };
  }
  return { secret: randomBytes(32).toString('base64url'), origin: 'generated' };
}
