import type { CaseCommand } from './case';
import type { CaseCommandMessage } from './case-command';
import { AttachDocumentCommand } from './attaching-document/attach-document.handler';
import { GenerateLetterCommand } from './generating-letter/generate-letter.handler';
import { CorrectSanctionExecutionCommand } from './correcting-sanction-execution/correct-sanction-execution.handler';
import { DeclareFollowUpImpossibleCommand } from './declaring-impossible/declare-follow-up-impossible.handler';
import { ErasePersonalDataCommand } from './erasing/erase-personal-data.handler';
import { RecordEscalationCommand } from './escalating/record-escalation.handler';
import { ExtendDeadlineCommand } from './extending-deadline/extend-deadline.handler';
import { MarkOverdueCommand } from './overdue/mark-overdue.handler';
import { RecordSanctionExecutionCommand } from './executing-sanction/record-sanction-execution.handler';
import { IssueRecommendationCommand } from './recommending/issue-recommendation.handler';
import { ReportCaseCommand } from './reporting/report-case.handler';
import { DecideSanctionCommand } from './sanctioning/decide-sanction.handler';
import { RecordStudyCommand } from './studying/record-study.handler';
import { RecomputeDueTimeCommand } from './recomputing-due-time/recompute-due-time.handler';

const MESSAGES = {
  ReportCase: ReportCaseCommand,
  RecordStudy: RecordStudyCommand,
  IssueRecommendation: IssueRecommendationCommand,
  DecideSanction: DecideSanctionCommand,
  RecordSanctionExecution: RecordSanctionExecutionCommand,
  CorrectSanctionExecution: CorrectSanctionExecutionCommand,
  DeclareFollowUpImpossible: DeclareFollowUpImpossibleCommand,
  ErasePersonalData: ErasePersonalDataCommand,
  ExtendDeadline: ExtendDeadlineCommand,
  MarkOverdue: MarkOverdueCommand,
  RecordEscalation: RecordEscalationCommand,
  RecomputeDueTime: RecomputeDueTimeCommand,
  AttachDocument: AttachDocumentCommand,
  GenerateLetter: GenerateLetterCommand,
} as const;

/** The CommandBus message for a domain command, for callers that hold a command of any type (demo, gRPC). */
export function messageFor(command: CaseCommand, commandId: string | null = null, expectedVersion: number | null = null): CaseCommandMessage {
  const Message = MESSAGES[command.type] as new (c: CaseCommand, id: string | null, v: number | null) => CaseCommandMessage;
  return new Message(command, commandId, expectedVersion);
}
