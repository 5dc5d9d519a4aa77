import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseView } from '../../oversight/models/case.model';
import { stepCommand, toIso } from '../case-command.input';
import { CaseMutations } from '../../api/case-mutations.service';
import type { Actor } from '../decide-context';
import { ExtendDeadlineInput } from './extend-deadline.input';

@Resolver()
export class ExtendDeadlineResolver {
  constructor(private readonly mutations: CaseMutations) {}

  @Mutation(() => CaseView, {
    description: 'Moves a waiting step’s due time later, with its legal basis: Bawaslu for its study and recommendation, BKN for its decision and the PPK’s execution',
  })
  extendDeadline(@Args('input') input: ExtendDeadlineInput, @CurrentActor() actor: Actor) {
    return this.mutations.execute(stepCommand('ExtendDeadline', actor, input, { newDueAt: toIso(input.newDueAt) }));
  }
}
