import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { CASE_STREAM_PREFIX } from '../../case/case-events';
import type { EventStore, RecordedEvent } from '../../event-store/event-store';
import type { KeyStore } from '../../privacy/key-store';
import type { ReadDb } from '../../storage/read-db';
import { buildIndexes, destroyErasedKeys, logPages, type BulkLoad, type BulkOptions } from './bulk-rebuild';
import { caseLogEnd, casePages, erasedSegments } from './case-pages';
import { isCaseEvent } from './case-projection';
import { inProcess, inWorker, type Partition } from './fold-workers';
import { PartitionLoad, type Withdrawal } from './partition-load';
import { emptyDelta, type CounterDelta } from './summary-counters';
import { writeCounterDelta } from './summary-counter-writes';

/**
 * The PostgreSQL bulk load (rebuild.ts), into fresh tables nobody reads yet: the same plan per page
 * as the live projection (`planCaseBatch`, the decider's `evolve`), with what a rebuild can skip
 * skipped.
 *
 * - The cases are split into partitions by a hash of their id (partition-load.ts): each folds its
 *   cases, keeps their states in memory between pages (packed) and streams their timeline lines and
 *   versions into a `COPY … FROM STDIN` per table on connections of its own; a version a later page
 *   closes gets its `valid_to` after the load, by key. With `workers`, each partition runs in a worker
 *   thread (fold-worker.ts) while this thread reads the next pages; without, one partition runs here.
 * - A case's current row, folded state and follow-up rows are written once, at the end: only the
 *   last ones count in a rebuild.
 * - An erased case's streamed rows are deleted and it is projected again from its history with
 *   nothing opened, as the live projection does (by the partition that holds it).
 * - Withdrawn overdue lines are marked after the load, in one statement; the summary counters are
 *   counted from the final follow-up rows by each partition, added up here and written bucket by bucket.
 *
 * The result equals what the live projection builds event by event (test/oversight/bulk-rebuild.int-spec.ts).
 */

/**
 * States off the JS heap (packed-states.ts): about 1.8 KB of JSON a case — 210,000 cases (a million
 * events) held as objects or text kept the process above a GiB. The first ones plain (PLAIN_STATES
 * bytes, shared by the partitions), deflated after that (a third of the size, four times the CPU).
 */
const PLAIN_STATES = 128 * 1024 * 1024;

/** Pages handed to the partitions ahead of the oldest one they have not written yet. */
const PAGES_AHEAD = 2;

export interface CopyOptions extends BulkOptions {
  /** The database's URL, for the worker threads' own connections (required with `workers`). */
  url?: string;
  /** Worker threads folding partitions of the cases (0: one partition on this thread). */
  workers?: number;
  /**
   * Deferred indexes of the tables complete once the partitions are closed (timeline, versions):
   * built while the current rows are written (`parallel` at a time), the database's work beside Node's.
   */
  earlyIndexes?: { definitions: readonly string[]; parallel: number; memory: string };
  /** Cases per page when the store reads the log case by case (`readStreamsInOrder`; default 2,000). */
  casesPerPage?: number;
  /** Read the log in position order even where the store can read it case by case. */
  logOrder?: boolean;
}

/** The tables a closed partition has written completely: their indexes need not wait for the current rows. */
const EARLY_TABLES = /\sON\s+\S+\.(rm_timeline|rm_case_versions|rm_follow_up_versions)\s/;

/** The deferred index definitions (`pg_get_indexdef`) on the tables complete before the current rows, and the rest. */
export function splitEarlyIndexes(definitions: readonly string[]): { early: string[]; late: string[] } {
  return { early: definitions.filter((d) => EARLY_TABLES.test(d)), late: definitions.filter((d) => !EARLY_TABLES.test(d)) };
}

