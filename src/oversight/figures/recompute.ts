import { evolve, initialState, waitingOn, type CaseEvent, type CaseState, type OpenedCase, type RespondentTrack } from '../../case/case';
import { occurredAt, tracksOf } from '../../case/case-effective-time';
import { CASE_EVENT_TYPES, CASE_STREAM_PREFIX, type CaseEventType } from '../../case/case-events';
import type { EventStore, RecordedEvent } from '../../event-store/event-store';
import type { FollowUpSummary, SummaryDimension } from '../models/summary.model';
import type { FollowUpFilter } from '../queries/filters.input';
import { countingRegion } from './counting-region';
import { aggregate, type Person } from './recompute-aggregate';

/**
 * Recomputes `followUpSummary` from the raw event log, without the read model. Each person is
 * folded on their own: the case's events up to `position` that concern them (the report, the study,
 * their own steps), with the decider's own `evolve`, as far as those had taken effect at `asOf` —
 * a step counts from its date, or from the latest earlier date among them when that is later.
 * `current` answers (no asOf asked) count every event up to `position`. The figures are then counted
 * in memory. A published answer carries position, asOf and current, so anyone holding the log can
 * check it (npm run figures).
 */
export interface RecomputeRequest {
  position: bigint;
  asOf: Date;
  /** True for an answer given without asOf: every event up to `position` counts, whatever its date. */
  current?: boolean;
  groupBy: SummaryDimension[];
  filter?: FollowUpFilter;
}

const PAGE = 2000;
const isCaseEvent = (e: RecordedEvent) => e.streamId.startsWith(CASE_STREAM_PREFIX) && CASE_EVENT_TYPES.includes(e.type as CaseEventType);

export async function recomputeFigures(store: EventStore, request: RecomputeRequest): Promise<FollowUpSummary> {
  if (request.filter?.respondentNip || request.filter?.caseId) throw new Error('figures by respondentNip or caseId are not published figures');
  const histories = new Map<string, CaseEvent[]>();
  for (let after = 0n; ; ) {
    const page = await store.readAll(after, PAGE);
    const upTo = page.filter((e) => e.position <= request.position);
    for (const event of upTo.filter(isCaseEvent)) {
      const history = histories.get(event.streamId) ?? [];
      history.push(event as unknown as CaseEvent);
      histories.set(event.streamId, history);
    }
    if (page.length < PAGE || upTo.length < page.length) break;
    after = page[page.length - 1].position;
  }
  const until = request.current ? Number.POSITIVE_INFINITY : request.asOf.getTime();
  const persons = [...histories.values()].flatMap((history) => personsOf(history, until, request.asOf));
  const { overall, buckets } = aggregate(persons, request.groupBy, request.filter ?? {}, request.asOf);
  return { asOf: request.asOf, current: request.current === true, position: String(request.position), smallCellThreshold: null, overall, buckets };
}

/** Every respondent of a case as of `until`, each from a fold of only the events that concern them. */
function personsOf(history: CaseEvent[], until: number, at: Date): Person[] {
  const reported = history[0];
  if (reported?.type !== 'CaseReported' || Date.parse(occurredAt(reported)) > until) return [];
  return reported.data.respondents.flatMap((respondent) => {
    let state: CaseState = initialState();
    let from = Number.NEGATIVE_INFINITY;
    for (const event of history) {
      const tracks = tracksOf(event);
      if (tracks !== null && !tracks.includes(respondent.respondentId)) continue;
      from = Math.max(from, Date.parse(occurredAt(event)));
      if (from > until) break;
      state = evolve(state, event);
    }
    const track = state.status === 'opened' ? state.respondents.find((r) => r.respondentId === respondent.respondentId) : undefined;
    return state.status === 'opened' && track ? [personOf(state, track, at)] : [];
  });
}

/** `at`: the instant the figures describe; KASN waits where BKN would, before 24 Aug 2024. */
function personOf(state: OpenedCase, track: RespondentTrack, at: Date): Person {
  return {
    caseId: state.caseId,
    stage: track.stage,
    waitingOn: waitingOn(track, at),
    employment: track.employment,
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
  };
}
