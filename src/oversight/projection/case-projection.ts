import { and, eq, inArray, sql } from 'drizzle-orm';
import { evolve, initialState, type CaseState, type OpenedCase } from '../../case/case';
import { advance, noEffectiveTimes, trackFrom, type EffectiveTimes } from '../../case/case-effective-time';
import { CASE_EVENT_TYPES, CASE_STREAM_PREFIX, type CaseEventType } from '../../case/case-events';
import type { RecordedEvent } from '../../event-store/event-store';
import type { ReadDb } from '../../storage/read-db';
import { caseStates, caseVersions, cases, followUpVersions, followUps, timeline } from '../read-model/schema';
import { openEvent } from '../../privacy/personal-data';
import { caseRow, followUpRow, followUpVersionRow } from './case-rows';
import { insertRows } from './json-rows';
import { addCase, emptyDelta, type CountedRow } from './summary-counters';
import { writeCounterDelta } from './summary-counter-writes';
import { timelineDetails, type TimelineDetails } from './timeline-details';
import { asCaseEvent, timelineEntry } from './timeline-entry';

const isCaseEvent = (e: RecordedEvent) =>
  e.streamId.startsWith(CASE_STREAM_PREFIX) && CASE_EVENT_TYPES.includes(e.type as CaseEventType);

/**
 * Applies a batch of events to the read model inside the caller's transaction. Folding uses the
 * decider's own `evolve`, so the read model can never disagree with what the write side decides on.
 * A batch costs a handful of statements whatever its size: states are read together, rows written
 * as one JSON parameter per table (json-rows.ts).
 *
 * Personal values are opened with the case's key (`keys`) on the way in. `erasures` holds the whole
 * history of each case erased in this batch: its rows — current, versions, timeline, folded state —
 * are deleted and projected again from that history with nothing opened, so no row keeps a value the
 * erasure destroyed (the caller then vacuums the tables: read-model-erasure.ts).
 */
export async function projectCaseEvents(
  tx: ReadDb,
  batch: readonly RecordedEvent[],
  keys: ReadonlyMap<string, Buffer> = new Map(),
  erasures: ReadonlyMap<string, readonly RecordedEvent[]> = new Map(),
): Promise<void> {
  const byCase = new Map<string, readonly RecordedEvent[]>();
  for (const event of batch.filter(isCaseEvent)) {
    const caseId = event.streamId.slice(CASE_STREAM_PREFIX.length);
    const events = byCase.get(caseId);
    if (events) (events as RecordedEvent[]).push(event);
    else byCase.set(caseId, [event]);
  }
  if (byCase.size === 0) return;
  for (const [caseId, history] of erasures) if (byCase.has(caseId)) byCase.set(caseId, history);
  const replayed = [...erasures.keys()].filter((caseId) => byCase.has(caseId));
  // The rows as counted so far: the counters move by what replaces them (summary-counters.ts).
  const counted = await countedRows(tx, [...byCase.keys()]);
  await deleteCaseRows(tx, replayed);
  const states = await loadStates(tx, [...byCase.keys()]);
  const changed: Changed[] = [];
  const entries: Array<typeof timeline.$inferInsert> = [];
  const history: History = { cases: [], tracks: [] };
  const withdrawals: Array<{ caseId: string; version: number; at: string }> = [];
  for (const [caseId, events] of byCase) {
    const stored = states.get(caseId);
    let state = stored?.state ?? initialState();
    let times = stored?.effective ?? noEffectiveTimes();
    const versions = new TrackVersions(state);
    const key = keys.get(caseId) ?? null;
    const erased = erasures.has(caseId);
    for (const recorded of events) {
      if (recorded.version <= state.version) continue; // already applied: a replayed batch must not double-apply
      const event = openEvent(asCaseEvent(recorded), key, erased || (state.status === 'opened' && state.personalDataErasedAt !== null));
      state = evolve(state, event);
      const step = advance(times, event, state.status === 'opened' ? state.respondents.map((r) => r.respondentId) : []);
      times = step.times;
      entries.push(timelineRow(caseId, { ...recorded, data: event.data as unknown as Record<string, unknown> }));
      if (event.type === 'OverdueWithdrawn' && event.data.overdueVersion !== null) {
        withdrawals.push({ caseId, version: event.data.overdueVersion, at: event.data.withdrawnAt });
      }
      if (state.status === 'opened') versions.record(state, recorded.position, times, step.moved, history);
    }
    if (state.status === 'opened' && times.caseFrom !== null) {
      changed.push({ state, position: events[events.length - 1].position, effective: times });
    }
  }
  await insertRows(tx, timeline, entries);
  // The overdue line stays in the timeline, marked from when it no longer stands (as of earlier it still does).
  for (const w of withdrawals) {
    await tx.update(timeline).set({ withdrawnAt: new Date(w.at) }).where(and(eq(timeline.caseId, w.caseId), eq(timeline.version, w.version)));
  }
  await closeVersions(tx, history);
  await insertRows(tx, caseVersions, history.cases, { nothing: true });
  await insertRows(tx, followUpVersions, history.tracks, { nothing: true });
  const written = await writeCases(tx, changed);
  const delta = emptyDelta();
  for (const caseId of new Set([...replayed, ...written.keys()])) {
    addCase(delta, counted.get(caseId) ?? [], -1);
    addCase(delta, written.get(caseId) ?? [], 1);
  }
  await writeCounterDelta(tx, delta);
}

