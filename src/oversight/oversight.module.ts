import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../auth/auth.module';
import { LEDGER_PROVIDERS } from '../ledger/ledger.providers';
import { PROJECTION_HEALTH } from '../observability/observability.module';
import { ExportsController } from './exports/exports.controller';
import { OVERSIGHT_QUERY_HANDLERS } from './oversight.queries';
import { OversightResolver } from './oversight.resolver';
import { FollowUpResolver } from './follow-up.resolver';
import { ProjectionService } from './projection.service';
import { CaseReader } from './queries/case-reader';
import { FollowUpSummaryReader } from './queries/follow-up-summary';
import { ReporterReader } from './reporter-reader';
import { PublicFiguresCache } from './public-figures/public-figures-cache';
import { TimelineReader } from './queries/timeline-reader';

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
    OversightResolver,
    FollowUpResolver,
    ...OVERSIGHT_QUERY_HANDLERS,
    ...LEDGER_PROVIDERS,
  ],
  exports: [ProjectionService, CaseReader, TimelineReader, PROJECTION_HEALTH, PublicFiguresCache],
})
export class OversightModule {}
