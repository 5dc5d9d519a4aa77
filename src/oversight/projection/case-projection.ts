import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { CaseState } from '../../case/case';
import type { EffectiveTimes } from '../../case/case-effective-time';
import { CASE_EVENT_TYPES, CASE_STREAM_PREFIX, type CaseEventType } from '../../case/case-events';
import type { RecordedEvent } from '../../event-store/event-store';
import type { ReadDb } from '../../storage/read-db';
import { caseStates, caseVersions, cases, followUpVersions, followUps, timeline } from '../read-model/schema';
import { planCaseBatch, type CaseBatch, type StoredCase } from './case-batch';
import { insertRowsSql } from './json-rows';
import { inOneRoundTrip, together, type Statement } from './one-round-trip';
import type { CountedRow } from './summary-counters';
import { counterDeltaStatements } from './summary-counter-writes';

export { timelineRow } from './case-batch';

export const isCaseEvent = (e: RecordedEvent) =>
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
 *
 * `counters: false` (a bulk rebuild, bulk-rebuild.ts) writes the rows without moving the summary
 * counters; the rebuild counts the final rows once at the end.
 *
 * `sendWith` (the live projection: its checkpoint) makes every write of the batch, then those
 * statements, go to the database as one message (one-round-trip.ts) instead of one round trip each;
 * `sendFirst` (embedded: the checkpoint's guard, unlocked-batch.ts) goes at the head of that message.
 */
export async function projectCaseEvents(
  tx: ReadDb,
  batch: readonly RecordedEvent[],
  keys: ReadonlyMap<string, Buffer> = new Map(),
  erasures: ReadonlyMap<string, readonly RecordedEvent[]> = new Map(),
  options: { counters?: boolean; sendWith?: Statement[]; sendFirst?: Statement[]; start?: BatchStart; planned?: () => void } = {},
): Promise<void> {
  const counting = options.counters ?? true;
  const send = options.sendWith ? (statements: Statement[]) => inOneRoundTrip(tx, [...(options.sendFirst ?? []), ...statements, ...options.sendWith!]) : async (statements: Statement[]) => {
    for (const statement of statements) await tx.execute(statement);
  };
  const byCase = new Map<string, readonly RecordedEvent[]>();
  for (const event of batch.filter(isCaseEvent)) {
    const caseId = event.streamId.slice(CASE_STREAM_PREFIX.length);
    const events = byCase.get(caseId);
    if (events) (events as RecordedEvent[]).push(event);
    else byCase.set(caseId, [event]);
  }
  if (byCase.size === 0) return send([]);
  for (const [caseId, history] of erasures) if (byCase.has(caseId)) byCase.set(caseId, history);
  const replayed = [...erasures.keys()].filter((caseId) => byCase.has(caseId));
  // The rows as counted so far: the counters move by what replaces them (summary-counters.ts).
  // Read already with the checkpoint (readBatchStart) unless the batch replays an erased case, whose rows go first.
  const start = options.start && counting && replayed.length === 0 && [...byCase.keys()].every((caseId) => options.start!.caseIds.has(caseId)) ? options.start : null;
  const counted = start ? start.counted : counting ? await countedRows(tx, [...byCase.keys()]) : new Map<string, CountedRow[]>();
  await deleteCaseRows(tx, replayed);
  const states = start ? start.states : await loadStates(tx, [...byCase.keys()]);
  const stored = new Map<string, StoredCase>([...byCase.keys()].map((caseId) => [caseId, { ...states.get(caseId), counted: counted.get(caseId) ?? [] }]));
  const writes = batchWrites(tx, planCaseBatch(byCase, stored, keys, erasures, { counters: counting }));
  options.planned?.();
  await send(writes);
}

/** Everything a planned batch writes, in order: a handful of statements whatever its size. */
function batchWrites(tx: ReadDb, batch: CaseBatch): Statement[] {
  const statements: Array<Statement | null> = [insertRowsSql(timeline, batch.timeline)];
  // The overdue line stays in the timeline, marked from when it no longer stands (as of earlier it still does).
  for (const w of batch.withdrawals) {
    statements.push(tx.update(timeline).set({ withdrawnAt: new Date(w.at) }).where(and(eq(timeline.caseId, w.caseId), eq(timeline.version, w.version))));
  }
  statements.push(...closeVersions(batch.closing));
  statements.push(insertRowsSql(caseVersions, batch.caseVersions, { nothing: true }));
  statements.push(insertRowsSql(followUpVersions, batch.trackVersions, { nothing: true }));
  if (batch.changed.length > 0) {
    statements.push(insertRowsSql(cases, batch.changed.map((c) => c.caseRow), { replace: ['id'] }));
    statements.push(insertRowsSql(caseStates, batch.changed.map(({ state, effective }) => ({ caseId: state.caseId, state, effective })), { replace: ['case_id'] }));
    statements.push(tx.delete(followUps).where(inArray(followUps.caseId, batch.changed.map(({ state }) => state.caseId))));
    statements.push(insertRowsSql(followUps, batch.changed.flatMap((c) => c.followUps)));
  }
  statements.push(...counterDeltaStatements(batch.counters));
  return statements.filter((s): s is Statement => s !== null);
}

/** The follow-up rows of these cases as the counters counted them. */
export async function countedRows(tx: ReadDb, caseIds: string[]): Promise<Map<string, CountedRow[]>> {
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

/** The latest stored version of each case and track the batch adds to is valid until the first new one (case-batch.ts sets the rest). */
function closeVersions(closing: CaseBatch['closing']): SQL[] {
  const statements: SQL[] = [];
  if (closing.cases.length > 0) {
    statements.push(sql`UPDATE rm_case_versions t SET valid_to = d.valid_from
      FROM jsonb_to_recordset(${JSON.stringify(closing.cases.map((o) => ({ id: o.id, version: o.version, valid_from: o.validFrom.toISOString() })))}::jsonb)
        AS d(id text, version int, valid_from timestamptz)
      WHERE t.id = d.id AND t.valid_to IS NULL AND t.version < d.version`);
  }
  if (closing.tracks.length > 0) {
    statements.push(sql`UPDATE rm_follow_up_versions t SET valid_to = d.valid_from
      FROM jsonb_to_recordset(${JSON.stringify(closing.tracks.map((o) => ({ case_id: o.caseId, respondent_id: o.respondentId, case_version: o.caseVersion, valid_from: o.validFrom.toISOString() })))}::jsonb)
        AS d(case_id text, respondent_id text, case_version int, valid_from timestamptz)
      WHERE t.case_id = d.case_id AND t.respondent_id = d.respondent_id AND t.valid_to IS NULL AND t.case_version < d.case_version`);
  }
  return statements;
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

/** The case ids a batch touches: their data keys are fetched before the projection's transaction. */
/** What a live batch reads before it writes: its cases' counted rows and folded states (readBatchStart). */
export interface BatchStart {
  caseIds: ReadonlySet<string>;
  counted: Map<string, CountedRow[]>;
  states: Map<string, { state: CaseState; effective: EffectiveTimes | null }>;
}

/**
 * The reads a live batch starts with, the checkpoint under lock (`checkpoint`) and the counted rows
 * and states of `caseIds`, in one round trip on PostgreSQL (together(): pipelined), one after the
 * other embedded, behind `opening` (the batch's BEGIN on PostgreSQL, batch-transaction.ts). Read for every case of the events: if the checkpoint shows some were applied
 * already, the rows of the others are simply not used.
 */
export async function readBatchStart<T>(tx: ReadDb, checkpoint: () => Promise<T>, caseIds: string[], opening: readonly string[] = []): Promise<{ checkpoint: T; start: BatchStart | null }> {
  if (caseIds.length === 0) return { checkpoint: (await together(tx, [checkpoint], opening))[0] as T, start: null };
  const [stored, counted, states] = await together(tx, [checkpoint, () => countedRows(tx, caseIds), () => loadStates(tx, caseIds)] as const, opening);
  return { checkpoint: stored as T, start: { caseIds: new Set(caseIds), counted: counted as BatchStart['counted'], states: states as BatchStart['states'] } };
}

export function caseIdsOf(batch: readonly RecordedEvent[]): string[] {
  return [...new Set(batch.filter(isCaseEvent).map((e) => e.streamId.slice(CASE_STREAM_PREFIX.length)))];
}

export async function loadStates(tx: ReadDb, caseIds: string[]): Promise<Map<string, { state: CaseState; effective: EffectiveTimes | null }>> {
  const rows = await tx.select().from(caseStates).where(inArray(caseStates.caseId, caseIds));
  return new Map(rows.map((row) => [row.caseId, { state: row.state as CaseState, effective: row.effective as EffectiveTimes | null }]));
}

