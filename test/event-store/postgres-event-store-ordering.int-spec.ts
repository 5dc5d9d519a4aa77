/**
 * Global order under concurrency, on a real PostgreSQL: what a single-writer embedded store cannot
 * show. Every subscriber here must see positions head+1, head+2, … with nothing skipped.
 */
import { Client } from 'pg';
import { WrongExpectedVersionError, type NewEvent, type RecordedEvent, type Subscription } from '../../src/event-store/event-store';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { aStreamId, positionsFrom, sleep, someEvents, waitFor } from './contract/contract-helpers';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';

const WRITERS = 20;
/** Advisory lock (two-key form, apart from the store's one-key lock) that holds an append open. */
const GATE = [4242, 1] as const;

/**
 * A row trigger that makes any append to a `held-` stream wait, after inserting its events and
 * before committing, until the test opens the gate: a transaction that commits late, on demand.
 */
const HOLD_APPENDS_AT_GATE = `
  CREATE FUNCTION wait_at_gate() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN PERFORM pg_advisory_xact_lock_shared(${GATE[0]}, ${GATE[1]}); RETURN NULL; END $$;
  CREATE TRIGGER wait_at_gate AFTER INSERT ON es_events
    FOR EACH ROW WHEN (NEW.stream_id LIKE 'held-%') EXECUTE FUNCTION wait_at_gate();`;

