import type { PGlite } from '@electric-sql/pglite';
import { appendSyntheticHistory } from '../../src/demo/synthetic-history';
import { copyEvents } from '../../src/event-store/copying/copy-events';
import type { EventStore, RecordedEvent } from '../../src/event-store/event-store';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { LedgerHeadReader } from '../../src/ledger/ledger-head';
import { verifyLedger } from '../../src/ledger/verify-ledger';
import { tamperer } from './tampering';

async function anEmbeddedStore(): Promise<{ db: PGlite; store: PgliteEventStore }> {
  const db = await openPglite('memory:');
  const store = new PgliteEventStore(db);
  await store.init();
  return { db, store };
}

/** The same log without its stored hashes, as EventStoreDB serves it. */
function withoutHashes(store: EventStore): EventStore {
  const strip = (events: RecordedEvent[]) => events.map(({ hash: _hash, previousHash: _previous, ...event }) => event);
  return Object.assign(Object.create(store) as EventStore, { readAll: async (after: bigint, limit: number) => strip(await store.readAll(after, limit)) });
}

describe('tamper evidence on the embedded store', () => {
  let embedded: { db: PGlite; store: PgliteEventStore };
  let events: number;
  beforeAll(async () => {
    embedded = await anEmbeddedStore();
    events = await appendSyntheticHistory(embedded.store, 30);
  });
  afterAll(async () => embedded.db.close());

  it('an untampered history verifies, and the ledger head is its last event', async () => {
    const report = await verifyLedger(embedded.store);
    const [last] = await embedded.store.readAll(BigInt(events - 1), 1);
    expect(report).toEqual({ ok: true, chain: 'stored', headPosition: String(events), headHash: last.hash, count: events });
    expect(await new LedgerHeadReader(embedded.store, 'stored').head()).toEqual({ position: BigInt(events), hash: last.hash, count: events });
  });

  it('a store that keeps no hashes computes the same chain while reading, and catches up incrementally', async () => {
    const stored = await verifyLedger(embedded.store);
    const computed = withoutHashes(embedded.store);
    const reader = new LedgerHeadReader(computed, 'computed');

    expect(await verifyLedger(computed, { chain: 'computed' })).toEqual({ ...stored, chain: 'computed' });
    expect((await reader.head()).hash).toBe(stored.headHash);

    await embedded.store.append('case-one-more', [oneMoreEvent()], 'no_stream');
    events += 1;
    expect(await reader.head()).toEqual(await new LedgerHeadReader(embedded.store, 'stored').head());
  });

  it('a copy to another store has the same head, so a head published before a migration still verifies after it', async () => {
    const copy = await anEmbeddedStore();
    try {
      const before = await verifyLedger(embedded.store);
      await copyEvents(embedded.store, copy.store);
      expect(await verifyLedger(copy.store, { expectHead: { hash: before.headHash, position: BigInt(before.headPosition) } })).toEqual(before);
    } finally {
      await copy.db.close();
    }
  });

  it('names a changed event by its position', async () => {
    const edit = tamperer(async (sql, params) => (await embedded.db.query<Record<string, unknown>>(sql, params)).rows, 'es_events');
    await edit.changeData(44);
    expect(await verifyLedger(embedded.store)).toMatchObject({ ok: false, problem: 'changed', firstBadPosition: '44', headPosition: '43', count: 43 });
  });
});

function oneMoreEvent() {
  return {
    id: '00000000-0000-4000-8000-000000000002',
    type: 'CaseReported',
    data: { note: 'one more' },
    metadata: { commandId: 'c-2', agency: 'BAWASLU', unit: null, userId: 'u', recordedAt: '2026-01-01T00:00:00.000Z' },
  };
}
