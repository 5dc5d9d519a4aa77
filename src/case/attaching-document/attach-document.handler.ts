import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { AttachDocument } from './attach-document';

export class AttachDocumentCommand extends CaseCommandMessage<AttachDocument> {}

@CommandHandler(AttachDocumentCommand)
export class AttachDocumentHandler implements ICommandHandler<AttachDocumentCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: AttachDocumentCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
