import { evolve, initialState, type CaseState, type OpenedCase } from '../../case/case';
import { advance, noEffectiveTimes, trackFrom, type EffectiveTimes } from '../../case/case-effective-time';
import type { RecordedEvent } from '../../event-store/event-store';
import { openEvent } from '../../privacy/personal-data';
import type { caseVersions, cases, followUps, followUpVersions, timeline } from '../read-model/schema';
import { caseRow, followUpRow, followUpVersionRow } from './case-rows';
import { emptyDelta, type CounterDelta, type CountedRow } from './summary-counters';
import { addCase } from './summary-counter-delta';
import { sameCounted } from './counted-rows';
import { timelineDetails, type TimelineDetails } from './timeline-details';
import { asCaseEvent, timelineEntry } from './timeline-entry';

/**
 * What one batch of events does to the read model, computed without a database: the projection
 * (case-projection.ts) reads what it needs before, and writes this after. Given these events (and
 * what the read model held for their cases), then these rows, versions, timeline lines and counter
 * changes — test/oversight/projection/case-batch.spec.ts says it in sentences.
 */

/** What the read model holds for a case before the batch: its folded state, and its follow-up rows as counted. */
export interface StoredCase {
  state?: CaseState;
  effective?: EffectiveTimes | null;
  counted: readonly CountedRow[];
}

export interface CaseBatch {
  timeline: Array<typeof timeline.$inferInsert>;
  /** Overdue lines an OverdueWithdrawn marks, by case and version. */
  withdrawals: Array<{ caseId: string; version: number; at: string }>;
  /** New versions, each valid until the next one of the batch (valid_to), the last ones open. */
  caseVersions: Array<typeof caseVersions.$inferInsert>;
  trackVersions: Array<typeof followUpVersions.$inferInsert>;
  /** The first new version of each case and track: the stored open one is valid until it. */
  closing: { cases: Array<{ id: string; version: number; validFrom: Date }>; tracks: Array<{ caseId: string; respondentId: string; caseVersion: number; validFrom: Date }> };
  /** Current rows of the cases the batch changed. */
  changed: Array<{ state: OpenedCase; caseRow: typeof cases.$inferInsert; effective: EffectiveTimes; followUps: Array<typeof followUps.$inferInsert> }>;
  counters: CounterDelta;
}

/**
 * `events` by case id, in log order; `erasures` holds the whole history of each case erased in this
 * batch (its rows were deleted: it is projected again from the start with nothing opened).
 * `counters: false` leaves `batch.counters` empty: a bulk rebuild counts the final rows once instead
 * (bulk-rebuild.ts), so it skips moving them batch by batch.
 */
export function planCaseBatch(
  events: ReadonlyMap<string, readonly RecordedEvent[]>,
  stored: ReadonlyMap<string, StoredCase>,
  keys: ReadonlyMap<string, Buffer> = new Map(),
  erasures: ReadonlyMap<string, readonly RecordedEvent[]> = new Map(),
  options: { counters?: boolean } = {},
): CaseBatch {
  const counting = options.counters ?? true;
  const batch: CaseBatch = { timeline: [], withdrawals: [], caseVersions: [], trackVersions: [], closing: { cases: [], tracks: [] }, changed: [], counters: emptyDelta() };
  for (const [caseId, caseEvents] of events) {
    const before = stored.get(caseId);
    let state = before?.state ?? initialState();
    let times = before?.effective ?? noEffectiveTimes();
    const versions = new TrackVersions(state);
    const key = keys.get(caseId) ?? null;
    const erased = erasures.has(caseId);
    for (const recorded of caseEvents) {
      if (recorded.version <= state.version) continue; // already applied: a replayed batch must not double-apply
      const event = openEvent(asCaseEvent(recorded), key, erased || (state.status === 'opened' && state.personalDataErasedAt !== null));
      state = evolve(state, event);
      const step = advance(times, event, state.status === 'opened' ? state.respondents.map((r) => r.respondentId) : []);
      times = step.times;
      batch.timeline.push(timelineRow(caseId, { ...recorded, data: event.data as unknown as Record<string, unknown> }));
      if (event.type === 'OverdueWithdrawn' && event.data.overdueVersion !== null) {
        batch.withdrawals.push({ caseId, version: event.data.overdueVersion, at: event.data.withdrawnAt });
      }
      if (state.status === 'opened') versions.record(state, recorded.position, times, step.moved, batch);
    }
    const opened = state.status === 'opened' && times.caseFrom !== null ? state : null;
    const changed = opened !== null;
    const rows = opened ? opened.respondents.map((track) => followUpRow(opened, track)) : [];
    if (opened) batch.changed.push({ state: opened, caseRow: caseRow(opened, caseEvents[caseEvents.length - 1].position), effective: times, followUps: rows });
    // Counted again only where the rows were rewritten (or deleted, for an erased case) with a counted field moved.
    if (counting && (changed || erased) && !sameCounted(before?.counted ?? [], rows)) {
      addCase(batch.counters, before?.counted ?? [], -1);
      addCase(batch.counters, rows, 1);
    }
  }
  return batch;
}

