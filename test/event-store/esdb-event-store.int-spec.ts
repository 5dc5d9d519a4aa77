/**
 * The event-store contract against EventStoreDB: always against the in-process test server
 * (test/event-store/esdb/esdb-test-server.ts), and also against a real server when ESDB_TEST_URL is
 * set, e.g. `docker run -p 2113:2113 -e EVENTSTORE_INSECURE=true -e EVENTSTORE_MEMDB=true
 * -e EVENTSTORE_MAX_APPEND_SIZE=2097152 eventstore/eventstore:23.10.0-bookworm-slim` then
 * `ESDB_TEST_URL='esdb://localhost:2113?tls=false' npx jest test/event-store/esdb`. The 1 MB payload
 * test needs the larger append size: ESDB's default limit is 1 MiB for a whole append.
 * ESDB positions are commit positions (byte offsets): ordered but not dense, so the factory reports
 * `positions: 'ordered'` and the contract asserts no position arithmetic here.
 */
import { randomUUID } from 'node:crypto';
import { KurrentDBClient, MaxAppendSizeExceededError, jsonEvent } from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError, type RecordedEvent } from '../../src/event-store/event-store';
import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { aStreamId, asAppended, someEvents, waitFor, type StoreFactory } from './contract/contract-helpers';
import { describeEventStoreContract } from './event-store.contract';
import { EsdbTestServer } from './esdb/esdb-test-server';

let server: EsdbTestServer;
/** A server without BatchAppend (before 21.10): the client falls back to Streams.Append. */
let appendOnly: EsdbTestServer;
beforeAll(async () => {
  server = await EsdbTestServer.start({ maxAppendSize: 2 * 1024 * 1024 });
  appendOnly = await EsdbTestServer.start({ maxAppendSize: 2 * 1024 * 1024, batchAppend: false });
});
afterAll(async () => {
  await server?.stop();
  await appendOnly?.stop();
});

function storeOn(connectionString: () => string): StoreFactory {
  return async () => {
    const store = new EsdbEventStore(connectionString(), { streamPrefixes: ['stream-'] });
    return { store, dispose: () => store.close(), positions: 'ordered' };
  };
}

describeEventStoreContract('KurrentDB test server (BatchAppend, as real servers offer it)', storeOn(() => server.connectionString));
describeEventStoreContract('KurrentDB test server (Streams.Append only)', storeOn(() => appendOnly.connectionString));

const realServer = process.env.ESDB_TEST_URL;
if (realServer) describeEventStoreContract(`EventStoreDB at ${realServer}`, storeOn(() => realServer));

describe('EventStoreDB event store', () => {
  let store: EsdbEventStore;
  beforeAll(() => (store = new EsdbEventStore(server.connectionString, { streamPrefixes: ['stream-'] })));
  afterAll(async () => store.close());

  it("turns EventStoreDB's wrong expected version into the port's conflict, with the stream's version", async () => {
    const streamId = aStreamId();
    await store.append(streamId, someEvents(2), 'no_stream');

    const refusal = await store.append(streamId, someEvents(1), 1).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(WrongExpectedVersionError);
    expect(refusal).toMatchObject({ code: 'CONFLICT', streamId, expected: 1, actual: 2 });
  });

  it.each([
    'esdb+discover://a:2113,b:2113?tls=true&tlsVerifyCert=false',
    'esdb://admin:changeit@node1:2113,node2:2113,node3:2113?tls=true&nodePreference=leader&keepAliveTimeout=10000',
    'esdb://localhost:2113?tls=false',
  ])('hands the connection string %s to the client untouched, without connecting', (url) => {
    const received: string[] = [];
    const cluster = new EsdbEventStore(url, {
      streamPrefixes: ['case-'],
      createClient: (connectionString) => (received.push(connectionString), KurrentDBClient.connectionString(connectionString)),
    });

    expect(received).toEqual([url]);
    expect(cluster.connectionString).toBe(url);
  });

  it('never delivers $-system events or streams outside its prefixes, in subscriptions or reads', async () => {
    const head = await store.headPosition();
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribe(async (events) => void seen.push(...events), { after: head, batchSize: 1 });
    try {
      const raw = KurrentDBClient.connectionString(server.connectionString);
      const own = someEvents(2);
      server.writeSystemEvent('$stats-127.0.0.1:2113');
      await raw.appendToStream(`other-${randomUUID()}`, jsonEvent({ type: 'Foreign', data: {} }));
      await store.append(aStreamId(), own.slice(0, 1), 'no_stream');
      server.writeSystemEvent('$stats-127.0.0.1:2113');
      await raw.appendToStream(`case-${randomUUID()}`, jsonEvent({ type: 'OtherPrefix', data: {} }));
      await store.append(aStreamId(), own.slice(1), 'no_stream');
      server.writeSystemEvent('$stats-127.0.0.1:2113');
      await raw.dispose();

      await waitFor(() => seen.length >= 2, 'the two own events');
      expect(seen.map(asAppended)).toEqual(own);
      expect((await store.readAll(head, 10)).map(asAppended)).toEqual(own);
      expect(await store.headPosition()).toBe(seen[1].position);
    } finally {
      await subscription.close();
    }
  });

  it("relies on a server that treats the same ids at the same expected revision as a no-op, as EventStoreDB does", async () => {
    const raw = KurrentDBClient.connectionString(server.connectionString);
    try {
      const streamId = aStreamId();
      const events = [jsonEvent({ id: randomUUID(), type: 'A', data: {} }), jsonEvent({ id: randomUUID(), type: 'B', data: {} })];
      const first = await raw.appendToStream(streamId, events, { streamState: 'no_stream' });
      const retried = await raw.appendToStream(streamId, events, { streamState: 'no_stream' });

      expect(retried.nextExpectedRevision).toBe(first.nextExpectedRevision);
      expect(await store.readStream(streamId)).toHaveLength(2);
      await expect(raw.appendToStream(streamId, [events[1]], { streamState: 'no_stream' })).rejects.toThrow();
    } finally {
      await raw.dispose();
    }
  });

  it('appends through BatchAppend when the server offers it, and through Append when it does not', async () => {
    const [batchBefore, appendBefore] = [server.calls.batchAppend, server.calls.append];
    await store.append(aStreamId(), someEvents(2), 'no_stream');
    expect(server.calls.batchAppend).toBe(batchBefore + 1);
    expect(server.calls.append).toBe(appendBefore);

    const legacy = new EsdbEventStore(appendOnly.connectionString, { streamPrefixes: ['stream-'] });
    try {
      const before = appendOnly.calls.append;
      await legacy.append(aStreamId(), someEvents(2), 'no_stream');
      expect(appendOnly.calls.append).toBe(before + 1);
      expect(appendOnly.calls.batchAppend).toBe(0);
    } finally {
      await legacy.close();
    }
  });

  it('refuses an append over the server\'s maximum append size through BatchAppend, appending nothing', async () => {
    const streamId = aStreamId();
    const big = [{ ...someEvents(1)[0], data: { text: 'x'.repeat(3 * 1024 * 1024) } }];
    const refusal = await store.append(streamId, big, 'no_stream').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(MaxAppendSizeExceededError);
    expect(refusal).toMatchObject({ maxAppendSize: 2 * 1024 * 1024 });
    expect(await store.readStream(streamId)).toEqual([]);
  });

  it('refuses to append to a stream outside its prefixes, which its global log would never show', async () => {
    await expect(store.append(`other-${randomUUID()}`, someEvents(1), 'no_stream')).rejects.toThrow(/outside/);
  });
});
