import type { CaseEvent } from './case-events';
import type { CaseState } from './case-state';
import { tracksTouched } from './case-concurrency';
import { rulesOf } from './steps';

/**
 * Folds one event into the state. Pure and total: the write side and the projection share it. How
 * each event folds is its step's to say (the `evolve` of its rules, in the step's folder).
 */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  const next = apply(state, event);
  if (next.status !== 'opened' || next === state) return next;
  // Each track remembers the last version that touched it: per-track concurrency (case-concurrency.ts).
  const touched = tracksTouched(event);
  return {
    ...next,
    respondents: next.respondents.map((r) => (touched === null || touched.includes(r.respondentId) ? { ...r, trackVersion: next.version } : r)),
  };
}

function apply(state: CaseState, event: CaseEvent): CaseState {
  const version = state.version + 1;
  const rules = rulesOf(event);
  if (rules.opens) return rules.opens(event, version);
  if (state.status !== 'opened' || !rules.evolve) return state;
  return rules.evolve({ ...state, version }, event);
}

export function fold(events: readonly CaseEvent[], from: CaseState): CaseState {
  return events.reduce(evolve, from);
}
