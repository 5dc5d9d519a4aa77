import { invalidTransition, list, notFound } from './case-error';
import { caseStage, findTrack, type CaseState, type OpenedCase, type RespondentTrack } from './case-state';
import { text } from './input-rules';

/** The case a step acts on; a step on a case that was never reported is NOT_FOUND. */
export function openedCase(state: CaseState, caseId: string): OpenedCase {
  if (state.status !== 'opened') throw notFound(`no case ${caseId}`, 'case.notFound');
  return state;
}

export function trackOf(state: OpenedCase, respondentId: unknown, field = 'respondentId'): RespondentTrack {
  const id = text(respondentId, field, 40);
  const track = findTrack(state, id);
  if (!track) throw notFound(`case ${state.caseId} has no respondent ${id}`, 'respondent.notFound', { respondentId: id });
  return track;
}

/** `operation` (the mutation's name) and `needed` (the stages it needs) are the refusal's parameters; `step` and `needs` its English words. */
export function refuseStage(
  state: OpenedCase,
  track: RespondentTrack | null,
  step: string,
  needs: string,
  operation: string,
  needed: readonly string[],
): never {
  const message = (where: string) => `cannot ${step}: ${where}; it needs ${needs}`;
  if (!track) {
    const stage = caseStage(state.respondents);
    throw invalidTransition(message(`case is at stage ${stage}`), 'stage.case', { operation, stage, needed: list(needed) });
  }
  const { respondentId, stage } = track;
  throw invalidTransition(message(`respondent ${respondentId} is at stage ${stage}`), 'stage.respondent', { operation, respondentId, stage, needed: list(needed) });
}
