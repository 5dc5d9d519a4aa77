import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { appendSyntheticHistory } from '../../../src/demo/synthetic-history';
import { openPglite } from '../../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../../src/event-store/pglite/pglite-event-store';
import { checkpointGuard, checkpointMoved } from '../../../src/oversight/projection/unlocked-batch';
import { inOneRoundTrip } from '../../../src/oversight/projection/one-round-trip';
import { ProjectionRunner, readCheckpoint } from '../../../src/oversight/projection/projection-runner';
import { openPgliteReadDb } from '../../../src/oversight/read-model/open-read-db';
import { dumpReadModel } from '../../../src/oversight/read-model/read-model-dump';
import type { ReadDb } from '../../../src/storage/read-db';

/**
 * Embedded, a live batch reads its start outside a transaction, plans with PGlite's lock released,
 * and writes in one message headed by a guard on the checkpoint (unlocked-batch.ts). Whatever moves
 * the checkpoint in between, the read model must end as a replay gives it.
 */
describe('an embedded projection batch planned with the lock released', () => {
  let pglite: PGlite;
  let spare: PGlite;
  let store: PgliteEventStore;
  let readDb: ReadDb;
  let replayDb: ReadDb;

  beforeEach(async () => {
    pglite = await openPglite('memory:');
    spare = await openPglite('memory:');
    store = new PgliteEventStore(pglite);
    await store.init();
    readDb = await openPgliteReadDb(pglite);
    replayDb = await openPgliteReadDb(spare);
  });
  afterEach(async () => {
    await store.close();
    await pglite.close();
    await spare.close();
  });

  /** The read model another runner gives from the same log on an empty database. */
  async function replayed(): Promise<Record<string, unknown[]>> {
    const replay = new ProjectionRunner(store, replayDb);
    await replay.start();
    await replay.stop();
    return dumpReadModel(replayDb);
  }

  it('holds no transaction: nothing waits on the lock while the batch is planned', async () => {
    await appendSyntheticHistory(store, 12, 3);
    let transactions = 0;
    const transaction = pglite.transaction.bind(pglite);
    pglite.transaction = ((work: Parameters<typeof transaction>[0]) => (transactions++, transaction(work))) as PGlite['transaction'];
    const runner = new ProjectionRunner(store, readDb);
    await runner.start();
    await runner.stop();
    // Before: one drizzle transaction (BEGIN … COMMIT, the lock held across the planning) per batch.
    expect(transactions).toBe(0);
    expect(await dumpReadModel(readDb)).toEqual(await replayed());
  });

  it('the guard writes nothing of its message when the checkpoint is not the one the batch read', async () => {
    await readDb.execute(sql`CREATE TABLE ub_probe (n int)`);
    await readDb.execute(sql`INSERT INTO rm_checkpoints (name, position) VALUES ('cases', 7)`);
    const write = (expected: bigint, n: number) => inOneRoundTrip(readDb, [checkpointGuard('cases', expected), sql`INSERT INTO ub_probe (n) VALUES (${n})`, sql`UPDATE rm_checkpoints SET position = position + 1 WHERE name = 'cases'`]);
    const failure = await write(6n, 1).then(() => null, (error: unknown) => error);
    expect(checkpointMoved(failure)).toBe(true);
    await write(7n, 2);
    const rows = (await readDb.execute(sql`SELECT n FROM ub_probe`)) as unknown as { rows: Array<{ n: number }> };
    expect(rows.rows.map((r) => r.n)).toEqual([2]);
    expect(await readCheckpoint(readDb)).toBe(8n);
    // No checkpoint row yet reads as 0.
    await readDb.execute(sql`DELETE FROM rm_checkpoints`);
    await write(0n, 3);
    expect(checkpointMoved(new Error('other'))).toBe(false);
  });

  it('a batch whose checkpoint moved while it was planned is read and planned again, and the read model is a replay', async () => {
    await appendSyntheticHistory(store, 20, 5);
    // The first write message of the runner under test waits while another runner (a rebuild swapped in ahead,
    // another instance) projects the whole log: its guard then finds the checkpoint moved.
    const exec = pglite.exec.bind(pglite);
    let interfered = 0;
    let inside = false;
    pglite.exec = (async (text: string, options?: Parameters<typeof exec>[1]) => {
      if (!inside && interfered === 0 && text.startsWith('DO $guard$')) {
        inside = true;
        interfered++;
        const other = new ProjectionRunner(store, readDb);
        await other.start();
        await other.stop();
        inside = false;
      }
      return exec(text, options);
    }) as PGlite['exec'];
    const runner = new ProjectionRunner(store, readDb);
    await runner.start();
    await runner.stop();
    expect(interfered).toBe(1);
    expect(runner.position).toBe((await store.readAll(0n, 100_000)).at(-1)!.position);
    // Without the guard the held-back message would apply its events a second time over the other runner's rows.
    expect(await dumpReadModel(readDb)).toEqual(await replayed());
  });
});
