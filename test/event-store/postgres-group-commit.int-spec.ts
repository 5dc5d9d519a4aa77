/**
 * Group commit on a real PostgreSQL: appends that wait together go to the database as one
 * transaction, yet each is answered on its own, and none is answered before its commit.
 * Transactions are counted by the database itself: the rows one transaction wrote share its `xmin`.
 */
import { Client, Pool } from 'pg';
import { WrongExpectedVersionError, type AppendResult, type NewEvent } from '../../src/event-store/event-store';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { aStreamId, positionsFrom, sleep, someEvents } from './contract/contract-helpers';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';
import { TcpProxy } from '../faults/tcp-proxy';

/** Advisory lock (two-key form, apart from the store's one-key lock) that holds an append open. */
const GATE = [4243, 1] as const;

/** Any append to a `held-` stream waits, after inserting its events and before committing, until the gate opens. */
const HOLD_APPENDS_AT_GATE = `
  CREATE FUNCTION wait_at_gate() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN PERFORM pg_advisory_xact_lock_shared(${GATE[0]}, ${GATE[1]}); RETURN NULL; END $$;
  CREATE TRIGGER wait_at_gate AFTER INSERT ON es_events
    FOR EACH ROW WHEN (NEW.stream_id LIKE 'held-%') EXECUTE FUNCTION wait_at_gate();`;

