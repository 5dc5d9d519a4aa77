import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { DeclareFollowUpImpossible } from './declare-follow-up-impossible';

export class DeclareFollowUpImpossibleCommand extends CaseCommandMessage<DeclareFollowUpImpossible> {}

@CommandHandler(DeclareFollowUpImpossibleCommand)
export class DeclareFollowUpImpossibleHandler implements ICommandHandler<DeclareFollowUpImpossibleCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: DeclareFollowUpImpossibleCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
