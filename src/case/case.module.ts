import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CALENDAR_HEALTH } from '../observability/health';
import { CalendarHealthService } from './calendar/calendar-health.service';
import { CalendarRecount } from './calendar/calendar-recount.service';
import { CalendarService } from './calendar/calendar.service';
import { RecomputeDueTimeHandler } from './recomputing-due-time/recompute-due-time.handler';
import { CaseCommands } from './case-commands.service';
import { CaseRules } from './case-rules.service';
import { CaseRepository } from './case.repository';
import { AttachDocumentHandler } from './attaching-document/attach-document.handler';
import { GenerateLetterHandler } from './generating-letter/generate-letter.handler';
import { CorrectSanctionExecutionHandler } from './correcting-sanction-execution/correct-sanction-execution.handler';
import { DeclareFollowUpImpossibleHandler } from './declaring-impossible/declare-follow-up-impossible.handler';
import { ErasePersonalDataHandler } from './erasing/erase-personal-data.handler';
import { RecordEscalationHandler } from './escalating/record-escalation.handler';
import { ExtendDeadlineHandler } from './extending-deadline/extend-deadline.handler';
import { MarkOverdueHandler } from './overdue/mark-overdue.handler';
import { OverdueScheduler } from './overdue/overdue-scheduler.service';
import { RecordSanctionExecutionHandler } from './executing-sanction/record-sanction-execution.handler';
import { IssueRecommendationHandler } from './recommending/issue-recommendation.handler';
import { ReportCaseHandler } from './reporting/report-case.handler';
import { DecideSanctionHandler } from './sanctioning/decide-sanction.handler';
import { RecordStudyHandler } from './studying/record-study.handler';

/**
 * The write side: the command gateway, one handler per lifecycle step, and the deadline and calendar
 * processes. It reads nothing of the read model but through the ports beside the processes, which
 * OversightModule provides; the mutations are wired by CaseApiModule (src/api).
 */
@Module({
  imports: [CqrsModule],
  providers: [
    CaseRules,
    CaseRepository,
    CaseCommands,
    ReportCaseHandler,
    RecordStudyHandler,
    IssueRecommendationHandler,
    DecideSanctionHandler,
    RecordSanctionExecutionHandler,
    CorrectSanctionExecutionHandler,
    DeclareFollowUpImpossibleHandler,
    ErasePersonalDataHandler,
    ExtendDeadlineHandler,
    RecordEscalationHandler,
    MarkOverdueHandler,
    OverdueScheduler,
    CalendarService,
    CalendarRecount,
    CalendarHealthService,
    { provide: CALENDAR_HEALTH, useExisting: CalendarHealthService },
    RecomputeDueTimeHandler,
    AttachDocumentHandler,
    GenerateLetterHandler,
  ],
  exports: [CaseCommands, CaseRules, CalendarService, CalendarRecount, CALENDAR_HEALTH],
})
export class CaseModule {}