describeWithPostgres('PostgreSQL event store: group commit', () => {
  let database: ThrowawayDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    store = (await database.openStore()).store;
    await database.pool.query(HOLD_APPENDS_AT_GATE);
  });

  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  /** How many transactions wrote the events with these ids. */
  async function transactionsOf(events: NewEvent[]): Promise<number> {
    const { rows } = await database.pool.query<{ n: number }>(
      'SELECT count(DISTINCT xmin::text)::int AS n FROM es_events WHERE id = ANY($1::uuid[])',
      [events.map((event) => event.id)],
    );
    return rows[0].n;
  }

  it('lands appends made together in one transaction, at gap-free positions in the order they came', async () => {
    const head = await store.headPosition();
    const appends = Array.from({ length: 16 }, (_, index) => ({ streamId: aStreamId(), events: someEvents(1, `together ${index}`) }));

    const results = await Promise.all(appends.map(({ streamId, events }) => store.append(streamId, events, 'no_stream')));

    expect(results.map((result) => result.position)).toEqual(positionsFrom(head + 1n, 16));
    expect(results.every((result) => result.nextVersion === 1 && !result.duplicate)).toBe(true);
    expect(await transactionsOf(appends.flatMap((append) => append.events))).toBe(1);
  });

  it('commits 8 writers appending back to back in fewer transactions than appends, the log gap-free', async () => {
    const head = await store.headPosition();
    const written: NewEvent[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, writer) => {
        for (let n = 0; n < 25; n++) {
          const events = someEvents(n % 3 === 0 ? 2 : 1, `writer ${writer}`);
          await store.append(aStreamId(), events, 'no_stream');
          written.push(...events);
        }
      }),
    );

    const log = await store.readAll(head, 1000);
    expect(log.map((event) => event.position)).toEqual(positionsFrom(head + 1n, written.length));
    expect(log.map((event) => event.id).sort()).toEqual(written.map((event) => event.id).sort());
    expect(await transactionsOf(written)).toBeLessThan(8 * 25);
  });

  it('refuses a conflicting append alone and answers a retry as a duplicate, the rest of its batch committed', async () => {
    const taken = aStreamId();
    await store.append(taken, someEvents(1, 'first'), 'no_stream');
    const retriedStream = aStreamId();
    const retried = someEvents(2, 'retried');
    const original = await store.append(retriedStream, retried, 'no_stream');
    const head = await store.headPosition();
    const fresh = Array.from({ length: 6 }, (_, index) => ({ streamId: aStreamId(), events: someEvents(1, `fresh ${index}`) }));

    const outcomes = await Promise.allSettled([
      store.append(fresh[0].streamId, fresh[0].events, 'no_stream'),
      store.append(taken, someEvents(1, 'conflicting'), 'no_stream'),
      ...fresh.slice(1, 3).map(({ streamId, events }) => store.append(streamId, events, 'no_stream')),
      store.append(retriedStream, retried, 'no_stream'),
      ...fresh.slice(3).map(({ streamId, events }) => store.append(streamId, events, 'no_stream')),
    ]);

    const [refused, duplicate] = [outcomes[1], outcomes[4]];
    expect(refused.status).toBe('rejected');
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ streamId: taken, actual: 1 });
    expect(duplicate).toEqual({ status: 'fulfilled', value: { ...original, duplicate: true } });
    const accepted = outcomes.filter((_, index) => index !== 1 && index !== 4) as PromiseFulfilledResult<AppendResult>[];
    expect(accepted.map((outcome) => outcome.status)).toEqual(Array(6).fill('fulfilled'));
    expect(accepted.map((outcome) => outcome.value.position)).toEqual(positionsFrom(head + 1n, 6));
    expect(await transactionsOf(fresh.flatMap((append) => append.events))).toBe(1);
    expect((await store.readStream(taken)).map((event) => event.version)).toEqual([1]);
    expect(await store.readStream(retriedStream)).toHaveLength(2);
  });

  it('rejects every caller of a batch whose connection is cut before its commit, and loses nothing acknowledged', async () => {
    const proxy = new TcpProxy(new URL(database.url).hostname, Number(new URL(database.url).port || 5432));
    await proxy.open();
    const pool = new Pool({ connectionString: proxy.url(database.url), max: 4 });
    pool.on('error', () => undefined);
    const viaProxy = new PostgresEventStore(pool);
    const gate = new Client({ connectionString: database.url });
    await gate.connect();
    try {
      const acknowledged = Array.from({ length: 4 }, () => ({ streamId: aStreamId(), events: someEvents(1, 'before the cut') }));
      for (const { streamId, events } of acknowledged) await viaProxy.append(streamId, events, 'no_stream');
      const head = await store.headPosition();

      await gate.query('SELECT pg_advisory_lock($1, $2)', [...GATE]);
      const batch = [
        { streamId: `held-${aStreamId()}`, events: someEvents(1, 'held') },
        ...Array.from({ length: 7 }, () => ({ streamId: aStreamId(), events: someEvents(1, 'in the cut batch') })),
      ];
      const outcomes = Promise.allSettled(batch.map(({ streamId, events }) => viaProxy.append(streamId, events, 'no_stream')));
      await untilAnAppendWaitsAtGate(gate);
      await proxy.refuse();
      const settled = await outcomes;
      await gate.query('SELECT pg_advisory_unlock($1, $2)', [...GATE]);

      expect(settled.map((outcome) => outcome.status)).toEqual(Array(8).fill('rejected'));
      // The acknowledged appends are in; each cut one, tried again, is stored once (as itself or a duplicate).
      for (const { streamId, events } of acknowledged) expect((await store.readStream(streamId)).map((event) => event.id)).toEqual([events[0].id]);
      for (const { streamId, events } of batch) await store.append(streamId, events, 'no_stream');
      const log = await store.readAll(head, 100);
      expect(log.map((event) => event.position)).toEqual(positionsFrom(head + 1n, 8));
      expect(log.map((event) => event.id).sort()).toEqual(batch.map(({ events }) => events[0].id).sort());
    } finally {
      await gate.query('SELECT pg_advisory_unlock_all()');
      await gate.end();
      await viaProxy.close();
      await pool.end();
      await proxy.refuse();
    }
  });
});

async function untilAnAppendWaitsAtGate(gate: Client): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const { rowCount } = await gate.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = $1 AND objid = $2`, [...GATE]);
    if (rowCount) return;
    await sleep(10);
  }
  throw new Error('the held append never reached the gate');
}
