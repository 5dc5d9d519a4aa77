import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { MarkOverdue } from './mark-overdue';

export class MarkOverdueCommand extends CaseCommandMessage<MarkOverdue> {}

@CommandHandler(MarkOverdueCommand)
export class MarkOverdueHandler implements ICommandHandler<MarkOverdueCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: MarkOverdueCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
