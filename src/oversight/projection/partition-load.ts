import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import type { CaseState } from '../../case/case';
import type { EffectiveTimes } from '../../case/case-effective-time';
import type { RecordedEvent } from '../../event-store/event-store';
import type { ReadDb } from '../../storage/read-db';
import { caseStates, caseVersions, cases, followUps, followUpVersions, timeline } from '../read-model/schema';
import { planCaseBatch, type StoredCase } from './case-batch';
import { caseRow, followUpRow } from './case-rows';
import { copyEncoder, CopyStream } from './copy-rows';
import { PackedStates } from './packed-states';
import { emptyDelta, type CounterDelta } from './summary-counters';
import { addCase } from './summary-counter-delta';

/**
 * One partition of the PostgreSQL bulk load (copy-load.ts): the cases whose stream hash falls to it,
 * folded with the live projection's plan (`planCaseBatch`), their timeline lines and versions
 * streamed into `COPY … FROM STDIN` on connections of its own, their states kept packed between
 * pages, and at the end their current rows, states and follow-up rows written once with the counts
 * of those rows. A case's rows are all written by one partition, so partitions never touch each
 * other's rows: they run in-process (one partition) or one per worker thread (fold-worker.ts).
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

/** A version whose valid_to a later page sets: the row's key and the next version's instant. */
interface Closing {
  key: [string, number] | [string, string, number];
  validTo: string;
}

export interface Withdrawal {
  case_id: string;
  version: number;
  at: string;
}

/** What a partition hands back at its end: its follow-up rows' counts and the overdue lines to mark withdrawn. */
export interface PartitionResult {
  delta: CounterDelta;
  withdrawals: Withdrawal[];
}

/**
 * Cases planned and written at a time within a page: a page's plan (timeline lines, versions, rows)
 * is several times its events, and holding all of it at once set the heap's size.
 */
const CASES_PER_PLAN = 500;

type Streams = { timeline: CopyStream; caseVersions: CopyStream; trackVersions: CopyStream };
type CurrentStreams = { cases: CopyStream; states: CopyStream; followUps: CopyStream };

export class PartitionLoad {
  private readonly enc;
  private readonly folded: PackedStates<Folded>;
  private closings: Closing[] = [];
  private readonly withdrawals: Withdrawal[] = [];
  private streams: Streams | null = null;
  /** The current rows of whole cases (`page(…, complete)`), written as their pages come. */
  private current: CurrentStreams | null = null;
  private readonly delta = emptyDelta();

  constructor(
    private readonly pool: Pool,
    private readonly db: ReadDb,
    private readonly schema: string,
    plainStates: number,
  ) {
    this.enc = {
      timeline: copyEncoder(timeline, schema),
      caseVersions: copyEncoder(caseVersions, schema),
      trackVersions: copyEncoder(followUpVersions, schema),
      cases: copyEncoder(cases, schema),
      states: copyEncoder(caseStates, schema),
      followUps: copyEncoder(followUps, schema),
    };
    this.folded = new PackedStates<Folded>(plainStates);
  }

  async start(): Promise<void> {
    this.streams = {
      timeline: await CopyStream.open(this.pool, this.enc.timeline.target),
      caseVersions: await CopyStream.open(this.pool, this.enc.caseVersions.target),
      trackVersions: await CopyStream.open(this.pool, this.enc.trackVersions.target),
    };
  }

  /**
   * A page's events of this partition's cases, by case in log order. An erased case's streamed rows
   * are deleted (the streams committed first) and it is projected again from its history in
   * `erasures` with nothing opened, as the live projection does. With `complete`, the page holds each
   * of its cases' last events (the log read case by case: case-pages.ts): their current rows are
   * written now and nothing of them is kept.
   */
  async page(
    byCase: Map<string, RecordedEvent[]>,
    caseKeys: ReadonlyMap<string, Buffer>,
    erasures: ReadonlyMap<string, readonly RecordedEvent[]>,
    complete = false,
  ): Promise<void> {
    const replayed = [...erasures.keys()].filter((caseId) => byCase.has(caseId));
    if (replayed.length > 0) {
      await this.endStreams();
      await closeVersions(this.db, this.closings);
      this.closings = [];
      await deleteStreamedRows(this.db, replayed);
      for (const caseId of replayed) {
        byCase.set(caseId, [...erasures.get(caseId)!]);
        this.folded.delete(caseId);
      }
      await this.start();
    }
    const ids = [...byCase.keys()];
    for (let i = 0; i < ids.length; i += CASES_PER_PLAN) {
      await this.project(new Map(ids.slice(i, i + CASES_PER_PLAN).map((id) => [id, byCase.get(id)!])), caseKeys, erasures, complete);
    }
  }