describeWithPostgres('PostgreSQL event store: global order under concurrency', () => {
  let database: ThrowawayDatabase;
  let store: PostgresEventStore;
  let gate: Client;

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    store = (await database.openStore({ pollIntervalMs: 10 })).store;
    await database.pool.query(HOLD_APPENDS_AT_GATE);
    gate = new Client({ connectionString: database.url });
    await gate.connect();
  });

  afterAll(async () => {
    await gate?.end();
    await store?.close();
    await database?.drop();
  });

  /** A live subscription from the current head, recording what it is handed. */
  async function watch(): Promise<{ head: bigint; seen: RecordedEvent[]; subscription: Subscription }> {
    const head = await store.headPosition();
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribe(async (events) => void seen.push(...events), { after: head });
    await subscription.caughtUp;
    return { head, seen, subscription };
  }

  async function untilAnAppendWaitsAtGate(): Promise<void> {
    for (let attempt = 0; attempt < 500; attempt++) {
      const { rowCount } = await gate.query(
        `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = $1 AND objid = $2`,
        [...GATE],
      );
      if (rowCount) return;
      await sleep(10);
    }
    throw new Error('the held append never reached the gate');
  }

  /** Waits until `count` appends are blocked behind another transaction (the held one). */
  async function untilWaitingOnAnotherTransaction(count: number): Promise<void> {
    for (let attempt = 0; attempt < 500; attempt++) {
      const { rows } = await gate.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted`,
      );
      if (rows[0].n >= count) return;
      await sleep(10);
    }
    throw new Error(`fewer than ${count} appends ever waited on another transaction`);
  }

  it('does not let a subscriber skip the events of a transaction that commits after a later one', async () => {
    const { head, seen, subscription } = await watch();
    try {
      await gate.query('SELECT pg_advisory_lock($1, $2)', [...GATE]);
      const [early, late] = [someEvents(1, 'commits late'), someEvents(1, 'commits early')];
      const slow = store.append(`held-${aStreamId()}`, early, 'no_stream');
      await untilAnAppendWaitsAtGate();
      const fast = store.append(aStreamId(), late, 'no_stream');
      // Long enough for the later append to commit (were it not made to wait) and the 10 ms poll to see it.
      await sleep(300);
      const seenWhileHeld = [...seen];

      await gate.query('SELECT pg_advisory_unlock($1, $2)', [...GATE]);
      const [slowResult, fastResult] = await Promise.all([slow, fast]);
      const last = slowResult.position > fastResult.position ? slowResult.position : fastResult.position;
      await waitFor(() => seen.length > 0 && seen[seen.length - 1].position >= last, 'the subscriber to reach both appends');

      expect(seenWhileHeld.map((event) => event.position)).toEqual([]);
      expect(seen.map((event) => event.position)).toEqual(positionsFrom(head + 1n, 2));
      expect(seen.map((event) => event.id)).toEqual([early[0].id, late[0].id]);
    } finally {
      await gate.query('SELECT pg_advisory_unlock_all()');
      await subscription.close();
    }
  });

  it('answers retries of an append still in flight as duplicates once it commits, not as conflicts', async () => {
    const streamId = `held-${aStreamId()}`;
    const events = someEvents(2);
    await gate.query('SELECT pg_advisory_lock($1, $2)', [...GATE]);
    try {
      const first = store.append(streamId, events, 'no_stream');
      await untilAnAppendWaitsAtGate();
      // Both retries find none of their ids yet, so they can only learn they are retries from the race.
      const retries = [store.append(streamId, events, 'no_stream'), store.append(streamId, events, 'any')];
      await untilWaitingOnAnotherTransaction(retries.length);
      await gate.query('SELECT pg_advisory_unlock($1, $2)', [...GATE]);

      const [original, ...retried] = await Promise.all([first, ...retries]);

      expect(original).toMatchObject({ nextVersion: 2, duplicate: false });
      expect(retried).toEqual([{ ...original, duplicate: true }, { ...original, duplicate: true }]);
      expect((await store.readStream(streamId)).map((event) => event.id)).toEqual(events.map((event) => event.id));
    } finally {
      await gate.query('SELECT pg_advisory_unlock_all()');
    }
  });

  it(`lands every event of ${WRITERS} concurrent writers once, in a contiguous log that a live subscriber sees whole`, async () => {
    const { head, seen, subscription } = await watch();
    try {
      const shared = aStreamId();
      const written: NewEvent[] = [];
      let conflicts = 0;
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          const [own, contended] = [someEvents(2, `writer ${writer}`), someEvents(1, `writer ${writer} shared`)];
          await store.append(aStreamId(), own, 'no_stream');
          written.push(...own);
          for (;;) {
            const version = (await store.readStream(shared)).length;
            try {
              await store.append(shared, contended, version === 0 ? 'no_stream' : version);
              return void written.push(...contended);
            } catch (error) {
              if (!(error instanceof WrongExpectedVersionError)) throw error;
              conflicts++;
            }
          }
        }),
      );
      const total = WRITERS * 3;
      await waitFor(() => seen.length >= total, `${total} events`);

      const log = await store.readAll(head, 10 * total);
      expect(log.map((event) => event.position)).toEqual(positionsFrom(head + 1n, total));
      expect(log.map((event) => event.id).sort()).toEqual(written.map((event) => event.id).sort());
      expect(seen.map((event) => event.id)).toEqual(log.map((event) => event.id));
      expect((await store.readStream(shared)).map((event) => event.version)).toEqual(positionsFrom(1n, WRITERS).map(Number));
      expect(conflicts).toBeGreaterThan(0);
    } finally {
      await subscription.close();
    }
  });

  it('leaves no hole in the positions when appends are refused or fail among successful ones', async () => {
    const existing = aStreamId();
    await store.append(existing, someEvents(1), 'no_stream');
    const [taken] = someEvents(1, 'id already used');
    await store.append(aStreamId(), [taken], 'no_stream');
    const { head, seen, subscription } = await watch();
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, index) => [
          store.append(aStreamId(), someEvents(1, `accepted ${index}`), 'no_stream'),
          store.append(existing, someEvents(1, `refused ${index}`), 'no_stream'),
          store.append(aStreamId(), [...someEvents(1), taken], 'no_stream'),
        ]).flat(),
      );
      await waitFor(() => seen.length >= 10, 'the ten accepted events');
      await sleep(100);

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
      expect(seen.map((event) => event.position)).toEqual(positionsFrom(head + 1n, 10));
      expect(await store.headPosition()).toBe(head + 10n);
      expect((await store.append(aStreamId(), someEvents(1), 'no_stream')).position).toBe(head + 11n);
    } finally {
      await subscription.close();
    }
  });
});
