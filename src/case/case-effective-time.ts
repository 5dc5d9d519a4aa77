import type { CaseEvent } from './case-events';
import { rulesOf } from './steps';

/**
 * When an event took effect in the world: the date the agency recorded for its step (the decree's
 * date, not the day it was typed in), as the event's step declares it.
 */
export function occurredAt(event: CaseEvent): string {
  return rulesOf(event).occurredAt(event);
}

/** The respondent tracks an event moves: null for every track (the report, the study), [] for none. */
export function tracksOf(event: CaseEvent): readonly string[] | null {
  const rules = rulesOf(event);
  return rules.tracks ? rules.tracks(event) : [(event.data as { respondentId: string }).respondentId];
}

/** A step that ends the wait an overdue record is about: taken by the due time, it was not late. */
export function endsWait(event: CaseEvent): boolean {
  return rulesOf(event).endsWait === true;
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
