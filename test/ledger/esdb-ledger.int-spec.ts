import { appendSyntheticHistory } from '../../src/demo/synthetic-history';
import { copyEvents } from '../../src/event-store/copying/copy-events';
import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { LedgerHeadReader } from '../../src/ledger/ledger-head';
import { verifyLedger } from '../../src/ledger/verify-ledger';
import { EsdbTestServer } from '../event-store/esdb/esdb-test-server';

/**
 * EventStoreDB keeps no hashes: the chain is computed from `$all` order. Against the gRPC test
 * server (see README, Stores): what it shows is that the same history gives the same head there.
 */
describe('the ledger on EventStoreDB', () => {
  let server: EsdbTestServer;
  beforeAll(async () => (server = await EsdbTestServer.start()));
  afterAll(async () => server?.stop());

  it('computes the chain while reading, to the head an embedded store with the same history published', async () => {
    const db = await openPglite('memory:');
    const embedded = new PgliteEventStore(db);
    const esdb = new EsdbEventStore(server.connectionString, { streamPrefixes: ['case-'] });
    try {
      await embedded.init();
      await appendSyntheticHistory(embedded, 20);
      const published = await verifyLedger(embedded);

      await copyEvents(embedded, esdb);

      const report = await verifyLedger(esdb, { chain: 'computed', expectHead: { hash: published.headHash, position: await esdb.headPosition() } });
      expect(report).toMatchObject({ ok: true, chain: 'computed', count: published.count, headHash: published.headHash });
      expect((await new LedgerHeadReader(esdb, 'computed').head()).hash).toBe(published.headHash);
      expect(await verifyLedger(esdb, { chain: 'computed', expectHead: { hash: 'f'.repeat(64), position: await esdb.headPosition() } })).toMatchObject({
        ok: false,
        problem: 'rewritten',
      });
    } finally {
      await esdb.close();
      await db.close();
    }
  });
});
