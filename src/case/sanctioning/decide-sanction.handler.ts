import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { DecideSanction } from './decide-sanction';

export class DecideSanctionCommand extends CaseCommandMessage<DecideSanction> {}

@CommandHandler(DecideSanctionCommand)
export class DecideSanctionHandler implements ICommandHandler<DecideSanctionCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: DecideSanctionCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
