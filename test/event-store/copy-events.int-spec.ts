import type { PGlite } from '@electric-sql/pglite';
import { appendSyntheticHistory } from '../../src/demo/synthetic-history';
import { copyEvents, digestOf } from '../../src/event-store/copying/copy-events';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { rebuildInPlace } from '../../src/oversight/projection/rebuild';
import { openPgliteReadDb, openPostgresReadDb } from '../../src/oversight/read-model/open-read-db';
import { dumpReadModel } from '../../src/oversight/read-model/read-model-dump';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';

async function embedded() {
  const db = await openPglite('memory:');
  const store = new PgliteEventStore(db);
  await store.init();
  return { db, store };
}

describe('copying the history between stores', () => {
  let source: { db: PGlite; store: PgliteEventStore };
  let target: { db: PGlite; store: PgliteEventStore };
  beforeAll(async () => {
    source = await embedded();
    target = await embedded();
    await appendSyntheticHistory(source.store, 300);
  });
  afterAll(async () => {
    for (const s of [source, target]) await s.db.close();
  });

  it('an interrupted copy, run again, finishes with every event once, in order, with ids and metadata', async () => {
    const interrupted = await copyEvents(source.store, target.store, { stopAfter: 500, batchSize: 200 });
    expect(interrupted.verified).toBe(false);
    expect(interrupted.targetCount).toBeGreaterThanOrEqual(500);
    expect(interrupted.targetCount).toBeLessThan(interrupted.sourceCount);

    const resumed = await copyEvents(source.store, target.store, { batchSize: 200 });
    expect(resumed.alreadyCopied).toBe(interrupted.targetCount);
    expect(resumed.alreadyCopied + resumed.copied).toBe(resumed.sourceCount);
    expect(resumed).toMatchObject({ verified: true, targetCount: resumed.sourceCount, targetDigest: resumed.sourceDigest });

    const [a, b] = [await source.store.readAll(0n, 100_000), await target.store.readAll(0n, 100_000)];
    expect(b.map((e) => [e.id, e.streamId, e.version, e.metadata])).toEqual(a.map((e) => [e.id, e.streamId, e.version, e.metadata]));
  });

  it('running it once more appends nothing', async () => {
    const again = await copyEvents(source.store, target.store);
    expect(again).toMatchObject({ copied: 0, verified: true });
  });

  it('refuses a target whose history is not the start of the source', async () => {
    const other = await embedded();
    try {
      await appendSyntheticHistory(other.store, 3, 99);
      await expect(copyEvents(source.store, other.store)).rejects.toThrow(/not the start of the source/);
    } finally {
      await other.db.close();
    }
  });
});

/**
 * `npm test` copies about 4,500 events (1,000 cases: many pages, an interruption a third of the way);
 * `npm run test:scale` copies 100k (22,000 cases, COPY_TEST_CASES) — minutes, so not in every CI run
 * (README, "Moving between stores", publishes its figure).
 */
const CASES = Number(process.env.COPY_TEST_CASES ?? 1_000);

describeWithPostgres(`copying ${CASES === 22_000 ? '100k' : `the events of ${CASES} cases`} from the embedded store to PostgreSQL`, () => {
  let source: { db: PGlite; store: PgliteEventStore };
  let database: ThrowawayDatabase;
  let target: PostgresEventStore;

  beforeAll(async () => {
    source = await embedded();
    database = await createThrowawayDatabase();
    target = (await database.openStore({ schema: 'netra_events' })).store;
  }, 300_000);
  afterAll(async () => {
    await target.close();
    await source.db.close();
    await database.drop();
  });

  it('moves the whole history, resumes after an interruption with nothing duplicated, and both read models are identical', async () => {
    const events = await appendSyntheticHistory(source.store, CASES);
    expect(events).toBeGreaterThanOrEqual(CASES === 22_000 ? 100_000 : 1);

    const interrupted = await copyEvents(source.store, target, { stopAfter: Math.floor(events / 3) });
    expect(interrupted.verified).toBe(false);
    const resumed = await copyEvents(source.store, target);
    expect(resumed).toMatchObject({ verified: true, sourceCount: events, targetCount: events });
    expect((await digestOf(target)).hex()).toBe((await digestOf(source.store)).hex());

    const embeddedModel = await openPgliteReadDb(source.db);
    await rebuildInPlace(source.store, embeddedModel);
    const postgresModel = await openPostgresReadDb(database.url);
    try {
      await rebuildInPlace(target, postgresModel.db);
      expect(await dumpReadModel(postgresModel.db)).toEqual(await dumpReadModel(embeddedModel));
    } finally {
      await postgresModel.pool.end();
    }
  }, 900_000);
});