export async function copyProject(store: EventStore, pool: Pool, db: ReadDb, schema: string, keys: KeyStore | undefined, options: CopyOptions = {}): Promise<BulkLoad> {
  const page = options.page ?? 10_000;
  const workers = Math.max(0, options.workers ?? 0);
  if (workers > 0 && !options.url) throw new Error('bulk load: workers need the database url');
  const plainStates = Math.floor((options.plainStates ?? PLAIN_STATES) / Math.max(1, workers));
  let partitions: Partition[];
  if (workers === 0) {
    const load = new PartitionLoad(pool, db, schema, plainStates);
    await load.start();
    partitions = [inProcess(load)];
  } else {
    partitions = Array.from({ length: workers }, () => inWorker({ url: options.url!, schema, plainStates }));
  }
  const inFlight: Array<Promise<unknown>> = [];
  let indexing: Promise<void> | null = null;
  let last: { position: bigint; hash?: string | null } | null = null;
  let events = 0;
  let erased = false;
  try {
    if (store.readStreamsInOrder && !options.logOrder) {
      // Case by case (case-pages.ts): whole cases, their current rows written as they come.
      const end = await caseLogEnd(store);
      for await (const { whole, erased: erasedCases, caseKeys, events: count } of casePages(store, keys, end.position, options.casesPerPage ?? CASES_PER_PAGE)) {
        const written = sharePage(partitions, whole, caseKeys, new Map(), true);
        if (erasedCases.size > 0) {
          erased = true;
          written.push(...(await projectErased(partitions, erasedCases, caseKeys)));
          for (const stream of erasedCases.values()) await destroyErasedKeys(stream, keys);
        }
        const done = Promise.all(written).then(() => {
          events += count;
          options.onProgress?.(events);
        });
        done.catch(() => undefined);
        inFlight.push(done);
        while (inFlight.length > PAGES_AHEAD) await inFlight.shift();
      }
      last = end;
    } else {
      for await (const { batch, end, caseKeys, erasures } of logPages(store, keys, page)) {
        const byCase = new Map<string, RecordedEvent[]>();
        for (const event of batch) {
          if (!isCaseEvent(event)) continue;
          const caseId = event.streamId.slice(CASE_STREAM_PREFIX.length);
          const list = byCase.get(caseId);
          if (list) list.push(event);
          else byCase.set(caseId, [event]);
        }
        const written = sharePage(partitions, byCase, caseKeys, erasures, false);
        const count = batch.length;
        const done = Promise.all(written).then(() => {
          events += count;
          options.onProgress?.(events);
        });
        // Heard where it is awaited below (or when the load gives up).
        done.catch(() => undefined);
        inFlight.push(done);
        last = end;
        // As the live projection: an erased case's key is destroyed (again) once the page's rows are planned.
        if (erasures.size > 0) await done;
        if (await destroyErasedKeys(batch, keys)) erased = true;
        while (inFlight.length > PAGES_AHEAD) await inFlight.shift();
      }
    }
    await Promise.all(inFlight);
    await Promise.all(partitions.map((p) => p.close()));
    const early = options.earlyIndexes;
    indexing = early ? buildIndexes(db, early.definitions, { parallel: early.parallel, memory: early.memory }) : null;
    indexing?.catch(() => undefined);
    const results = await Promise.all(partitions.map((p) => p.finish()));
    await writeCounters(db, mergeDeltas(results.map((r) => r.delta)));
    await markWithdrawals(db, results.flatMap((r) => r.withdrawals));
    await indexing;
  } catch (error) {
    await indexing?.catch(() => undefined);
    await Promise.all(partitions.map((p) => p.abort().catch(() => undefined)));
    throw error;
  }
  return { position: last?.position ?? 0n, hash: last?.hash ?? null, events, erased, counted: true };
}

/** Cases read whole at a time (case-pages.ts). */
const CASES_PER_PAGE = 2000;

/** A page's cases handed to their partitions. */
function sharePage(partitions: Partition[], byCase: Map<string, RecordedEvent[]>, caseKeys: ReadonlyMap<string, Buffer>, erasures: ReadonlyMap<string, RecordedEvent[]>, complete: boolean): Array<Promise<void>> {
  const shares = partitions.map(() => new Map<string, RecordedEvent[]>());
  for (const [caseId, caseEvents] of byCase) shares[partitionOf(caseId, shares.length)].set(caseId, caseEvents);
  return partitions.flatMap((partition, i) => {
    const share = shares[i];
    if (share.size === 0) return [];
    const ids = (m: ReadonlyMap<string, unknown>) => new Map([...m].filter(([id]) => share.has(id))) as never;
    return [partition.page(share, ids(caseKeys), ids(erasures), complete)];
  });
}

