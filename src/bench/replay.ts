import { sql } from 'drizzle-orm';
import { SummaryDimension } from '../oversight/models/summary.model';
import { rebuildInPlace, rebuildPostgresReadModel, type RebuildMethod } from '../oversight/projection/rebuild';
import { CaseReader } from '../oversight/queries/case-reader';
import { FollowUpSummaryReader } from '../oversight/queries/follow-up-summary';
import type { Actor } from '../case/decide-context';
import { syntheticHistory } from '../demo/synthetic-history';
import { EVENTS_SCHEMA, type Storage } from '../storage/storage';
import { latency, type Counter, type Latency } from './stats';
import type { BenchTarget } from './targets';
import { readSource } from '../oversight/queries/read-source';

/** Seed of the replay history: its case ids differ from the write path's (seed 2024). */
const REPLAY_SEED = 99;

/**
 * Appends `cases` synthetic cases, one append per case (`concurrency` appends in flight), through
 * the store's own append, so every link of the hash chain is the store's (`npm run verify` holds).
 * On PostgreSQL many appends in flight are group-committed (up to 64 per statement, Stores): with
 * 256 in flight a million events load in minutes instead of an hour.
 */
export async function loadHistory(storage: Storage, cases: number, concurrency: number, progress: Counter = { done: 0 }) {
  const started = performance.now();
  let events = 0;
  // One generator shared by the workers, so the history is never held in memory whole.
  const history = syntheticHistory(cases, REPLAY_SEED);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let next = history.next(); !next.done; next = history.next()) {
        await storage.store.append(next.value.streamId, next.value.events, 'no_stream');
        events += next.value.events.length;
        progress.done++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { cases, events, seconds, eventsPerSecond: events / seconds };
}

/**
 * The cases the log holds. On PostgreSQL they are counted: a database an earlier run kept
 * (`--database`) holds what that run loaded, not what this run's options would load. Elsewhere the
 * log is this run's own, and `planned` is what it put there.
 */
export async function casesInLog(storage: Storage, target: BenchTarget, planned: number): Promise<number> {
  if (target.name !== 'postgres') return planned;
  const counted = (await storage.readDb.execute(sql`SELECT count(*) AS n FROM ${sql.raw(EVENTS_SCHEMA)}.es_streams WHERE stream_id LIKE 'case-%'`)) as unknown as { rows: Array<{ n: unknown }> };
  return Number(counted.rows[0].n);
}

/** The limit of a replay: reading the whole log in the projection's page size, doing nothing with it. */
export async function sequentialRead(storage: Storage, progress: Counter = { done: 0 }, page = 500) {
  const started = performance.now();
  let after = 0n;
  let events = 0;
  for (;;) {
    const batch = await storage.store.readAll(after, page);
    if (batch.length === 0) break;
    events += batch.length;
    progress.done = events;
    after = batch[batch.length - 1].position;
  }
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds, eventsPerSecond: events / seconds };
}

/** The read model rebuilt from position 0 the way `npm run rebuild` does it on this store (`method`: bulk, or the old projection replay to compare). */
export async function rebuild(storage: Storage, target: BenchTarget, events: number, method: RebuildMethod = 'bulk', progress: Counter = { done: 0 }) {
  const onProgress = (n: number) => (progress.done = n);
  const report = target.url
    ? await rebuildPostgresReadModel(storage.store, target.url, storage.keys, undefined, { method, onProgress })
    : await rebuildInPlace(storage.store, storage.readDb, storage.keys, { method, onProgress });
  const seconds = report.milliseconds / 1000;
  return { events, seconds, eventsPerSecond: events / seconds };
}

const OVERSIGHT: Actor = { agency: 'OVERSIGHT', region: null, userId: 'bench-oversight' };

