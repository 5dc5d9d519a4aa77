import { startTestNetra, type RunningNetra } from './netra-app';
import { createThrowawayDatabase, describeWithPostgres } from './throwaway-database';

export type StartNetra = () => Promise<{ netra: RunningNetra; cleanup: () => Promise<void> }>;

/**
 * One suite, run twice: on the embedded store (in memory), and with events and read model on
 * PostgreSQL (a throwaway database; skipped without a server).
 */
export function onBothStores(name: string, suite: (start: StartNetra) => void, env: Record<string, string> = {}): void {
  describe(`${name} on the embedded store`, () => {
    suite(async () => {
      const netra = await startTestNetra(env);
      return { netra, cleanup: () => netra.close() };
    });
  });
  describeWithPostgres(`${name} on PostgreSQL`, () => {
    suite(async () => {
      const database = await createThrowawayDatabase();
      const netra = await startTestNetra({ ...env, EVENT_STORE_URL: database.url, DATABASE_URL: database.url });
      return { netra, cleanup: async () => (await netra.close(), await database.drop()) };
    });
  });
}