/** The follow-up rows of these cases as the counters counted them. */
async function countedRows(tx: ReadDb, caseIds: string[]): Promise<Map<string, CountedRow[]>> {
  const rows = await tx
    .select({
      caseId: followUps.caseId,
      employment: followUps.employment,
      stage: followUps.stage,
      waitingOn: followUps.waitingOn,
      since: followUps.since,
      dueAt: followUps.dueAt,
      followUpStatus: followUps.followUpStatus,
      recommendedAt: followUps.recommendedAt,
      decidedAt: followUps.decidedAt,
      executedAt: followUps.executedAt,
      violations: followUps.violations,
      ppkTitle: followUps.ppkTitle,
      provinceCode: followUps.provinceCode,
      regencyCode: followUps.regencyCode,
      electionKind: followUps.electionKind,
      electionYear: followUps.electionYear,
    })
    .from(followUps)
    .where(inArray(followUps.caseId, caseIds));
  const byCase = new Map<string, CountedRow[]>();
  for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row]);
  return byCase;
}

/**
 * Each new version is valid until the next one of the same row takes effect: set here within the
 * batch, and for the row's latest stored version (still open) by one statement per table. Instants
 * never go back within a case or a track (case-effective-time.ts), so the intervals tile the history.
 */
async function closeVersions(tx: ReadDb, history: History): Promise<void> {
  const first = new Map<string, { id: string; respondentId?: string; version: number; from: Date }>();
  const last = new Map<string, { validTo?: Date | null }>();
  for (const v of history.cases) {
    const id = v.id;
    const previous = last.get(id);
    if (previous) previous.validTo = v.validFrom as Date;
    else first.set(id, { id, version: v.version, from: v.validFrom as Date });
    last.set(id, v);
  }
  const openCases = [...first.values()];
  if (openCases.length > 0) {
    await tx.execute(sql`UPDATE rm_case_versions t SET valid_to = d.valid_from
      FROM jsonb_to_recordset(${JSON.stringify(openCases.map((o) => ({ id: o.id, version: o.version, valid_from: o.from.toISOString() })))}::jsonb)
        AS d(id text, version int, valid_from timestamptz)
      WHERE t.id = d.id AND t.valid_to IS NULL AND t.version < d.version`);
  }
  first.clear();
  last.clear();
  for (const v of history.tracks) {
    const id = `${v.caseId}\u001f${v.respondentId}`;
    const previous = last.get(id);
    if (previous) previous.validTo = v.validFrom as Date;
    else first.set(id, { id: v.caseId, respondentId: v.respondentId, version: v.caseVersion, from: v.validFrom as Date });
    last.set(id, v);
  }
  const openTracks = [...first.values()];
  if (openTracks.length > 0) {
    await tx.execute(sql`UPDATE rm_follow_up_versions t SET valid_to = d.valid_from
      FROM jsonb_to_recordset(${JSON.stringify(openTracks.map((o) => ({ case_id: o.id, respondent_id: o.respondentId, case_version: o.version, valid_from: o.from.toISOString() })))}::jsonb)
        AS d(case_id text, respondent_id text, case_version int, valid_from timestamptz)
      WHERE t.case_id = d.case_id AND t.respondent_id = d.respondent_id AND t.valid_to IS NULL AND t.case_version < d.case_version`);
  }
}

