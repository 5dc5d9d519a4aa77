import { openPglite } from '../../src/event-store/pglite/open-pglite';
import type { PGlite } from '@electric-sql/pglite';
import { ProjectionRunner, resetReadModel } from '../../src/oversight/projection/projection-runner';
import { openPgliteReadDb } from '../../src/oversight/read-model/open-read-db';
import { dumpReadModel } from '../../src/oversight/read-model/read-model-dump';
import { STORAGE } from '../../src/storage/storage.module';
import type { Storage } from '../../src/storage/storage';
import { startTestNetra, type RunningNetra } from '../support/netra-app';

describe('the case projection', () => {
  let netra: RunningNetra;
  let storage: Storage;
  let spare: PGlite;

  beforeAll(async () => {
    netra = await startTestNetra({ NETRA_DEMO: '1' });
    storage = netra.app.get<Storage>(STORAGE);
    spare = await openPglite('memory:');
  });
  afterAll(async () => {
    await netra.close();
    await spare.close();
  });

  describe('when the whole demo history was projected live, command by command', () => {
    it('a rebuild from position 0 into an empty read model gives exactly the same rows', async () => {
      const live = await dumpReadModel(storage.readDb);
      expect(live.rm_cases.length).toBeGreaterThan(5);
      expect(live.rm_timeline.length).toBeGreaterThan(20);

      const rebuilt = await openPgliteReadDb(spare);
      const runner = new ProjectionRunner(storage.store, rebuilt, { keys: storage.keys });
      await runner.start();
      await runner.stop();

      expect(await dumpReadModel(rebuilt)).toEqual(live);
    });

    it('replaying events the read model already has applies none of them twice', async () => {
      const before = await dumpReadModel(storage.readDb);
      await storage.readDb.execute(
        (await import('drizzle-orm')).sql`UPDATE rm_checkpoints SET position = 3`,
      );
      const runner = new ProjectionRunner(storage.store, storage.readDb, { keys: storage.keys });
      await runner.start();
      await runner.stop();
      expect(await dumpReadModel(storage.readDb)).toEqual(before);
    });

    it('a reset read model catches up to the same rows', async () => {
      const before = await dumpReadModel(storage.readDb);
      const replica = await openPglite('memory:');
      try {
        const db = await openPgliteReadDb(replica);
        const first = new ProjectionRunner(storage.store, db, { keys: storage.keys });
        await first.start();
        await first.stop();
        await resetReadModel(db);
        expect((await dumpReadModel(db)).rm_cases).toEqual([]);
        const second = new ProjectionRunner(storage.store, db, { keys: storage.keys });
        await second.start();
        await second.stop();
        expect(await dumpReadModel(db)).toEqual(before);
      } finally {
        await replica.close();
      }
    });
    it('a wait for a position that ends in time clears its timer (none left to fire later)', async () => {
      const replica = await openPglite('memory:');
      const setTimer = jest.spyOn(global, 'setTimeout');
      const clearTimer = jest.spyOn(global, 'clearTimeout');
      try {
        const runner = new ProjectionRunner(storage.store, await openPgliteReadDb(replica), { keys: storage.keys });
        const waited = runner.waitFor(await storage.store.headPosition(), 123_456);
        const call = setTimer.mock.calls.findIndex(([, ms]) => ms === 123_456);
        expect(call).toBeGreaterThanOrEqual(0);
        const timer = setTimer.mock.results[call].value;
        await runner.start();
        await expect(waited).resolves.toBe(true);
        expect(clearTimer).toHaveBeenCalledWith(timer);
        await runner.stop();
      } finally {
        setTimer.mockRestore();
        clearTimer.mockRestore();
        await replica.close();
      }
    });
  });
});
