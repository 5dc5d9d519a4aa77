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
 * `decide(command, state, ctx)` returns the events a command produces or throws a CaseError;
 * `evolve(state, event)` folds them. Both are pure: time and deadline policy come in through ctx.
 */
import { assertMayReadCase } from './case-access';
import type { CaseEvent } from './case-events';
import type { CaseState } from './case-state';
import type { DecideContext } from './decide-context';
import { declareFollowUpImpossible, type DeclareFollowUpImpossible } from './declaring-impossible/declare-follow-up-impossible';
import { attachDocument, type AttachDocument } from './attaching-document/attach-document';
import { generateLetter, type GenerateLetter } from './generating-letter/generate-letter';
import { correctSanctionExecution, type CorrectSanctionExecution } from './correcting-sanction-execution/correct-sanction-execution';
import { erasePersonalData, type ErasePersonalData } from './erasing/erase-personal-data';
import { recordEscalation, type RecordEscalation } from './escalating/record-escalation';
import { recordSanctionExecution, type RecordSanctionExecution } from './executing-sanction/record-sanction-execution';
import { extendDeadline, type ExtendDeadline } from './extending-deadline/extend-deadline';
import { overdueWithdrawals } from './correcting/withdraw-overdue';
import { markOverdue, type MarkOverdue } from './overdue/mark-overdue';
import { recomputeDueTime, type RecomputeDueTime } from './recomputing-due-time/recompute-due-time';
import { issueRecommendation, type IssueRecommendation } from './recommending/issue-recommendation';
import { reportCase, type ReportCase } from './reporting/report-case';
import { decideSanction, type DecideSanction } from './sanctioning/decide-sanction';
import { recordStudy, type RecordStudy } from './studying/record-study';

export type CaseCommand =
  | ReportCase
  | RecordStudy
  | IssueRecommendation
  | DecideSanction
  | RecordSanctionExecution
  | CorrectSanctionExecution
  | DeclareFollowUpImpossible
  | ErasePersonalData
  | ExtendDeadline
  | MarkOverdue
  | RecordEscalation
  | RecomputeDueTime
  | AttachDocument
  | GenerateLetter;

export function decide(command: CaseCommand, state: CaseState, ctx: DecideContext): CaseEvent[] {
  // Read permission first: an unreadable case is NOT_FOUND whatever else is wrong (case-access.ts).
  if (command.type !== 'ReportCase') assertMayReadCase(command.actor, state, command.caseId);
  const events = decideStep(command, state, ctx);
  return [...events, ...overdueWithdrawals(state, events, command.actor, ctx)];
}

function decideStep(command: CaseCommand, state: CaseState, ctx: DecideContext): CaseEvent[] {
  switch (command.type) {
    case 'ReportCase':
      return reportCase(command, state, ctx);
    case 'RecordStudy':
      return recordStudy(command, state, ctx);
    case 'IssueRecommendation':
      return issueRecommendation(command, state, ctx);
    case 'DecideSanction':
      return decideSanction(command, state, ctx);
    case 'RecordSanctionExecution':
      return recordSanctionExecution(command, state, ctx);
    case 'CorrectSanctionExecution':
      return correctSanctionExecution(command, state, ctx);
    case 'DeclareFollowUpImpossible':
      return declareFollowUpImpossible(command, state, ctx);
    case 'ErasePersonalData':
      return erasePersonalData(command, state, ctx);
    case 'ExtendDeadline':
      return extendDeadline(command, state, ctx);
    case 'MarkOverdue':
      return markOverdue(command, state, ctx);
    case 'RecordEscalation':
      return recordEscalation(command, state, ctx);
    case 'RecomputeDueTime':
      return recomputeDueTime(command, state, ctx);
    case 'AttachDocument':
      return attachDocument(command, state, ctx);
    case 'GenerateLetter':
      return generateLetter(command, state, ctx);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${(unknown as CaseCommand).type}`);
    }
  }
}

export { evolve, fold } from './case-evolve';
export { initialState, caseStage, waitingOn } from './case-state';
export type { CaseState, OpenedCase, RespondentTrack } from './case-state';
export type { CaseEvent } from './case-events';
