import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InboxQueries } from './inbox-reader';
import { InboxResolver } from './inbox.resolver';
import { InboxService } from './inbox.service';

/** Every unit's inbox: the projection, its reads, GraphQL (gRPC reads it through InboxQueries). */
@Module({
  imports: [AuthModule],
  providers: [InboxService, InboxQueries, InboxResolver],
  exports: [InboxQueries, InboxService],
})
export class InboxModule {}
