import { casesInLog, loadHistory } from '../../src/bench/replay';
import { BENCH_MASTER_KEY, type BenchTarget } from '../../src/bench/targets';
import { loadConfig } from '../../src/config/config';
import { openStorage } from '../../src/storage/storage';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';

describeWithPostgres('the bench on a kept database (--database)', () => {
  let database: ThrowawayDatabase;
  beforeAll(async () => (database = await createThrowawayDatabase(4)));
  afterAll(() => database?.drop());

  it('reports the cases its log holds, not the ones the options would have loaded', async () => {
    const config = loadConfig({ EVENT_STORE_URL: database.url, NETRA_MASTER_KEY: BENCH_MASTER_KEY, AUTH_DEV_SECRET: 'x'.repeat(40) });
    const earlierRun = await openStorage(config);
    try {
      await loadHistory(earlierRun, 37, 4);
    } finally {
      await earlierRun.close();
    }
    const target: BenchTarget = { name: 'postgres', env: { EVENT_STORE_URL: database.url }, url: database.url, kept: 'kept', dispose: async () => undefined };
    const kept = await openStorage(config);
    try {
      expect(await casesInLog(kept, target, 20_000)).toBe(37);
    } finally {
      await kept.close();
    }
  });
});
