import type { CaseState } from '../case/case-state';

/**
 * The decider's state of a case a mutation has just written, by the answer (the case view) it goes
 * with: `Case.nextSteps` on a mutation's answer is asked of it instead of reading and folding the
 * case's stream again. Set only when the read model shows the case at exactly the version written,
 * so the steps offered are those of the case shown. A WeakMap: the state goes with the answer.
 */
export const writtenStates = new WeakMap<object, CaseState>();