  /** After the last page: ends the streams and closes the versions later pages closed (the timeline and versions are complete then). */
  async close(): Promise<void> {
    await this.endStreams();
    const current = this.current;
    this.current = null;
    if (current) await Promise.all([current.cases.end(), current.states.end(), current.followUps.end()]);
    await closeVersions(this.db, this.closings);
    this.closings = [];
  }

  /** After `close`: writes the current rows; the counts of those rows are returned, not written. */
  async finish(): Promise<PartitionResult> {
    return { delta: await this.writeCurrent(), withdrawals: this.withdrawals };
  }

  /** Gives up: the open COPYs are rolled back with their connections. */
  abort(): void {
    if (this.streams) for (const stream of Object.values(this.streams)) stream.abort();
    if (this.current) for (const stream of Object.values(this.current)) stream.abort();
    this.streams = null;
    this.current = null;
  }

  private async endStreams(): Promise<void> {
    const ending = this.streams!;
    this.streams = null;
    await Promise.all([ending.timeline.end(), ending.caseVersions.end(), ending.trackVersions.end()]);
  }

  /** Plans and writes some cases of a page, and keeps their new states and open versions. */
  private async project(
    byCase: ReadonlyMap<string, RecordedEvent[]>,
    caseKeys: ReadonlyMap<string, Buffer>,
    erasures: ReadonlyMap<string, readonly RecordedEvent[]>,
    complete: boolean,
  ): Promise<void> {
    const s = this.streams!;
    const enc = this.enc;
    const before = new Map<string, Folded>();
    const stored = new Map<string, StoredCase>();
    for (const caseId of byCase.keys()) {
      const prior = this.folded.get(caseId);
      if (prior) before.set(caseId, prior);
      stored.set(caseId, prior === undefined ? { counted: [] } : { state: prior.state, effective: prior.effective, counted: [] });
    }
    const plan = planCaseBatch(byCase, stored, caseKeys, erasures, { counters: false });
    for (const row of plan.timeline) await s.timeline.write(enc.timeline.line(row));
    for (const w of plan.withdrawals) this.withdrawals.push({ case_id: w.caseId, version: w.version, at: w.at });
    for (const closing of plan.closing.cases) {
      const version = before.get(closing.id)?.openCase;
      if (version !== undefined) this.closings.push({ key: [closing.id, version], validTo: closing.validFrom.toISOString() });
    }
    for (const closing of plan.closing.tracks) {
      const version = before.get(closing.caseId)?.openTracks?.[closing.respondentId];
      if (version !== undefined) this.closings.push({ key: [closing.caseId, closing.respondentId, version], validTo: closing.validFrom.toISOString() });
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
      if (complete) {
        if (prior) this.folded.delete(caseId);
        await this.writeCase(c.state, c.effective, BigInt(c.caseRow.position));
      } else {
        const tracks = { ...prior?.openTracks, ...openTracks.get(caseId) };
        this.folded.set(caseId, { state: c.state, effective: c.effective, position: String(c.caseRow.position), openCase: openCases.get(caseId) ?? prior?.openCase, openTracks: tracks });
      }
      openCases.delete(caseId);
    }
    // A version is written only for an opened case, which the plan always returns as changed: a
    // version left here would never be closed by a later page.
    if (openCases.size > 0) throw new Error(`bulk load: open versions of ${openCases.size} case(s) the plan did not return as changed`);
  }

  /** A whole case's current row, state and follow-up rows (`page(…, complete)`), counted into the partition's counts. */
  private async writeCase(state: CaseState, effective: EffectiveTimes, position: bigint): Promise<void> {
    if (state.status !== 'opened') return;
    const enc = this.enc;
    this.current ??= {
      cases: await CopyStream.open(this.pool, enc.cases.target),
      states: await CopyStream.open(this.pool, enc.states.target),
      followUps: await CopyStream.open(this.pool, enc.followUps.target),
    };
    const s = this.current;
    await s.cases.write(enc.cases.line(caseRow(state, position)));
    await s.states.write(enc.states.line({ caseId: state.caseId, state, effective }));
    const rows = state.respondents.map((track) => followUpRow(state, track));
    for (const row of rows) await s.followUps.write(enc.followUps.line(row));
    addCase(this.delta, rows, 1);
  }

  /**
   * Each case's current row, folded state and follow-up rows, once, each table on its own
   * connection; and the summary counters of those follow-up rows, counted by the projection's own
   * `addCase` (as `recountCounters` does from the stored rows).
   */
  private async writeCurrent(): Promise<CounterDelta> {
    const delta = this.delta;
    const schema = this.schema;
    const enc = { cases: copyEncoder(cases, schema), states: copyEncoder(caseStates, schema), followUps: copyEncoder(followUps, schema) };
    const s = {
      cases: await CopyStream.open(this.pool, enc.cases.target),
      states: await CopyStream.open(this.pool, enc.states.target),
      followUps: await CopyStream.open(this.pool, enc.followUps.target),
    };
    try {
      for (const { state, effective, position } of this.folded.values()) {
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
    return delta;
  }
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
