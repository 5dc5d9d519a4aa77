import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { RecordSanctionExecution } from './record-sanction-execution';

export class RecordSanctionExecutionCommand extends CaseCommandMessage<RecordSanctionExecution> {}

@CommandHandler(RecordSanctionExecutionCommand)
export class RecordSanctionExecutionHandler implements ICommandHandler<RecordSanctionExecutionCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: RecordSanctionExecutionCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
