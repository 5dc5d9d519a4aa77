import { sql } from 'drizzle-orm';
import { CASE_STREAM_PREFIX } from '../../case/case-events';
import type { EventStore, RecordedEvent } from '../../event-store/event-store';
import type { KeyStore } from '../../privacy/key-store';
import type { ReadDb } from '../../storage/read-db';
import { checkpoints } from '../read-model/schema';
import { vacuumReadModel } from '../read-model/read-model-erasure';
import { caseIdsOf, countedRows, projectCaseEvents } from './case-projection';
import { CASE_PROJECTION } from './projection-runner';
import { emptyDelta } from './summary-counters';
import { addCase } from './summary-counter-delta';
import { writeCounterDelta } from './summary-counter-writes';

/**
 * The rebuild's fast path, into fresh tables nobody reads yet (rebuild.ts swaps them in after):
 *
 * - the log is read in pages of `page` events (5,000), the next page read while this one is written;
 * - each page is split by case into `lanes` (hash of the stream id): a lane is one transaction at a
 *   time on its own connection, so one case's batches stay in order while the lanes write side by
 *   side (PostgreSQL; one lane on the embedded database, which runs one transaction at a time);
 * - rows go through the projection's own code (`projectCaseEvents`, the decider's `evolve`), written
 *   as one JSON parameter per table, with only the tables' keys as indexes: every other index is
 *   dropped before the load and built once after it (`deferIndexes` / `buildIndexes`);
 * - the summary counters are not moved batch by batch: they are a function of the final follow-up
 *   rows (summary-counters.ts), counted once at the end with the projection's own `addCase` (summary-counter-delta.ts) and
 *   written with `writeCounterDelta` (`recountCounters`);
 * - the checkpoint is written last, with the link of the last event, as the live projection does.
 *
 * The result equals what the live projection builds event by event (test/oversight/bulk-rebuild.int-spec.ts).
 */

export interface BulkOptions {
  /** Events per `readAll` page (default 5,000). */
  page?: number;
  /** Transactions in flight side by side, each on its own connection (default 1). */
  lanes?: number;
  /** Events written so far. */
  onProgress?: (events: number) => void;
  /** PostgreSQL load: bytes of folded states kept as plain JSON before the rest are deflated (packed-states.ts; default 128 MiB). */
  plainStates?: number;
}

export interface BulkLoad {
  position: bigint;
  hash: string | null;
  events: number;
  /** A PersonalDataErased was applied: the fresh tables hold rows an erasure rewrote, and are vacuumed. */
  erased: boolean;
  /** The summary counters are written already (copy-load.ts): `finishLoad` does not recount them. */
  counted?: boolean;
}

/** The event that erases a case's personal data (its rows are projected again from its history). */
export const isErasure = (event: RecordedEvent): boolean => event.type === 'PersonalDataErased';

/** Pages written ahead of the oldest one still in flight. */
const PAGES_AHEAD = 2;

function laneOf(streamId: string, lanes: number): number {
  let h = 0;
  for (let i = 0; i < streamId.length; i++) h = (h * 31 + streamId.charCodeAt(i)) | 0;
  return Math.abs(h) % lanes;
}

/** Projects the whole log into the (empty) tables `db` resolves, without counters or checkpoint. */
export async function bulkProject(store: EventStore, db: ReadDb, keys: KeyStore | undefined, options: BulkOptions = {}): Promise<BulkLoad> {
  const page = options.page ?? 5000;
  const lanes = Math.max(1, options.lanes ?? 1);
  const tails: Array<Promise<void>> = Array.from({ length: lanes }, () => Promise.resolve());
  const inFlight: Array<Promise<unknown>> = [];
  let last: RecordedEvent | null = null;
  let events = 0;
  let erased = false;
  try {
    for await (const { batch, end, caseKeys, erasures } of logPages(store, keys, page)) {
      const split: RecordedEvent[][] = Array.from({ length: lanes }, () => []);
      for (const event of batch) if (event.streamId.startsWith(CASE_STREAM_PREFIX)) split[laneOf(event.streamId, lanes)].push(event);
      const written = split.map((laneEvents, lane) => {
        if (laneEvents.length === 0) return tails[lane];
        tails[lane] = tails[lane].then(() => db.transaction((tx) => projectCaseEvents(tx as unknown as ReadDb, laneEvents, caseKeys, erasures, { counters: false })));
        return tails[lane];
      });
      const count = batch.length;
      const pageDone = Promise.all(written).then(() => {
        events += count;
        options.onProgress?.(events);
      });
      inFlight.push(pageDone);
      last = end;
      if (erasures.size > 0 || batch.some(isErasure)) {
        // As the live projection: the key is destroyed (again) once the erasure's rows are written.
        erased = true;
        await pageDone;
        await destroyErasedKeys(batch, keys);
      }
      while (inFlight.length > PAGES_AHEAD) await inFlight.shift();
    }
    await Promise.all(inFlight);
  } catch (error) {
    // Nothing left running against the tables (or unheard) when the caller gives up on them.
    await Promise.allSettled(inFlight);
    throw error;
  }
  return { position: last?.position ?? 0n, hash: last?.hash ?? null, events, erased };
}

export interface LogPage {
  batch: RecordedEvent[];
  end: RecordedEvent;
  /** The data keys of the page's cases, but those erased in it. */
  caseKeys: Map<string, Buffer>;
  /** The history (up to the page's end) of each case erased in it: its rows are written again from it. */
  erasures: Map<string, RecordedEvent[]>;
}

