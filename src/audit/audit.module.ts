import { Global, Module } from '@nestjs/common';
import { AccessAudit } from './access-audit';
import { AccessAuditResolver } from './access-audit.resolver';

@Global()
@Module({
  providers: [AccessAudit, AccessAuditResolver],
  exports: [AccessAudit],
})
export class AuditModule {}
