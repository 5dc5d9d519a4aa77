import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage, type CaseWriteResult } from '../case-command';
import { CaseRepository } from '../case.repository';
import type { IssueRecommendation } from './issue-recommendation';

export class IssueRecommendationCommand extends CaseCommandMessage<IssueRecommendation> {}

@CommandHandler(IssueRecommendationCommand)
export class IssueRecommendationHandler implements ICommandHandler<IssueRecommendationCommand, CaseWriteResult> {
  constructor(private readonly cases: CaseRepository) {}

  execute(message: IssueRecommendationCommand): Promise<CaseWriteResult> {
    return this.cases.handle(message);
  }
}
