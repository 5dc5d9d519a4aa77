import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { RecordStudy } from './record-study';

export class RecordStudyCommand extends CaseCommandMessage<RecordStudy> {}

@CommandHandler(RecordStudyCommand)
export class RecordStudyHandler implements ICommandHandler<RecordStudyCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: RecordStudyCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
