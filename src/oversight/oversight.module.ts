import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../auth/auth.module';
import { CALENDAR_READS } from '../case/calendar/calendar-reads.port';
import { OVERDUE_READS } from '../case/overdue/overdue-reads.port';
import { LEDGER_PROVIDERS } from '../ledger/ledger.providers';
import { PROJECTION_HEALTH } from '../observability/health';
import { ExportsController } from './exports/exports.controller';
import { OVERSIGHT_QUERY_HANDLERS } from './oversight.queries';
import { OversightResolver } from './oversight.resolver';
import { FollowUpResolver } from './follow-up.resolver';
import { ProjectionService } from './projection.service';
import { CaseReader } from './queries/case-reader';
import { FollowUpSummaryReader } from './queries/follow-up-summary';
import { ProcessReads } from './queries/process-reads';
import { ReporterReader } from './reporter-reader';
import { PublicFiguresCache } from './public-figures/public-figures-cache';
import { TimelineReader } from './queries/timeline-reader';
import { CaseSearch } from './search/case-search';
import { SearchCasesHandler } from './search/search.query';
import { SearchResolver } from './search/search.resolver';
import { DocumentsMissingReader } from './documents-missing/documents-missing.reader';
import { DocumentsMissingResolver } from './documents-missing/documents-missing.resolver';

/** Global: the processes of the write side read through the ports it implements, without importing the read side. */
@Global()
@Module({
  imports: [CqrsModule, AuthModule],
  controllers: [ExportsController],
  providers: [
    ProjectionService,
    { provide: PROJECTION_HEALTH, useExisting: ProjectionService },
    CaseReader,
    FollowUpSummaryReader,
    PublicFiguresCache,
    ReporterReader,
    TimelineReader,
    ProcessReads,
    { provide: OVERDUE_READS, useExisting: ProcessReads },
    { provide: CALENDAR_READS, useExisting: ProcessReads },
    OversightResolver,
    FollowUpResolver,
    DocumentsMissingReader,
    DocumentsMissingResolver,
    CaseSearch,
    SearchResolver,
    SearchCasesHandler,
    ...OVERSIGHT_QUERY_HANDLERS,
    ...LEDGER_PROVIDERS,
  ],
  exports: [ProjectionService, CaseReader, TimelineReader, PROJECTION_HEALTH, OVERDUE_READS, CALENDAR_READS, PublicFiguresCache],
})
export class OversightModule {}
