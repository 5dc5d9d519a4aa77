import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import type { StoreFactory } from './contract/contract-helpers';
import { describeEventStoreContract } from './event-store.contract';
import { EsdbTestServer } from './esdb/esdb-test-server';

let server: EsdbTestServer;
beforeAll(async () => (server = await EsdbTestServer.start({ maxAppendSize: 2 * 1024 * 1024 })));
afterAll(async () => server?.stop());

function storeOn(connectionString: () => string): StoreFactory {
  return async () => {
    const store = new EsdbEventStore(connectionString(), { streamPrefixes: ['stream-'] });
    return { store, dispose: () => store.close() };
  };
}

describeEventStoreContract('EventStoreDB test server', storeOn(() => server.connectionString));
