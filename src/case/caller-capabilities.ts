import type { Agency } from './case-vocabulary';
import type { Actor } from './decide-context';
import { STEPS } from './steps';
import type { Step } from './step';

/** The page a caller starts on: its work queue, or the case list when no step waits on it. */
export const LANDINGS = ['QUEUE', 'CASES'] as const;
export type Landing = (typeof LANDINGS)[number];

/** What a caller may do besides the steps of one case (those are Case.nextSteps): from the same access table. */
export interface CallerCapabilities {
  /** Whether it may take the step that opens a case (the new-case form), for some region. */
  mayOpenCase: boolean;
  landing: Landing;
}

const steps = STEPS as readonly Step[];

/** Read from the registry's access rows, so the console keeps no copy of who opens cases or who has a queue. */
export function capabilitiesOf(actor: Pick<Actor, 'agency'>): CallerCapabilities {
  const takes = (step: Step) => step.access !== null && (step.access.agencies as readonly Agency[]).includes(actor.agency);
  return {
    mayOpenCase: steps.some((step) => step.opensCase === true && takes(step)),
    // An agency that takes no step (OVERSIGHT reads only) has nothing waiting on it: it lands on the case list.
    landing: steps.some(takes) ? 'QUEUE' : 'CASES',
  };
}
