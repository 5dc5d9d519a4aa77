import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module';
import { OversightModule } from '../oversight/oversight.module';
import { CallerResolver } from './caller.resolver';
import { CaseMutations } from './case-mutations.service';
import { NextStepsResolver } from './next-steps.resolver';
import { stepResolvers } from './step-files';
import { AuthModule } from '../auth/auth.module';
import { DocumentReader } from './documents/document-reader';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsResolver } from './documents/documents.resolver';
import { LettersController } from './letters/letters.controller';
import { LettersResolver } from './letters/letters.resolver';
import { LetterService } from './letters/letters.service';

/**
 * The case's API: the GraphQL mutations of every step (each step folder's *.resolver.ts, found there:
 * step-files.ts), and CaseMutations, which the transports call around the gateway.
 */
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
    CallerResolver,
    ...stepResolvers(),
  ],
  exports: [CaseMutations],
})
export class CaseApiModule {}
