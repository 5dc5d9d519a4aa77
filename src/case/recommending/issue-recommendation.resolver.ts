import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseView } from '../../oversight/models/case.model';
import { stepCommand, toIso } from '../case-command.input';
import { CaseMutations } from '../../api/case-mutations.service';
import type { Actor } from '../decide-context';
import { IssueRecommendationInput } from './issue-recommendation.input';

@Resolver()
export class IssueRecommendationResolver {
  constructor(private readonly mutations: CaseMutations) {}

  @Mutation(() => CaseView, { description: 'Bawaslu forwards its recommendation to KASN/BKN for respondents with a proven violation' })
  issueRecommendation(@Args('input') input: IssueRecommendationInput, @CurrentActor() actor: Actor) {
    return this.mutations.execute(stepCommand('IssueRecommendation', actor, input, { issuedAt: toIso(input.issuedAt) }));
  }
}
