import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseView } from '../../oversight/models/case.model';
import { stepCommand, toIso } from '../case-command.input';
import { CaseMutations } from '../../api/case-mutations.service';
import type { Actor } from '../decide-context';
import { DecideSanctionInput } from './decide-sanction.input';

@Resolver()
export class DecideSanctionResolver {
  constructor(private readonly mutations: CaseMutations) {}

  @Mutation(() => CaseView, { description: 'KASN/BKN recommend a sanction to the respondent’s PPK, or clear the respondent' })
  decideSanction(@Args('input') input: DecideSanctionInput, @CurrentActor() actor: Actor) {
    return this.mutations.execute(stepCommand('DecideSanction', actor, input, { decidedAt: toIso(input.decidedAt), dueAt: toIso(input.dueAt) }));
  }
}