/** A case version per event; a track version only when the track's row changed, so the history stays small. */
class TrackVersions {
  private readonly last = new Map<string, ReturnType<typeof followUpVersionRow>>();
  private lastCase: typeof caseVersions.$inferInsert | null = null;
  private readonly lastTrack = new Map<string, typeof followUpVersions.$inferInsert>();

  constructor(state: CaseState) {
    if (state.status === 'opened') for (const track of state.respondents) this.last.set(track.respondentId, followUpVersionRow(state, track));
  }

  /** A case version valid from the case's instant; versions of the tracks the event moved, each from its own instant, each closing the one before. */
  record(state: OpenedCase, position: bigint, times: EffectiveTimes, moved: readonly string[], batch: CaseBatch): void {
    // The rows are fresh objects: given their version's columns in place instead of copied (a copy per version was a rebuild's cost).
    const version = caseRow(state, position) as typeof caseVersions.$inferInsert;
    version.validFrom = new Date(times.caseFrom!);
    version.validTo = null;
    if (this.lastCase) this.lastCase.validTo = version.validFrom;
    else batch.closing.cases.push({ id: state.caseId, version: state.version, validFrom: version.validFrom });
    this.lastCase = version;
    batch.caseVersions.push(version);
    for (const track of state.respondents) {
      if (!moved.includes(track.respondentId)) continue;
      const row = followUpVersionRow(state, track);
      const before = this.last.get(track.respondentId);
      if (before !== undefined && sameRow(row, before)) continue;
      // Kept as the one to compare with: its version's own columns are not compared (sameRow goes by the fresh row's).
      this.last.set(track.respondentId, row);
      const trackVersion = row as typeof followUpVersions.$inferInsert;
      trackVersion.caseVersion = state.version;
      trackVersion.validFrom = new Date(trackFrom(times, track.respondentId)!);
      trackVersion.validTo = null;
      trackVersion.logPosition = position;
      const previous = this.lastTrack.get(track.respondentId);
      if (previous) previous.validTo = trackVersion.validFrom;
      else batch.closing.tracks.push({ caseId: state.caseId, respondentId: track.respondentId, caseVersion: state.version, validFrom: trackVersion.validFrom });
      this.lastTrack.set(track.respondentId, trackVersion);
      batch.trackVersions.push(trackVersion);
    }
  }
}

/**
 * Whether a track's fresh row holds the values the kept one held (as their JSON would say), column by
 * column of the fresh row — the kept one may carry its version's columns besides — instants by their
 * time, arrays element by element. Serialising both rows was a tenth of a rebuild's CPU.
 */
function sameRow(fresh: Record<string, unknown>, kept: Record<string, unknown>): boolean {
  for (const key in fresh) if (!sameCell(fresh[key], kept[key])) return false;
  return true;
}

function sameCell(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => sameCell(v, y[i]));
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return x === undefined && y === undefined;
  return JSON.stringify(x) === JSON.stringify(y);
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

/** The officer's name (event metadata `actorName`, from the token's `name` claim) kept with the line's data; TimelineEntry.actorName shows it. */
function withActorName(details: TimelineDetails, actorName: unknown): TimelineDetails {
  return typeof actorName === 'string' && actorName !== '' ? { ...details, actorName } : details;
}