export interface ReadResults {
  /** Cases in the read model the reads ran on: the log's size says nothing when nothing projected it (`--phases=load,reads` without `rebuild`). */
  readModelCases: number;
  summaryOverallMs: Latency;
  summaryByRegionMs: Latency;
  /** By REGION as of a day in the middle of the synthetic history: from a summary checkpoint once it is made (before, the version rows). */
  summaryAsOfMs: Latency;
  /** Making that day's summary checkpoint and the ladder's (queries/checkpoint-ladder.ts), which the first as-of answer starts in the background; 0 when they were there. */
  asOfCheckpointMs: number;
  followUpsPageMs: Latency;
  /** The same page for a regional Bawaslu unit (need-to-know scope), a regency and a province in turn, no filter. */
  followUpsRegionalPageMs: Latency;
  /**
   * The first as-of question about each of several new days, stepping out from that day one day at a time
   * (31 Dec, 2 Jan, 30 Dec, 3 Jan …), what was made in the background after each question left to finish
   * first (a user reading the answer); and about days at least a week from any day asked (a few days from the ladder's nearest rung).
   */
  summaryAsOfNewDayMs: Latency;
  summaryAsOfFarDayMs: Latency;
}

/** The read model's two dashboard questions, through the same readers the resolvers use (no HTTP). */
export async function reads(storage: Storage, iterations: number, progress: Counter = { done: 0 }): Promise<ReadResults> {
  const summaries = new FollowUpSummaryReader(storage.readDb);
  const cases = new CaseReader(storage.readDb);
  const time = async (query: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await query();
    const ms: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      await query();
      ms.push(performance.now() - t0);
      progress.done++;
    }
    return latency(ms);
  };
  const counted = (await storage.readDb.execute(sql`SELECT count(*) AS n FROM rm_cases`)) as unknown as { rows: Array<{ n: unknown }> };
  const asOf = () => summaries.summary([SummaryDimension.REGION], undefined, OVERSIGHT, readSource(new Date('2025-01-01T00:00:00Z'), new Date()));
  // The steady state is timed: the first as-of answer of a day starts its checkpoint, made once, timed on its own.
  const t0 = performance.now();
  await asOf();
  await summaries.checkpointMade();
  const asOfCheckpointMs = performance.now() - t0;
  return {
    readModelCases: Number(counted.rows[0].n),
    // As a national oversight unit: the exact figures (a caller without a token may not ask as of a date; its figures are the anonymous-load phase's).
    summaryOverallMs: await time(() => summaries.summary([], undefined, OVERSIGHT, readSource(null, new Date()))),
    summaryByRegionMs: await time(() => summaries.summary([SummaryDimension.REGION], undefined, OVERSIGHT, readSource(null, new Date()))),
    summaryAsOfMs: await time(asOf),
    asOfCheckpointMs,
    followUpsPageMs: await time(() => cases.followUps({ regionPrefix: '16', followUpStatus: 'AS_RECOMMENDED' }, 20, undefined, OVERSIGHT, readSource(null, new Date()))),
    followUpsRegionalPageMs: await time(() => cases.followUps(undefined, 20, undefined, REGIONAL[progress.done % 2], readSource(null, new Date()))),
    summaryAsOfNewDayMs: await firstOfDay(summaries, NEW_DAYS, progress),
    summaryAsOfFarDayMs: await firstOfDay(summaries, FAR_DAYS, progress),
  };
}

const REGIONAL: Actor[] = [
  { agency: 'BAWASLU', region: '16.73', userId: 'bench-bawaslu-16.73' },
  { agency: 'BAWASLU', region: '16', userId: 'bench-bawaslu-16' },
];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.parse('2025-01-01T00:00:00Z');
/** 31 Dec 2024, 2 Jan 2025, 30 Dec, 3 Jan … (ten days), then days 9 days apart from 20 Jan 2025 (six). */
const NEW_DAYS = Array.from({ length: 10 }, (_, i) => new Date(FIRST_DAY + (i % 2 === 0 ? -1 : 1) * (Math.floor(i / 2) + 1) * DAY_MS));
const FAR_DAYS = Array.from({ length: 6 }, (_, i) => new Date(FIRST_DAY + (19 + 9 * i) * DAY_MS));

/** Each day's first as-of question, timed alone: the checkpoints it asks for are made (untimed) before the next. */
async function firstOfDay(summaries: FollowUpSummaryReader, days: Date[], progress: Counter): Promise<Latency> {
  const ms: number[] = [];
  for (const day of days) {
    await summaries.checkpointMade();
    const t0 = performance.now();
    await summaries.summary([SummaryDimension.REGION], undefined, OVERSIGHT, readSource(day, new Date()));
    ms.push(performance.now() - t0);
    progress.done++;
  }
  await summaries.checkpointMade();
  return latency(ms);
}
