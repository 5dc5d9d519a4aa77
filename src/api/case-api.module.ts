import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module';
import { OversightModule } from '../oversight/oversight.module';
import { PublishCalendarResolver } from '../case/calendar/publish-calendar.resolver';
import { CorrectSanctionExecutionResolver } from '../case/correcting-sanction-execution/correct-sanction-execution.resolver';
import { DeclareFollowUpImpossibleResolver } from '../case/declaring-impossible/declare-follow-up-impossible.resolver';
import { ErasePersonalDataResolver } from '../case/erasing/erase-personal-data.resolver';
import { RecordEscalationResolver } from '../case/escalating/record-escalation.resolver';
import { ExtendDeadlineResolver } from '../case/extending-deadline/extend-deadline.resolver';
import { RecordSanctionExecutionResolver } from '../case/executing-sanction/record-sanction-execution.resolver';
import { IssueRecommendationResolver } from '../case/recommending/issue-recommendation.resolver';
import { KnownElectionsResolver } from '../case/reporting/known-elections.resolver';
import { RegionsResolver } from '../case/reporting/regions.resolver';
import { ReportCaseResolver } from '../case/reporting/report-case.resolver';
import { DecideSanctionResolver } from '../case/sanctioning/decide-sanction.resolver';
import { RecordStudyResolver } from '../case/studying/record-study.resolver';
import { CaseMutations } from './case-mutations.service';
import { NextStepsResolver } from './next-steps.resolver';
import { AuthModule } from '../auth/auth.module';
import { DocumentReader } from './documents/document-reader';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsResolver } from './documents/documents.resolver';
import { LettersController } from './letters/letters.controller';
import { LettersResolver } from './letters/letters.resolver';
import { LetterService } from './letters/letters.service';

/** The case's API: the GraphQL mutations of every step, and CaseMutations, which the transports call around the gateway. */
@Module({
  imports: [CaseModule, OversightModule, AuthModule],
  controllers: [DocumentsController, LettersController],
  providers: [
    DocumentReader,
    DocumentsResolver,
    LetterService,
    LettersResolver,
    CaseMutations,
    NextStepsResolver,
    PublishCalendarResolver,
    CorrectSanctionExecutionResolver,
    DeclareFollowUpImpossibleResolver,
    ErasePersonalDataResolver,
    RecordEscalationResolver,
    ExtendDeadlineResolver,
    RecordSanctionExecutionResolver,
    IssueRecommendationResolver,
    KnownElectionsResolver,
    RegionsResolver,
    ReportCaseResolver,
    DecideSanctionResolver,
    RecordStudyResolver,
  ],
  exports: [CaseMutations],
})
export class CaseApiModule {}
