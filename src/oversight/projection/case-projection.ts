import { and, eq, inArray } from 'drizzle-orm';
import { evolve, initialState, type CaseState, type OpenedCase } from '../../case/case';
import { CASE_EVENT_TYPES, CASE_STREAM_PREFIX, type CaseEventType } from '../../case/case-events';
import type { RecordedEvent } from '../../event-store/event-store';
import type { ReadDb } from '../read-model/read-db';
import { caseStates, cases, followUps, timeline } from '../read-model/schema';
import { caseRow, followUpRow } from './case-rows';
import { asCaseEvent, timelineEntry } from './timeline-entry';

const isCaseEvent = (e: RecordedEvent) =>
  e.streamId.startsWith(CASE_STREAM_PREFIX) && CASE_EVENT_TYPES.includes(e.type as CaseEventType);

/**
 * Applies a batch of events to the read model inside the caller's transaction. Folding uses the
 * decider's own `evolve`, so the read model can never disagree with what the write side decides on.
 */
export async function projectCaseEvents(tx: ReadDb, batch: readonly RecordedEvent[]): Promise<void> {
  const byCase = new Map<string, RecordedEvent[]>();
  for (const event of batch.filter(isCaseEvent)) {
    const list = byCase.get(event.streamId) ?? [];
    list.push(event);
    byCase.set(event.streamId, list);
  }
  for (const [streamId, events] of byCase) {
    const caseId = streamId.slice(CASE_STREAM_PREFIX.length);
    let state = await loadState(tx, caseId);
    for (const event of events) {
      if (event.version <= state.version) continue; // already applied: a replayed batch must not double-apply
      state = evolve(state, asCaseEvent(event));
      await tx.insert(timeline).values(timelineRow(caseId, event));
    }
    if (state.status === 'opened') await writeCase(tx, state, events[events.length - 1].position);
  }
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
  };
}

async function loadState(tx: ReadDb, caseId: string): Promise<CaseState> {
  const rows = await tx.select({ state: caseStates.state }).from(caseStates).where(eq(caseStates.caseId, caseId));
  return rows.length > 0 ? (rows[0].state as CaseState) : initialState();
}

async function writeCase(tx: ReadDb, state: OpenedCase, position: bigint): Promise<void> {
  const row = caseRow(state, position);
  await tx.insert(cases).values(row).onConflictDoUpdate({ target: cases.id, set: row });
  await tx.insert(caseStates).values({ caseId: state.caseId, state }).onConflictDoUpdate({
    target: caseStates.caseId,
    set: { state },
  });
  const ids = state.respondents.map((r) => r.respondentId);
  await tx.delete(followUps).where(and(eq(followUps.caseId, state.caseId), inArray(followUps.respondentId, ids)));
  await tx.insert(followUps).values(state.respondents.map((r) => followUpRow(state, r)));
}
