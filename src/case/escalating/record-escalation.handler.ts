import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { RecordEscalation } from './record-escalation';

export class RecordEscalationCommand extends CaseCommandMessage<RecordEscalation> {}

@CommandHandler(RecordEscalationCommand)
export class RecordEscalationHandler implements ICommandHandler<RecordEscalationCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: RecordEscalationCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
