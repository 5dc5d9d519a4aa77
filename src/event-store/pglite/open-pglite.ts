import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** Opens the embedded database: `memory:` for a throw-away one, otherwise a directory on disk. */
export async function openPglite(location: string): Promise<PGlite> {
  if (location === 'memory:') return PGlite.create('memory://');
  if (location.trim() === '') throw new Error('PGlite location is empty: use memory: or a directory');
  const dataDir = resolve(location);
  await mkdir(dataDir, { recursive: true });
  return PGlite.create(dataDir);
}
