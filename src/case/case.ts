/**
 * The case lifecycle in one place (shared/DOMAIN.md §3):
 *
 *   reported ─► studied ─┬─► recommended ─► sanction decided ─┬─► sanction executed
 *                        │   (Bawaslu→KASN/BKN) (KASN/BKN→PPK) ├─► follow-up impossible
 *                        │                  └─► cleared        └─► (overdue → escalated)
 *                        └─► no violation / forwarded
 *
 * A recorded decree is never recorded twice; a corrected decree replaces it (SanctionExecutionCorrected).
 *
 * Beside the stages: any waiting step's due time may be extended (with its legal basis), Netra's
 * deadline process records when it passes (FollowUpOverdue), a PPK that does not act is escalated
 * (EscalationRecorded), and a working-day due time is recounted when a year's holiday calendar is
 * published (DueTimeRecomputed). Whatever a command decides, an overdue record it makes untrue is
 * withdrawn in the same append (OverdueWithdrawn, src/case/correcting).
 *
 * Each step lives in its own folder (reporting/, studying/, … listed in steps.ts): its command, its
 * events, who may take it, its decision and how its events fold. `decide(command, state, ctx)`
 * returns the events a command produces or throws a CaseError; `evolve(state, event)` folds them.
 * Both are pure: time and deadline policy come in through ctx.
 */
import { assertMayReadCase } from './case-access';
import type { CaseEvent } from './case-events';
import type { CaseState } from './case-state';
import type { DecideContext } from './decide-context';
import { overdueWithdrawals } from './correcting/withdraw-overdue';
import { stepOf, type CaseCommand } from './steps';

export type { CaseCommand } from './steps';

/** Each step decides its own command (steps.ts finds the step by the command's type). */
export function decide(command: CaseCommand, state: CaseState, ctx: DecideContext): CaseEvent[] {
  // Read permission first: an unreadable case is NOT_FOUND whatever else is wrong (case-access.ts).
  const step = stepOf(command);
  if (!step.opensCase) assertMayReadCase(command.actor, state, command.caseId);
  const events = step.decide!(command, state, ctx) as CaseEvent[];
  return [...events, ...overdueWithdrawals(state, events, command.actor, ctx)];
}

export { evolve, fold } from './case-evolve';
export { initialState, caseStage, waitingOn } from './case-state';
export type { CaseState, OpenedCase, RespondentTrack } from './case-state';
export type { CaseEvent } from './case-events';
