import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../auth/auth.module';
import { CaseApiModule } from '../api/case-api.module';
import { CaseModule } from '../case/case.module';
import { OversightModule } from '../oversight/oversight.module';
import { ReporterReader } from '../oversight/reporter-reader';
import { CaseWorkflowController } from './case-workflow.controller';
import { EventWatchService } from './event-watch.service';
import { GrpcErrorFilter } from './grpc-errors';
import { GrpcHealth } from './grpc-health';
import { GrpcReads } from './grpc-reads';
import { GrpcInboxReads } from './grpc-inbox-reads';
import { DocumentReader } from '../api/documents/document-reader';
import { InboxModule } from '../inbox/inbox.module';

/** The gRPC API's handlers; the server itself is connected in bootstrap (grpc-server.ts). */
@Module({
  imports: [CqrsModule, AuthModule, CaseModule, CaseApiModule, OversightModule, InboxModule],
  controllers: [CaseWorkflowController],
  providers: [GrpcReads, GrpcInboxReads, DocumentReader, ReporterReader, EventWatchService, GrpcHealth, GrpcErrorFilter],
})
export class GrpcModule {}
