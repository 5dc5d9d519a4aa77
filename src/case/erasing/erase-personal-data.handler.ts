import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { ErasePersonalData } from './erase-personal-data';

export class ErasePersonalDataCommand extends CaseCommandMessage<ErasePersonalData> {}

@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: ErasePersonalDataCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
