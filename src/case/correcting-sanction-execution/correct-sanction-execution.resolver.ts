import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseView } from '../../oversight/models/case.model';
import { stepCommand, toIso } from '../case-command.input';
import { CaseMutations } from '../../api/case-mutations.service';
import type { Actor } from '../decide-context';
import { CorrectSanctionExecutionInput } from './correct-sanction-execution.input';

@Resolver()
export class CorrectSanctionExecutionResolver {
  constructor(private readonly mutations: CaseMutations) {}

  @Mutation(() => CaseView, {
    description: 'Replaces a recorded decree (SK) with a corrected one, with the reason; the follow-up status follows the corrected decree. The PPK of the decision, or BKN',
  })
  correctSanctionExecution(@Args('input') input: CorrectSanctionExecutionInput, @CurrentActor() actor: Actor) {
    return this.mutations.execute(stepCommand('CorrectSanctionExecution', actor, input, { executedAt: toIso(input.executedAt) }));
  }
}
