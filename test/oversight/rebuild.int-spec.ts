import { Pool } from 'pg';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { ProjectionService } from '../../src/oversight/projection.service';
import { rebuildPostgresReadModel } from '../../src/oversight/projection/rebuild';
import { openPostgresReadDb } from '../../src/oversight/read-model/open-read-db';
import { dumpReadModel } from '../../src/oversight/read-model/read-model-dump';
import { STORAGE } from '../../src/storage/storage.module';
import { EVENTS_SCHEMA, type Storage } from '../../src/storage/storage';
import { aLaporan, REPORT_CASE, type CaseResult } from '../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';

describeWithPostgres('rebuilding the PostgreSQL read model while Netra runs', () => {
  let database: ThrowawayDatabase;
  let netra: RunningNetra;

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    // The writer below writes as fast as the projection answers it: a rate limit is not what this suite is about.
    netra = await startTestNetra({ EVENT_STORE_URL: database.url, MUTATION_RATE_LIMIT_PER_MINUTE: '100000' });
  }, 120_000);
  afterAll(async () => {
    await netra.close();
    await database.drop();
  });

  it('keeps answering queries from the old tables, swaps, and ends equal to a fresh rebuild with nothing lost', async () => {
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const oversight = await netra.client('OVERSIGHT');
    const written: string[] = [];
    for (let i = 0; i < 40; i++) {
      written.push((await bawaslu.request<{ reportCase: CaseResult }>(REPORT_CASE, { input: aLaporan() })).reportCase.id);
    }

    let running = true;
    const readErrors: unknown[] = [];
    const counts: number[] = [];
    const reader = (async () => {
      while (running) {
        try {
          const { cases } = await oversight.request<{ cases: { totalCount: number } }>('{ cases(first: 1) { totalCount } }');
          counts.push(cases.totalCount);
        } catch (error) {
          readErrors.push(error);
        }
      }
    })();
    const writer = (async () => {
      while (running) {
        written.push((await bawaslu.request<{ reportCase: CaseResult }>(REPORT_CASE, { input: aLaporan() })).reportCase.id);
      }
    })();

    const storage = netra.app.get<Storage>(STORAGE);
    const report = await rebuildPostgresReadModel(storage.store, database.url, storage.keys);
    expect(report.position).toBeGreaterThanOrEqual(40n);
    await new Promise((resolve) => setTimeout(resolve, 300));
    running = false;
    await Promise.all([reader, writer]);

    expect(readErrors).toEqual([]);
    expect(counts.length).toBeGreaterThan(5);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(40);

    const head = await storage.store.headPosition();
    await netra.app.get(ProjectionService).runner.waitFor(head, 10_000);
    const { cases } = await oversight.request<{ cases: { totalCount: number } }>('{ cases(first: 1) { totalCount } }');
    expect(cases.totalCount).toBe(written.length);

    const pool = new Pool({ connectionString: database.url });
    const fresh = await openPostgresReadDb(database.url, 'netra_read_check');
    try {
      const store = new PostgresEventStore(pool, { schema: EVENTS_SCHEMA });
      const runner = new (await import('../../src/oversight/projection/projection-runner')).ProjectionRunner(store, fresh.db, { keys: storage.keys });
      await runner.start();
      await runner.stop();
      await store.close();
      expect(await dumpReadModel(storage.readDb)).toEqual(await dumpReadModel(fresh.db));
    } finally {
      await fresh.pool.end();
      await pool.end();
    }
  }, 180_000);
});