/**
 * A page's erased cases, cut after each erasure (`erasedSegments`): the k-th parts of all of them
 * projected together, each part up to an erasure from its history with nothing opened; their
 * states are kept and written with the partitions' last rows. Resolves when all are planned.
 */
async function projectErased(partitions: Partition[], streams: ReadonlyMap<string, RecordedEvent[]>, caseKeys: ReadonlyMap<string, Buffer>): Promise<Array<Promise<void>>> {
  const segments = new Map([...streams].map(([caseId, stream]) => [caseId, erasedSegments(stream)]));
  const rounds = Math.max(0, ...[...segments.values()].map((s) => s.length));
  const written: Array<Promise<void>> = [];
  for (let k = 0; k < rounds; k++) {
    const byCase = new Map<string, RecordedEvent[]>();
    const erasures = new Map<string, RecordedEvent[]>();
    for (const [caseId, parts] of segments) {
      const part = parts[k];
      if (!part) continue;
      byCase.set(caseId, part.events);
      if (part.history) erasures.set(caseId, part.history);
    }
    const round = sharePage(partitions, byCase, caseKeys, erasures, false);
    written.push(...round);
    await Promise.all(round);
  }
  return written;
}

/** The partition of a case: a hash of its id. */
export function partitionOf(caseId: string, partitions: number): number {
  if (partitions === 1) return 0;
  let h = 0;
  for (let i = 0; i < caseId.length; i++) h = (h * 31 + caseId.charCodeAt(i)) | 0;
  return Math.abs(h) % partitions;
}

/** The partitions' counts added up: each case was counted by exactly one of them. */
export function mergeDeltas(deltas: readonly CounterDelta[]): CounterDelta {
  if (deltas.length === 1) return deltas[0];
  const merged = emptyDelta();
  for (const delta of deltas) {
    for (const [id, row] of delta.counts) {
      const into = merged.counts.get(id);
      if (!into) merged.counts.set(id, { ...row, counts: { ...row.counts } });
      else for (const [column, n] of Object.entries(row.counts)) into.counts[column] = (into.counts[column] ?? 0) + n;
    }
    for (const [id, row] of delta.values) {
      const into = merged.values.get(id);
      if (!into) merged.values.set(id, { ...row, values: new Map(row.values) });
      else for (const [value, times] of row.values) into.values.set(value, (into.values.get(value) ?? 0) + times);
    }
  }
  return merged;
}

/** Buckets per counter statement. */
const COUNTER_SLICE = 2000;

/** The counters, into empty tables: each bucket is whole in one slice, so the slices never merge. */
async function writeCounters(db: ReadDb, delta: CounterDelta): Promise<void> {
  const slice = <V>(map: Map<string, V>) => Array.from({ length: Math.ceil(map.size / COUNTER_SLICE) }, (_, i) => new Map([...map].slice(i * COUNTER_SLICE, (i + 1) * COUNTER_SLICE)));
  for (const counts of slice(delta.counts)) await db.transaction((tx) => writeCounterDelta(tx as unknown as ReadDb, { counts, values: new Map() }));
  for (const values of slice(delta.values)) await db.transaction((tx) => writeCounterDelta(tx as unknown as ReadDb, { counts: new Map(), values }));
}

async function markWithdrawals(db: ReadDb, withdrawals: readonly Withdrawal[]): Promise<void> {
  if (withdrawals.length === 0) return;
  await db.execute(sql`UPDATE rm_timeline t SET withdrawn_at = d.at FROM jsonb_to_recordset(${JSON.stringify(withdrawals)}::jsonb) AS d(case_id text, version int, at timestamptz)
    WHERE t.case_id = d.case_id AND t.version = d.version`);
}
