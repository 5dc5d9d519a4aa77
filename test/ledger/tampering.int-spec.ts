import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { appendSyntheticHistory } from '../../src/demo/synthetic-history';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { verifyLedger, type LedgerReport } from '../../src/ledger/verify-ledger';
import { EVENTS_SCHEMA } from '../../src/storage/storage';
import { startTestNetra } from '../support/netra-app';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';
import { tamperer } from './tampering';

const CASES = 30;

describeWithPostgres('tamper evidence on the PostgreSQL store', () => {
  let database: ThrowawayDatabase;
  const opened: Array<{ dispose: () => Promise<void> }> = [];
  beforeAll(async () => (database = await createThrowawayDatabase(10)));
  afterAll(async () => {
    for (const store of opened) await store.dispose();
    await database?.drop();
  });

  /** A realistic history of its own (a schema per test), and a way to edit its rows behind the store's back. */
  async function aHistory(schema: string): Promise<{ store: PostgresEventStore; events: number; edit: ReturnType<typeof tamperer> }> {
    const handle = await database.openStore({ schema });
    opened.push(handle);
    const events = await appendSyntheticHistory(handle.store, CASES);
    const edit = tamperer(async (sql, params) => (await database.pool.query(sql, params)).rows, `${schema}.es_events`);
    return { store: handle.store, events, edit };
  }

  function brokenAt(position: number, problem: LedgerReport['problem']) {
    return { ok: false, problem, firstBadPosition: String(position), headPosition: String(position - 1), count: position - 1 };
  }

  describe('an untampered history', () => {
    it('verifies, and its head is what the public ledger query gives and what npm run verify prints', async () => {
      const { store, events } = await aHistory(EVENTS_SCHEMA);
      // A store with events and no key check opens only with a key given: never the checkout's ./data/master-key, which another suite may or may not have made.
      const netra = await startTestNetra({ EVENT_STORE_URL: database.url, NETRA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') });
      let ledger: { headPosition: string; headHash: string; count: number };
      try {
        // Anonymous: the head is public integrity data. (The running service may append overdue marks meanwhile.)
        ({ ledger } = await netra.anonymous().request<{ ledger: typeof ledger }>('{ ledger { headPosition headHash count } }'));
      } finally {
        await netra.close();
      }
      expect(ledger.count).toBeGreaterThanOrEqual(events);
      expect(ledger.headPosition).toBe(String(ledger.count));

      const report = await verifyLedger(store, { expectHead: { hash: ledger.headHash, position: BigInt(ledger.headPosition) } });
      expect(report).toMatchObject({ ok: true, chain: 'stored' });
      if (report.headPosition === ledger.headPosition) expect(report).toMatchObject(ledger);

      const cli = await runVerify(database.url, `${report.headHash}@${report.headPosition}`);
      expect(cli.code).toBe(0);
      expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, headHash: report.headHash, headPosition: report.headPosition });
      const wrongHead = await runVerify(database.url, `${'f'.repeat(64)}@${report.headPosition}`);
      expect(wrongHead.code).toBe(1);
      expect(JSON.parse(wrongHead.stdout)).toMatchObject({ ok: false, problem: 'rewritten' });
    });
  });

  describe('when an insider edits the rows directly', () => {
    it('names a changed event by its position', async () => {
      const { store, edit } = await aHistory('changed_log');
      await edit.changeData(37);
      expect(await verifyLedger(store)).toMatchObject(brokenAt(37, 'changed'));
    });

    it('names a changed event by its position even when its own hash was recomputed', async () => {
      const { store, edit } = await aHistory('rehashed_log');
      await edit.changeAndRehash(37);
      expect(await verifyLedger(store)).toMatchObject(brokenAt(37, 'changed'));
    });

    it('names the position of a removed event', async () => {
      const { store, edit } = await aHistory('removed_log');
      await edit.remove(52);
      expect(await verifyLedger(store)).toMatchObject(brokenAt(52, 'removed'));
    });

    it('names the position of a removed event even when the later ones were renumbered to close the gap', async () => {
      const { store, edit } = await aHistory('renumbered_log');
      await edit.remove(52, { renumber: true });
      expect(await verifyLedger(store)).toMatchObject(brokenAt(52, 'removed'));
    });

    it('names the first position of two swapped events', async () => {
      const { store, edit } = await aHistory('swapped_log');
      await edit.swap(18, 61);
      expect(await verifyLedger(store)).toMatchObject(brokenAt(18, 'reordered'));
    });

    it('detects two neighbours swapped', async () => {
      const { store, edit } = await aHistory('neighbours_log');
      await edit.swap(40, 41);
      expect(await verifyLedger(store)).toMatchObject(brokenAt(40, 'reordered'));
    });

    it('names an inserted event by its position, even with the hash the store would have given it', async () => {
      const { store, events, edit } = await aHistory('inserted_log');
      await edit.insertForged(25);
      expect(await store.headPosition()).toBe(BigInt(events + 1));
      expect(await verifyLedger(store)).toMatchObject(brokenAt(25, 'inserted'));
    });
  });

  describe('when an insider rewrites the whole chain after a change', () => {
    it('the chain holds together again, and only the head published before catches it', async () => {
      const { store, edit } = await aHistory('rewritten_log');
      const before = await verifyLedger(store);
      const published = { hash: before.headHash, position: BigInt(before.headPosition) };

      await edit.rewriteFrom(12);

      expect(await verifyLedger(store)).toMatchObject({ ok: true, count: before.count });
      expect(await verifyLedger(store, { expectHead: published })).toMatchObject({ ok: false, problem: 'rewritten' });
    });

    it('dropping the newest events leaves a valid chain that no longer reaches the published head', async () => {
      const { store, events, edit } = await aHistory('truncated_log');
      const before = await verifyLedger(store);
      await edit.truncateAfter(events - 3);

      expect(await verifyLedger(store)).toMatchObject({ ok: true, count: events - 3 });
      expect(await verifyLedger(store, { expectHead: { hash: before.headHash, position: BigInt(events) } })).toMatchObject({
        ok: false,
        problem: 'removed',
        firstBadPosition: String(events - 2),
      });
    });
  });

  describe('a table from before the ledger', () => {
    it('is linked when the store starts, to the same chain the store would have built', async () => {
      const { store } = await aHistory('legacy_log');
      const chained = await verifyLedger(store);
      await database.pool.query('ALTER TABLE legacy_log.es_events DROP COLUMN hash, DROP COLUMN prev_hash');

      const reopened = await database.openStore({ schema: 'legacy_log' });
      opened.push(reopened);

      expect(await verifyLedger(reopened.store)).toEqual(chained);
      await reopened.store.append('case-after-migration', [anEventAfterMigration()], 'no_stream');
      expect(await verifyLedger(reopened.store)).toMatchObject({ ok: true, count: chained.count + 1 });
    });
  });
});

function anEventAfterMigration() {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    type: 'CaseReported',
    data: { note: 'first event after the migration' },
    metadata: { commandId: 'c-1', agency: 'BAWASLU', unit: null, userId: 'u', recordedAt: '2026-01-01T00:00:00.000Z' },
  };
}

async function runVerify(url: string, expectHead: string): Promise<{ code: number; stdout: string }> {
  const script = join(__dirname, '..', '..', 'dist', 'cli', 'verify-ledger.js');
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [script, '--expect-head', expectHead], { env: { ...process.env, EVENT_STORE_URL: url } });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}
