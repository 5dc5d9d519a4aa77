import { evolve, initialState, waitingOn, type CaseEvent, type CaseState } from '../../case/case';
import { effectiveFrom } from '../../case/case-effective-time';
import { CASE_EVENT_TYPES, CASE_STREAM_PREFIX, type CaseEventType } from '../../case/case-events';
import type { EventStore, RecordedEvent } from '../../event-store/event-store';
import type { FollowUpSummary, SummaryDimension } from '../models/summary.model';
import type { FollowUpFilter } from '../queries/filters.input';
import { countingRegion } from './counting-region';
import { aggregate, type Person } from './recompute-aggregate';

/**
 * Recomputes `followUpSummary` from the raw event log, without the read model: every case folded
 * with the decider's own `evolve` up to `position`, and within a case only as far as its events had
 * taken effect at `asOf`; the figures are then counted in memory. A published answer carries its
 * position and asOf, so anyone holding the log can check it (npm run figures).
 */
export interface RecomputeRequest {
  position: bigint;
  asOf: Date;
  groupBy: SummaryDimension[];
  filter?: FollowUpFilter;
}

const PAGE = 2000;
const isCaseEvent = (e: RecordedEvent) => e.streamId.startsWith(CASE_STREAM_PREFIX) && CASE_EVENT_TYPES.includes(e.type as CaseEventType);

interface Folding {
  state: CaseState;
  effective: number | null;
  /** An event took effect after asOf: the rest of this case's history is later still. */
  done: boolean;
}

export async function recomputeFigures(store: EventStore, request: RecomputeRequest): Promise<FollowUpSummary> {
  if (request.filter?.respondentNip || request.filter?.caseId) throw new Error('figures by respondentNip or caseId are not published figures');
  const asOf = request.asOf.getTime();
  const folds = new Map<string, Folding>();
  for (let after = 0n; ; ) {
    const page = await store.readAll(after, PAGE);
    const upTo = page.filter((e) => e.position <= request.position);
    for (const event of upTo.filter(isCaseEvent)) {
      const fold = folds.get(event.streamId) ?? { state: initialState(), effective: null, done: false };
      folds.set(event.streamId, fold);
      if (fold.done) continue;
      const caseEvent = event as unknown as CaseEvent;
      const effective = effectiveFrom(fold.effective, caseEvent);
      if (effective > asOf) {
        fold.done = true;
        continue;
      }
      fold.state = evolve(fold.state, caseEvent);
      fold.effective = effective;
    }
    if (page.length < PAGE || upTo.length < page.length) break;
    after = page[page.length - 1].position;
  }
  const persons = [...folds.values()].flatMap(({ state }) => personsOf(state));
  const { overall, buckets } = aggregate(persons, request.groupBy, request.filter ?? {}, request.asOf);
  return { asOf: request.asOf, position: String(request.position), overall, buckets };
}

function personsOf(state: CaseState): Person[] {
  if (state.status !== 'opened') return [];
  return state.respondents.map((track) => ({
    caseId: state.caseId,
    stage: track.stage,
    waitingOn: waitingOn(track),
    since: Date.parse(track.since),
    dueAt: track.dueAt ? Date.parse(track.dueAt) : null,
    followUpStatus: track.followUpStatus,
    recommended: track.recommendation !== null,
    decidedAt: track.decision?.decidedAt ? Date.parse(track.decision.decidedAt) : null,
    executedAt: track.execution ? Date.parse(track.execution.executedAt) : null,
    violations: track.findingViolations.length > 0 ? track.findingViolations : state.violations,
    ppk: track.decision?.ppk?.title ?? null,
    ppkRegion: track.decision?.ppk?.regionCode ?? null,
    election: { kind: state.election.kind, year: state.election.year },
    receivedAt: Date.parse(state.receivedAt),
    ...countingRegion(state, track),
  }));
}