/**
 * The whole log in pages for a bulk load (bulkProject, copyProject), each with what projecting it
 * needs; the next page is read while the caller works on this one, and a failed read is heard where
 * it is awaited. Keys and histories are read outside the loads' transactions (the embedded database
 * runs one at a time).
 */
export async function* logPages(store: EventStore, keys: KeyStore | undefined, page: number): AsyncGenerator<LogPage> {
  const read = (after: bigint) => {
    const next = store.readAll(after, page);
    next.catch(() => undefined);
    return next;
  };
  let reading = read(0n);
  try {
    for (;;) {
      const batch = await reading;
      if (batch.length === 0) return;
      const end = batch[batch.length - 1];
      reading = read(end.position);
      const caseKeys = keys ? await keys.keys(caseIdsOf(batch)) : new Map<string, Buffer>();
      const erasures = await erasedHistories(store, batch, end.position);
      for (const caseId of erasures.keys()) caseKeys.delete(caseId);
      yield { batch, end, caseKeys, erasures };
    }
  } finally {
    // Nothing left reading (or unheard) when the caller stops early or gives up.
    await reading.catch(() => undefined);
  }
}

/** As the live projection: the key of each case erased in the page is destroyed (again) once the page's rows are planned. Whether there was one. */
export async function destroyErasedKeys(batch: readonly RecordedEvent[], keys: KeyStore | undefined): Promise<boolean> {
  let any = false;
  for (const event of batch) {
    if (!isErasure(event)) continue;
    any = true;
    if (keys) await keys.destroy(String(event.data.caseId), new Date(String(event.data.erasedAt)));
  }
  return any;
}

/** The history (up to `last`) of each case erased in the page, by case id: the projection rewrites its rows from it. */
export async function erasedHistories(store: EventStore, events: readonly RecordedEvent[], last: bigint): Promise<Map<string, RecordedEvent[]>> {
  const erasures = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    if (!isErasure(event) || !event.streamId.startsWith(CASE_STREAM_PREFIX)) continue;
    const caseId = event.streamId.slice(CASE_STREAM_PREFIX.length);
    if (erasures.has(caseId)) continue;
    erasures.set(caseId, (await store.readStream(event.streamId)).filter((e) => e.position <= last));
  }
  return erasures;
}

/**
 * The summary counters of the follow-up rows as they stand, `chunk` cases at a time into empty
 * counter tables: the same `addCase` the live projection moves them with, from nothing (as
 * `countAll`), written by `writeCounterDelta`.
 */
export async function recountCounters(db: ReadDb, chunk = 5000): Promise<void> {
  let after = '';
  for (;;) {
    const { rows } = (await db.execute(sql`SELECT DISTINCT case_id FROM rm_follow_ups WHERE case_id > ${after} ORDER BY case_id LIMIT ${chunk}`)) as unknown as {
      rows: Array<{ case_id: string }>;
    };
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.case_id);
    const counted = await countedRows(db, ids);
    const delta = emptyDelta();
    for (const caseRows of counted.values()) addCase(delta, caseRows, 1);
    await db.transaction((tx) => writeCounterDelta(tx as unknown as ReadDb, delta));
    after = ids[ids.length - 1];
  }
}

/**
 * Drops every index of the read-model tables in `schema` that no constraint needs (primary keys
 * stay: the projection's upserts and lookups use them) and returns the statements that build them
 * again, as `pg_get_indexdef` gives them.
 */
export async function deferIndexes(db: ReadDb, schema: string): Promise<string[]> {
  const { rows } = (await db.execute(sql`
    SELECT c.relname AS name, pg_get_indexdef(c.oid) AS def
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = ${schema} AND t.relname LIKE 'rm\\_%' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
    ORDER BY c.relname`)) as unknown as { rows: Array<{ name: string; def: string }> };
  for (const { name } of rows) await db.execute(sql.raw(`DROP INDEX "${schema}"."${name}"`));
  return rows.map((r) => r.def);
}

/** Builds the deferred indexes, `parallel` at a time (each on its own connection where the database has several). */
export async function buildIndexes(db: ReadDb, definitions: readonly string[], options: { parallel?: number; memory?: string } = {}): Promise<void> {
  const queue = [...definitions];
  const worker = async () => {
    for (let def = queue.shift(); def !== undefined; def = queue.shift()) {
      const statement = def;
      await db.transaction(async (tx) => {
        if (options.memory) await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '${options.memory}'`));
        await tx.execute(sql.raw(statement));
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallel ?? 1) }, worker));
}

const LOADED_TABLES = ['rm_cases', 'rm_follow_ups', 'rm_timeline', 'rm_case_states', 'rm_case_versions', 'rm_follow_up_versions', 'rm_summary_counts', 'rm_summary_values'];

/**
 * Everything after the load: counters, indexes, statistics, the vacuum an erasure needs, and the
 * checkpoint last (a read model with a checkpoint is complete).
 */
export async function finishLoad(db: ReadDb, schema: string, deferred: readonly string[], load: BulkLoad, options: { parallel?: number; memory?: string } = {}): Promise<void> {
  if (!load.counted) await recountCounters(db);
  await buildIndexes(db, deferred, options);
  if (load.erased) await vacuumReadModel(db);
  const tables = [...LOADED_TABLES];
  await Promise.all(
    Array.from({ length: Math.max(1, options.parallel ?? 1) }, async () => {
      for (let t = tables.shift(); t !== undefined; t = tables.shift()) await db.execute(sql.raw(`ANALYZE "${schema}"."${t}"`));
    }),
  );
  if (load.position > 0n) await db.insert(checkpoints).values({ name: CASE_PROJECTION, position: load.position, hash: load.hash });
}