/** Every read-model row of these cases. */
async function deleteCaseRows(tx: ReadDb, caseIds: string[]): Promise<void> {
  if (caseIds.length === 0) return;
  await tx.delete(cases).where(inArray(cases.id, caseIds));
  await tx.delete(caseVersions).where(inArray(caseVersions.id, caseIds));
  await tx.delete(caseStates).where(inArray(caseStates.caseId, caseIds));
  await tx.delete(followUps).where(inArray(followUps.caseId, caseIds));
  await tx.delete(followUpVersions).where(inArray(followUpVersions.caseId, caseIds));
  await tx.delete(timeline).where(inArray(timeline.caseId, caseIds));
}

interface Changed {
  state: OpenedCase;
  position: bigint;
  effective: EffectiveTimes;
}

interface History {
  cases: Array<typeof caseVersions.$inferInsert>;
  tracks: Array<typeof followUpVersions.$inferInsert>;
}

/** A case version per event; a track version only when the track's row changed, so the history stays small. */
class TrackVersions {
  private readonly last = new Map<string, string>();

  constructor(state: CaseState) {
    if (state.status === 'opened') for (const track of state.respondents) this.last.set(track.respondentId, JSON.stringify(followUpVersionRow(state, track)));
  }

  /** A case version valid from the case's instant; versions of the tracks the event moved, each from its own instant. */
  record(state: OpenedCase, position: bigint, times: EffectiveTimes, moved: readonly string[], history: History): void {
    history.cases.push({ ...caseRow(state, position), validFrom: new Date(times.caseFrom!) });
    for (const track of state.respondents) {
      if (!moved.includes(track.respondentId)) continue;
      const row = followUpVersionRow(state, track);
      const json = JSON.stringify(row);
      if (this.last.get(track.respondentId) === json) continue;
      this.last.set(track.respondentId, json);
      history.tracks.push({ ...row, caseVersion: state.version, validFrom: new Date(trackFrom(times, track.respondentId)!), logPosition: position });
    }
  }
}

/** The case ids a batch touches: their data keys are fetched before the projection's transaction. */
export function caseIdsOf(batch: readonly RecordedEvent[]): string[] {
  return [...new Set(batch.filter(isCaseEvent).map((e) => e.streamId.slice(CASE_STREAM_PREFIX.length)))];
}

/** The timeline row of one event: when it happened in the world, who recorded it, a short description. */
export function timelineRow(caseId: string, event: RecordedEvent): typeof timeline.$inferInsert {
  const entry = timelineEntry(asCaseEvent(event));
  return {
    caseId,
    version: event.version,
    position: event.position,
    type: event.type,
    occurredAt: new Date(entry.occurredAt),
    recordedAt: new Date(event.metadata.recordedAt),
    agency: event.metadata.agency,
    unit: event.metadata.unit ?? null,
    userId: event.metadata.userId,
    description: entry.description,
    details: withActorName(timelineDetails(asCaseEvent(event)), event.metadata.actorName),
  };
}

async function loadStates(tx: ReadDb, caseIds: string[]): Promise<Map<string, { state: CaseState; effective: EffectiveTimes | null }>> {
  const rows = await tx.select().from(caseStates).where(inArray(caseStates.caseId, caseIds));
  return new Map(rows.map((row) => [row.caseId, { state: row.state as CaseState, effective: row.effective as EffectiveTimes | null }]));
}

/** Writes the changed cases' rows; returns their new follow-up rows by case. */
async function writeCases(tx: ReadDb, changed: Changed[]): Promise<Map<string, Array<typeof followUps.$inferInsert>>> {
  const written = new Map(changed.map(({ state }) => [state.caseId, state.respondents.map((track) => followUpRow(state, track))]));
  if (changed.length === 0) return written;
  await insertRows(tx, cases, changed.map(({ state, position }) => caseRow(state, position)), { replace: ['id'] });
  await insertRows(tx, caseStates, changed.map(({ state, effective }) => ({ caseId: state.caseId, state, effective })), { replace: ['case_id'] });
  await tx.delete(followUps).where(inArray(followUps.caseId, changed.map(({ state }) => state.caseId)));
  await insertRows(tx, followUps, [...written.values()].flat());
  return written;
}

/** The officer's name (event metadata `actorName`, from the token's `name` claim) kept with the line's data; TimelineEntry.actorName shows it. */
function withActorName(details: TimelineDetails, actorName: unknown): TimelineDetails {
  return typeof actorName === 'string' && actorName !== '' ? { ...details, actorName } : details;
}
