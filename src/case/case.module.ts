import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OversightModule } from '../oversight/oversight.module';
import { CALENDAR_HEALTH } from '../observability/observability.module';
import { CalendarHealthService } from './calendar/calendar-health.service';
import { CalendarRecount } from './calendar/calendar-recount.service';
import { CalendarService } from './calendar/calendar.service';
import { PublishCalendarResolver } from './calendar/publish-calendar.resolver';
import { CaseMutations } from './case-mutations.service';
import { RecomputeDueTimeHandler } from './recomputing-due-time/recompute-due-time.handler';
import { CaseRules } from './case-rules.service';
import { CaseRepository } from './case.repository';
import { CorrectSanctionExecutionHandler } from './correcting-sanction-execution/correct-sanction-execution.handler';
import { CorrectSanctionExecutionResolver } from './correcting-sanction-execution/correct-sanction-execution.resolver';
import { DeclareFollowUpImpossibleHandler } from './declaring-impossible/declare-follow-up-impossible.handler';
import { DeclareFollowUpImpossibleResolver } from './declaring-impossible/declare-follow-up-impossible.resolver';
import { ErasePersonalDataHandler } from './erasing/erase-personal-data.handler';
import { ErasePersonalDataResolver } from './erasing/erase-personal-data.resolver';
import { RecordEscalationHandler } from './escalating/record-escalation.handler';
import { RecordEscalationResolver } from './escalating/record-escalation.resolver';
import { ExtendDeadlineHandler } from './extending-deadline/extend-deadline.handler';
import { ExtendDeadlineResolver } from './extending-deadline/extend-deadline.resolver';
import { MarkOverdueHandler } from './overdue/mark-overdue.handler';
import { OverdueScheduler } from './overdue/overdue-scheduler.service';
import { RecordSanctionExecutionHandler } from './executing-sanction/record-sanction-execution.handler';
import { RecordSanctionExecutionResolver } from './executing-sanction/record-sanction-execution.resolver';
import { IssueRecommendationHandler } from './recommending/issue-recommendation.handler';
import { IssueRecommendationResolver } from './recommending/issue-recommendation.resolver';
import { ReportCaseHandler } from './reporting/report-case.handler';
import { KnownElectionsResolver } from './reporting/known-elections.resolver';
import { ReportCaseResolver } from './reporting/report-case.resolver';
import { DecideSanctionHandler } from './sanctioning/decide-sanction.handler';
import { DecideSanctionResolver } from './sanctioning/decide-sanction.resolver';
import { RecordStudyHandler } from './studying/record-study.handler';
import { RecordStudyResolver } from './studying/record-study.resolver';

/** The write side: one handler and one mutation per lifecycle step, and the deadline process. */
@Module({
  imports: [CqrsModule, OversightModule],
  providers: [
    CaseRules,
    CaseRepository,
    CaseMutations,
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
    PublishCalendarResolver,
    KnownElectionsResolver,
    ReportCaseResolver,
    RecordStudyResolver,
    IssueRecommendationResolver,
    DecideSanctionResolver,
    RecordSanctionExecutionResolver,
    CorrectSanctionExecutionResolver,
    DeclareFollowUpImpossibleResolver,
    ErasePersonalDataResolver,
    ExtendDeadlineResolver,
    RecordEscalationResolver,
  ],
  exports: [CaseMutations, CaseRules, CalendarService, CALENDAR_HEALTH],
})
export class CaseModule {}
