import { openEmbedded, type EmbeddedDatabase, type EmbeddedOptions } from './open-pglite';
import { lockDataDir } from '../../storage/data-dir-lock';

/** An embedded store opened before the application's modules loaded, and its directory's lock. */
export interface EarlyEmbedded {
  database: EmbeddedDatabase;
  unlock: (() => void) | null;
}

const opening = new Map<string, Promise<EarlyEmbedded>>();

/**
 * main.ts: take the directory's lock and start the embedded database (on its worker thread) first,
 * so PostgreSQL starts on the other core while Nest, GraphQL and the rest load on this one. Storage
 * takes the result (takeEarlyEmbedded); a failure surfaces there, as if it had opened it itself.
 */
export function openEmbeddedEarly(location: string, options: EmbeddedOptions): void {
  const opened = (async () => {
    const unlock = location === 'memory:' ? null : lockDataDir(location);
    try {
      return { database: await openEmbedded(location, options), unlock };
    } catch (error) {
      unlock?.();
      throw error;
    }
  })();
  opened.catch(() => undefined); // handled where it is taken
  opening.set(location, opened);
}

/** The early start for this location, once; null when there was none. */
export function takeEarlyEmbedded(location: string): Promise<EarlyEmbedded> | null {
  const opened = opening.get(location) ?? null;
  opening.delete(location);
  return opened;
}
