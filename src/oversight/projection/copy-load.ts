import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import type { CaseState } from '../../case/case';
import type { EffectiveTimes } from '../../case/case-effective-time';
import { CASE_STREAM_PREFIX } from '../../case/case-events';
import type { EventStore, RecordedEvent } from '../../event-store/event-store';
import type { KeyStore } from '../../privacy/key-store';
import type { ReadDb } from '../../storage/read-db';
import { caseStates, caseVersions, cases, followUps, followUpVersions, timeline } from '../read-model/schema';
import { destroyErasedKeys, logPages, type BulkLoad, type BulkOptions } from './bulk-rebuild';
import { planCaseBatch, type StoredCase } from './case-batch';
import { caseIdsOf, isCaseEvent } from './case-projection';
import { caseRow, followUpRow } from './case-rows';
import { copyEncoder, CopyStream } from './copy-rows';
import { PackedStates } from './packed-states';
import { addCase, emptyDelta } from './summary-counters';
import { writeCounterDelta } from './summary-counter-writes';

/**
 * The PostgreSQL bulk load (rebuild.ts), into fresh tables nobody reads yet: the same plan per page
 * as the live projection (`planCaseBatch`, the decider's `evolve`), with what a rebuild can skip
 * skipped.
 *
 * - Folded states stay in memory (deflated JSON) between pages instead of being written and read back per page.
 * - A case's current row, folded state and follow-up rows are written once, at the end: only the
 *   last ones count in a rebuild.
 * - Timeline lines and versions stream into one `COPY … FROM STDIN` per table, each on its own
 *   connection, for the whole load (copy-rows.ts). A version a later page closes (the case's events
 *   straddle pages) gets its `valid_to` after the load, by key, from a list of (key, instant).
 * - An erased case's streamed rows are deleted (the streams committed first) and it is projected
 *   again from its history with nothing opened, as the live projection does.
 * - Withdrawn overdue lines are marked after the load, in one statement; the summary counters are
 *   counted from the final follow-up rows in memory and written bucket by bucket.
 *
 * The result equals what the live projection builds event by event (test/oversight/bulk-rebuild.int-spec.ts).
 */

/**
 * A case's folded state, as rm_case_states would hold it, and the versions of it the load left open
 * (kept packed between pages: packed-states.ts): a later page that closes one sets its valid_to by key.
 */
interface Folded {
  state: CaseState;
  effective: EffectiveTimes;
  position: string;
  /** The case's open (latest) version. */
  openCase?: number;
  /** The open version of each of its tracks, by respondent: the case version it was written at. */
  openTracks?: Record<string, number>;
}

/**
 * States off the JS heap (packed-states.ts): about 1.8 KB of JSON a case — 210,000 cases (a million
 * events) held as objects or text kept the process above a GiB. The first ones plain (PLAIN_STATES
 * bytes), deflated after that (a third of the size, four times the CPU). The open versions ride along
 * instead of in maps of their own (a Map per case on the JS heap).
 */
const PLAIN_STATES = 128 * 1024 * 1024;

/** A version whose valid_to a later page sets: the row's key and the next version's instant. */
interface Closing {
  key: [string, number] | [string, string, number];
  validTo: string;
}

/**
 * Cases planned and written at a time within a page: a page's plan (timeline lines, versions, rows)
 * is several times its events, and holding all of it at once set the heap's size.
 */
const CASES_PER_PLAN = 500;

