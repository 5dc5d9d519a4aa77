import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { ReportCase } from './report-case';

export class ReportCaseCommand extends CaseCommandMessage<ReportCase> {}

@CommandHandler(ReportCaseCommand)
export class ReportCaseHandler implements ICommandHandler<ReportCaseCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: ReportCaseCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
