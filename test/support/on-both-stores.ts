import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestNetra, type RunningNetra } from './netra-app';
import { createThrowawayDatabase, describeWithPostgres } from './throwaway-database';

export interface StartedNetra {
  netra: RunningNetra;
  cleanup: () => Promise<void>;
  /** The embedded store's data directory, when the suite asked for one on disk. */
  dataDir?: string;
  /** The throwaway PostgreSQL database, on PostgreSQL. */
  databaseUrl?: string;
}

export type StartNetra = () => Promise<StartedNetra>;

export interface BothStoresOptions {
  /** The embedded store in a temporary directory instead of memory (removed by cleanup). */
  embeddedOnDisk?: boolean;
}

/**
 * One suite, run twice: on the embedded store (in memory, or on disk), and with events and read model
 * on PostgreSQL (a throwaway database; skipped without a server). `env` adds settings to both.
 */
export function onBothStores(name: string, suite: (start: StartNetra) => void, env: Record<string, string> = {}, options: BothStoresOptions = {}): void {
  describe(`${name} on the embedded store`, () => {
    suite(async () => {
      if (!options.embeddedOnDisk) {
        const netra = await startTestNetra(env);
        return { netra, cleanup: () => netra.close() };
      }
      const dataDir = mkdtempSync(join(tmpdir(), 'netra-disk-'));
      const netra = await startTestNetra({ ...env, EVENT_STORE_URL: `file:${dataDir}` });
      return { netra, dataDir, cleanup: async () => (await netra.close(), rmSync(dataDir, { recursive: true, force: true })) };
    });
  });
  describeWithPostgres(`${name} on PostgreSQL`, () => {
    suite(async () => {
      const database = await createThrowawayDatabase();
      const netra = await startTestNetra({ ...env, EVENT_STORE_URL: database.url, DATABASE_URL: database.url });
      return { netra, databaseUrl: database.url, cleanup: async () => (await netra.close(), await database.drop()) };
    });
  });
}
