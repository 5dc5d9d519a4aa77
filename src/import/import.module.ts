import { Module } from '@nestjs/common';
import { CaseApiModule } from '../api/case-api.module';
import { AuthModule } from '../auth/auth.module';
import { CaseModule } from '../case/case.module';
import { ImportsController } from './imports.controller';
import { RegisterImports } from './register-import.service';

/** Importing agencies' registers: the HTTP endpoints and the service that plans and writes through the command gateway. */
@Module({
  imports: [CaseModule, CaseApiModule, AuthModule],
  controllers: [ImportsController],
  providers: [RegisterImports],
})
export class ImportModule {}
