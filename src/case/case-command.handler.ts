import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from './case-command';
import { CaseRepository } from './case.repository';

/**
 * Every step's command, on the CommandBus: load, fold, decide, append (case.repository.ts). The
 * decider picks the step by the command's type (steps.ts), so a new step needs no handler of its own.
 */
@CommandHandler(CaseCommandMessage)
export class CaseCommandHandler implements ICommandHandler<CaseCommandMessage, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: CaseCommandMessage): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
