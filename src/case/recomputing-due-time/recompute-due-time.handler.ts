import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { RecomputeDueTime } from './recompute-due-time';

export class RecomputeDueTimeCommand extends CaseCommandMessage<RecomputeDueTime> {}

@CommandHandler(RecomputeDueTimeCommand)
export class RecomputeDueTimeHandler implements ICommandHandler<RecomputeDueTimeCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: RecomputeDueTimeCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
