import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseView } from '../../oversight/models/case.model';
import { stepCommand, toIso } from '../case-command.input';
import { CaseMutations } from '../../api/case-mutations.service';
import type { Actor } from '../decide-context';
import { DeclareFollowUpImpossibleInput } from './declare-follow-up-impossible.input';

@Resolver()
export class DeclareFollowUpImpossibleResolver {
  constructor(private readonly mutations: CaseMutations) {}

  @Mutation(() => CaseView, { description: 'The PPK or BKN record a valid reason the recommendation cannot be acted on' })
  declareFollowUpImpossible(@Args('input') input: DeclareFollowUpImpossibleInput, @CurrentActor() actor: Actor) {
    return this.mutations.execute(stepCommand('DeclareFollowUpImpossible', actor, input, { declaredAt: toIso(input.declaredAt) }));
  }
}
