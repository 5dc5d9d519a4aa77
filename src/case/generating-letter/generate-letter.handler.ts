import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { GenerateLetter } from './generate-letter';

export class GenerateLetterCommand extends CaseCommandMessage<GenerateLetter> {}

@CommandHandler(GenerateLetterCommand)
export class GenerateLetterHandler implements ICommandHandler<GenerateLetterCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: GenerateLetterCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
