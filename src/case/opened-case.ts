import { invalidTransition, notFound } from './case-error';
import { caseStage, findTrack, type CaseState, type OpenedCase, type RespondentTrack } from './case-state';
import { text } from './input-rules';

/** The case a step acts on; a step on a case that was never reported is NOT_FOUND. */
export function openedCase(state: CaseState, caseId: string): OpenedCase {
  if (state.status !== 'opened') throw notFound(`no case ${caseId}`);
  return state;
}

export function trackOf(state: OpenedCase, respondentId: unknown, field = 'respondentId'): RespondentTrack {
  const id = text(respondentId, field, 40);
  const track = findTrack(state, id);
  if (!track) throw notFound(`case ${state.caseId} has no respondent ${id}`);
  return track;
}

export function refuseStage(state: OpenedCase, track: RespondentTrack | null, step: string, needs: string): never {
  const where = track
    ? `respondent ${track.respondentId} is at stage ${track.stage}`
    : `case is at stage ${caseStage(state.respondents)}`;
  throw invalidTransition(`cannot ${step}: ${where}; it needs ${needs}`);
}
