import type { DeadlineApplied } from './case-records';
import type { Agency, DeadlineStep, ElectionKind } from './case-vocabulary';

/** Who issues a command: from the verified token, never from the input. */
export interface Actor {
  agency: Agency;
  /** Kemendagri code of the unit's jurisdiction; null = national. */
  region: string | null;
  userId: string;
  /** The officer's display name from the token's `name` claim, when it carries one: recorded in event metadata, never logged. */
  name?: string;
}

export type { DeadlineStep };

/** What a decision needs from outside, passed in so the decider stays pure. */
export interface DecideContext {
  now: Date;
  deadline(kind: ElectionKind, step: DeadlineStep, start: Date): { dueAt: Date; applied: DeadlineApplied };
  /** Counts a due time again under today's calendar (only Netra's calendar process needs it). */
  recount?(start: Date, days: number, unit: DeadlineApplied['unit']): { dueAt: Date; provisional: boolean };
  /** The last instant a case may be registered after the violation became known; null when no limit applies. */
  reportingLimit(kind: ElectionKind, source: 'REPORT' | 'FINDING', knownAt: Date): { limitAt: Date; applied: DeadlineApplied } | null;
  registerNumber(input: { caseId: string; source: string; handlingUnit: string; receivedAt: Date }): string;
}
