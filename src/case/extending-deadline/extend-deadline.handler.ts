import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { ExtendDeadline } from './extend-deadline';

export class ExtendDeadlineCommand extends CaseCommandMessage<ExtendDeadline> {}

@CommandHandler(ExtendDeadlineCommand)
export class ExtendDeadlineHandler implements ICommandHandler<ExtendDeadlineCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: ExtendDeadlineCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
