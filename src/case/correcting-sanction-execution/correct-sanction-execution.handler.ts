import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { CorrectSanctionExecution } from './correct-sanction-execution';

export class CorrectSanctionExecutionCommand extends CaseCommandMessage<CorrectSanctionExecution> {}

@CommandHandler(CorrectSanctionExecutionCommand)
export class CorrectSanctionExecutionHandler implements ICommandHandler<CorrectSanctionExecutionCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: CorrectSanctionExecutionCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
