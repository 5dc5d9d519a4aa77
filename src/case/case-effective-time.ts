import type { CaseEvent } from './case-events';

/**
 * When an event took effect in the world: the date the agency recorded for its step (the decree's
 * date, not the day it was typed in). Overdue takes effect at the missed due time.
 */
export function occurredAt(event: CaseEvent): string {
  switch (event.type) {
    case 'CaseReported':
      return event.data.receivedAt;
    case 'CaseStudied':
      return event.data.studiedAt;
    case 'RecommendationIssued':
      return event.data.issuedAt;
    case 'SanctionDecided':
    case 'RespondentCleared':
      return event.data.decidedAt;
    case 'SanctionExecuted':
    case 'SanctionExecutionCorrected':
      return event.data.executedAt;
    case 'FollowUpDeclaredImpossible':
      return event.data.declaredAt;
    case 'PersonalDataErased':
      return event.data.erasedAt;
    case 'DeadlineExtended':
      return event.data.extendedAt;
    case 'FollowUpOverdue':
      return event.data.dueAt;
    case 'EscalationRecorded':
      return event.data.escalatedAt;
    // Corrections take effect when they are made: "as of" an earlier instant still shows what was believed then.
    case 'DueTimeRecomputed':
      return event.data.recomputedAt;
    case 'OverdueWithdrawn':
      return event.data.withdrawnAt;
    case 'DocumentAttached':
      return event.data.attachedAt;
  }
}

/** The respondent tracks an event moves: null for every track (the report, the study), [] for none. */
export function tracksOf(event: CaseEvent): readonly string[] | null {
  switch (event.type) {
    case 'CaseReported':
    case 'CaseStudied':
      return null;
    case 'PersonalDataErased':
      return [];
    case 'DocumentAttached':
      return event.data.respondentId === null ? [] : [event.data.respondentId];
    case 'RecommendationIssued':
      return event.data.respondentIds;
    default:
      return [event.data.respondentId];
  }
}

/**
 * From which instant each part of a case counts in "as of" answers. A track's step counts from its
 * own date, or from the latest earlier date of the same track (or of a case-wide step: the report,
 * the study) when that is later. So "the track as of T" is always a prefix of what happened to it,
 * and a decree typed in late still counts from its own date even when another respondent's step,
 * or an overdue record, was entered before it. `caseFrom` is the running maximum over all events:
 * when the case row (its overall stage and version) counts from.
 */
export interface EffectiveTimes {
  caseFrom: number | null;
  caseWide: number | null;
  tracks: Record<string, number>;
}

export const noEffectiveTimes = (): EffectiveTimes => ({ caseFrom: null, caseWide: null, tracks: {} });

const later = (a: number | null | undefined, b: number) => (a === null || a === undefined ? b : Math.max(a, b));

/** The track's instant so far: its own steps and the case-wide ones. */
export function trackFrom(times: EffectiveTimes, respondentId: string): number | null {
  const own = times.tracks[respondentId];
  if (own === undefined) return times.caseWide;
  return times.caseWide === null ? own : Math.max(own, times.caseWide);
}

/** The times after `event`, and the tracks it moved (every track of `allTracks` for a case-wide step). */
export function advance(times: EffectiveTimes, event: CaseEvent, allTracks: readonly string[]): { times: EffectiveTimes; moved: readonly string[] } {
  const own = Date.parse(occurredAt(event));
  const touched = tracksOf(event);
  const next: EffectiveTimes = { caseFrom: later(times.caseFrom, own), caseWide: times.caseWide, tracks: { ...times.tracks } };
  if (touched === null) {
    next.caseWide = later(times.caseWide, own);
    return { times: next, moved: allTracks };
  }
  for (const id of touched) next.tracks[id] = later(trackFrom(times, id), own);
  return { times: next, moved: touched };
}