export async function copyProject(store: EventStore, pool: Pool, db: ReadDb, schema: string, keys: KeyStore | undefined, options: BulkOptions = {}): Promise<BulkLoad> {
  const page = options.page ?? 10_000;
  const enc = {
    timeline: copyEncoder(timeline, schema),
    caseVersions: copyEncoder(caseVersions, schema),
    trackVersions: copyEncoder(followUpVersions, schema),
  };
  const folded = new PackedStates<Folded>(options.plainStates ?? PLAIN_STATES);
  let closings: Closing[] = [];
  const withdrawals: Array<{ case_id: string; version: number; at: string }> = [];
  const open = async () => ({
    timeline: await CopyStream.open(pool, enc.timeline.target),
    caseVersions: await CopyStream.open(pool, enc.caseVersions.target),
    trackVersions: await CopyStream.open(pool, enc.trackVersions.target),
  });
  let streams: Awaited<ReturnType<typeof open>> | null = await open();
  const endStreams = async () => {
    const ending = streams!;
    streams = null;
    await Promise.all([ending.timeline.end(), ending.caseVersions.end(), ending.trackVersions.end()]);
  };
  /** Plans and writes some cases of a page, and keeps their new states and open versions. */
  const project = async (byCase: ReadonlyMap<string, RecordedEvent[]>, caseKeys: ReadonlyMap<string, Buffer>, erasures: ReadonlyMap<string, readonly RecordedEvent[]>) => {
    const s = streams!;
    const before = new Map<string, Folded>();
    const stored = new Map<string, StoredCase>();
    for (const caseId of byCase.keys()) {
      const prior = folded.get(caseId);
      if (prior) before.set(caseId, prior);
      stored.set(caseId, prior === undefined ? { counted: [] } : { state: prior.state, effective: prior.effective, counted: [] });
    }
    const plan = planCaseBatch(byCase, stored, caseKeys, erasures, { counters: false });
    for (const row of plan.timeline) await s.timeline.write(enc.timeline.line(row));
    for (const w of plan.withdrawals) withdrawals.push({ case_id: w.caseId, version: w.version, at: w.at });
    for (const closing of plan.closing.cases) {
      const version = before.get(closing.id)?.openCase;
      if (version !== undefined) closings.push({ key: [closing.id, version], validTo: closing.validFrom.toISOString() });
    }
    for (const closing of plan.closing.tracks) {
      const version = before.get(closing.caseId)?.openTracks?.[closing.respondentId];
      if (version !== undefined) closings.push({ key: [closing.caseId, closing.respondentId, version], validTo: closing.validFrom.toISOString() });
    }
    const openCases = new Map<string, number>();
    const openTracks = new Map<string, Record<string, number>>();
    for (const row of plan.caseVersions) {
      await s.caseVersions.write(enc.caseVersions.line(row));
      if (row.validTo == null) openCases.set(row.id, row.version);
    }
    for (const row of plan.trackVersions) {
      await s.trackVersions.write(enc.trackVersions.line(row));
      if (row.validTo != null) continue;
      let tracks = openTracks.get(row.caseId);
      if (!tracks) openTracks.set(row.caseId, (tracks = {}));
      tracks[row.respondentId] = row.caseVersion;
    }
    for (const c of plan.changed) {
      const caseId = c.state.caseId;
      const prior = before.get(caseId);
      const tracks = { ...prior?.openTracks, ...openTracks.get(caseId) };
      folded.set(caseId, { state: c.state, effective: c.effective, position: String(c.caseRow.position), openCase: openCases.get(caseId) ?? prior?.openCase, openTracks: tracks });
      openCases.delete(caseId);
    }
    // A version is written only for an opened case, which the plan always returns as changed: a
    // version left here would never be closed by a later page.
    if (openCases.size > 0) throw new Error(`bulk load: open versions of ${openCases.size} case(s) the plan did not return as changed`);
  };
  let last: RecordedEvent | null = null;
  let events = 0;
  let erased = false;
  try {
    for await (const { batch, end, caseKeys, erasures } of logPages(store, keys, page)) {
      const byCase = new Map<string, RecordedEvent[]>();
      for (const event of batch) {
        if (!isCaseEvent(event)) continue;
        const caseId = event.streamId.slice(CASE_STREAM_PREFIX.length);
        const list = byCase.get(caseId);
        if (list) list.push(event);
        else byCase.set(caseId, [event]);
      }
      const replayed = [...erasures.keys()].filter((caseId) => byCase.has(caseId));
      if (replayed.length > 0) {
        erased = true;
        await endStreams();
        await closeVersions(db, closings);
        closings = [];
        await deleteStreamedRows(db, replayed);
        for (const caseId of replayed) {
          byCase.set(caseId, [...erasures.get(caseId)!]);
          folded.delete(caseId);
        }
        streams = await open();
      }
      const ids = [...byCase.keys()];
      for (let i = 0; i < ids.length; i += CASES_PER_PLAN) {
        await project(new Map(ids.slice(i, i + CASES_PER_PLAN).map((id) => [id, byCase.get(id)!])), caseKeys, erasures);
      }
      last = end;
      events += batch.length;
      options.onProgress?.(events);
      if (await destroyErasedKeys(batch, keys)) erased = true;
    }
    await endStreams();
    await closeVersions(db, closings);
    await writeCurrent(pool, db, schema, folded);
    await markWithdrawals(db, withdrawals);
  } catch (error) {
    if (streams) for (const stream of Object.values(streams)) stream.abort();
    throw error;
  }
  return { position: last?.position ?? 0n, hash: last?.hash ?? null, events, erased, counted: true };
}

/**
 * Each case's current row, folded state and follow-up rows, once, each table on its own connection;
 * then the summary counters of those follow-up rows, counted by the projection's own `addCase` (as
 * `recountCounters` does from the stored rows).
 */
