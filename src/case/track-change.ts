import type { DeadlineApplied } from './case-records';
import type { OpenedCase, RespondentTrack } from './case-state';

/** What the steps' events share when they fold (case-evolve.ts): a track's new stage, due time and overdue flag. */

/** A track that enters a new stage, or gets a new due time, is on time again. */
export const ON_TIME = { overdueSince: null, overdueFor: null, overdueVersion: null } as const;

/** The rule that counted a due time, and whether the count may still move; none when nobody waits or a letter set it. */
export const countedBy = (deadline: DeadlineApplied | null) => ({ deadline, dueAtProvisional: deadline?.provisional === true });

export function withTracks(state: OpenedCase, ids: readonly string[], change: (r: RespondentTrack) => RespondentTrack): OpenedCase {
  return { ...state, respondents: state.respondents.map((r) => (ids.includes(r.respondentId) ? change(r) : r)) };
}
