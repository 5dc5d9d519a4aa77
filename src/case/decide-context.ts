import type { DeadlineApplied } from './case-events';
import type { Agency, DeadlineStep, ElectionKind } from './case-vocabulary';

/** Who issues a command: from the verified token, never from the input. */
export interface Actor {
  agency: Agency;
  /** Kemendagri code of the unit's jurisdiction; null = national. */
  region: string | null;
  userId: string;
}

export type { DeadlineStep };

/** What a decision needs from outside, passed in so the decider stays pure. */
export interface DecideContext {
  now: Date;
  deadline(kind: ElectionKind, step: DeadlineStep, start: Date): { dueAt: Date; applied: DeadlineApplied };
  registerNumber(input: { caseId: string; source: string; handlingUnit: string; receivedAt: Date }): string;
}