async function writeCurrent(pool: Pool, db: ReadDb, schema: string, folded: PackedStates<Folded>): Promise<void> {
  const delta = emptyDelta();
  const enc = { cases: copyEncoder(cases, schema), states: copyEncoder(caseStates, schema), followUps: copyEncoder(followUps, schema) };
  const s = {
    cases: await CopyStream.open(pool, enc.cases.target),
    states: await CopyStream.open(pool, enc.states.target),
    followUps: await CopyStream.open(pool, enc.followUps.target),
  };
  try {
    for (const { state, effective, position } of folded.values()) {
      if (state.status !== 'opened') continue;
      await s.cases.write(enc.cases.line(caseRow(state, BigInt(position))));
      await s.states.write(enc.states.line({ caseId: state.caseId, state, effective }));
      const rows = state.respondents.map((track) => followUpRow(state, track));
      for (const row of rows) await s.followUps.write(enc.followUps.line(row));
      addCase(delta, rows, 1);
    }
  } catch (error) {
    for (const stream of Object.values(s)) stream.abort();
    throw error;
  }
  await Promise.all([s.cases.end(), s.states.end(), s.followUps.end()]);
  // Each bucket is whole in one slice: the slices insert into empty tables and never merge.
  const slice = <V>(map: Map<string, V>) => Array.from({ length: Math.ceil(map.size / COUNTER_SLICE) }, (_, i) => new Map([...map].slice(i * COUNTER_SLICE, (i + 1) * COUNTER_SLICE)));
  for (const counts of slice(delta.counts)) await db.transaction((tx) => writeCounterDelta(tx as unknown as ReadDb, { counts, values: new Map() }));
  for (const values of slice(delta.values)) await db.transaction((tx) => writeCounterDelta(tx as unknown as ReadDb, { counts: new Map(), values }));
}

/** Buckets per counter statement. */
const COUNTER_SLICE = 2000;

async function markWithdrawals(db: ReadDb, withdrawals: ReadonlyArray<{ case_id: string; version: number; at: string }>): Promise<void> {
  if (withdrawals.length === 0) return;
  await db.execute(sql`UPDATE rm_timeline t SET withdrawn_at = d.at FROM jsonb_to_recordset(${JSON.stringify(withdrawals)}::jsonb) AS d(case_id text, version int, at timestamptz)
    WHERE t.case_id = d.case_id AND t.version = d.version`);
}

/**
 * Sets valid_to of the versions pages after theirs closed, by key (a version is closed at most once),
 * in chunks of one JSON parameter each.
 */
async function closeVersions(db: ReadDb, closings: readonly Closing[]): Promise<void> {
  const chunk = 20_000;
  const caseRows = closings.filter((c) => c.key.length === 2).map((c) => ({ id: c.key[0], version: c.key[1], valid_to: c.validTo }));
  const trackRows = closings.filter((c) => c.key.length === 3).map((c) => ({ case_id: c.key[0], respondent_id: c.key[1], case_version: c.key[2], valid_to: c.validTo }));
  for (let i = 0; i < caseRows.length; i += chunk) {
    await db.execute(sql`UPDATE rm_case_versions t SET valid_to = d.valid_to
      FROM jsonb_to_recordset(${JSON.stringify(caseRows.slice(i, i + chunk))}::jsonb) AS d(id text, version int, valid_to timestamptz)
      WHERE t.id = d.id AND t.version = d.version`);
  }
  for (let i = 0; i < trackRows.length; i += chunk) {
    await db.execute(sql`UPDATE rm_follow_up_versions t SET valid_to = d.valid_to
      FROM jsonb_to_recordset(${JSON.stringify(trackRows.slice(i, i + chunk))}::jsonb) AS d(case_id text, respondent_id text, case_version int, valid_to timestamptz)
      WHERE t.case_id = d.case_id AND t.respondent_id = d.respondent_id AND t.case_version = d.case_version`);
  }
}

/** The rows the load streamed for these cases (their current rows are written only at the end). */
async function deleteStreamedRows(db: ReadDb, caseIds: string[]): Promise<void> {
  const ids = JSON.stringify(caseIds);
  await db.execute(sql`DELETE FROM rm_timeline WHERE case_id IN (SELECT jsonb_array_elements_text(${ids}::jsonb))`);
  await db.execute(sql`DELETE FROM rm_case_versions WHERE id IN (SELECT jsonb_array_elements_text(${ids}::jsonb))`);
  await db.execute(sql`DELETE FROM rm_follow_up_versions WHERE case_id IN (SELECT jsonb_array_elements_text(${ids}::jsonb))`);
}
