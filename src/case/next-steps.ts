import { decide, type CaseCommand } from './case';
import { CaseError } from './case-error';
import type { CaseState } from './case-state';
import type { Actor, DecideContext } from './decide-context';
import { STEPS } from './steps';
import type { Offer, Trial } from './trial';

/**
 * The steps a caller may take next on a case, per respondent, asked of the decider itself: each
 * step is tried with a plausible command (dated now, with placeholder letter numbers and the
 * values the track already holds) and offered when the decider accepts it. So the access table,
 * the region rules, the respondent kinds and the stage rules are the decider's own — nothing here
 * restates them, and the console renders what the server would accept instead of keeping a copy.
 * The events a trial produces are thrown away. Each step's trial is in its folder (`offers`). A
 * step the decider refuses for the trial's placeholder values alone would go missing;
 * test/case/next-steps.spec.ts holds every step of the access matrix against this.
 */

/** The steps a caller may be offered, by their operation: those whose folder says how to try them (`offers`). */
export const NEXT_STEPS: readonly string[] = STEPS.filter((s) => s.offers !== undefined).map((s) => operationOf(s));
export type NextStepName = string;

export interface NextStep extends Offer {
  step: NextStepName;
}

export function nextSteps(state: CaseState, actor: Actor, ctx: DecideContext): NextStep[] {
  if (state.status !== 'opened') return [];
  const trial: Trial = {
    state,
    base: { actor, caseId: state.caseId },
    now: ctx.now,
    accepts: (command) => {
      try {
        decide(command as CaseCommand, state, ctx);
        return true;
      } catch (error) {
        if (error instanceof CaseError) return false;
        throw error;
      }
    },
  };
  return STEPS.flatMap((step) => (step.offers ? step.offers(trial).map((offer) => ({ step: operationOf(step), ...offer })) : []));
}

function operationOf(step: { access: { operation: string } | null; offeredAs?: string }): string {
  return step.offeredAs ?? step.access!.operation;
}
