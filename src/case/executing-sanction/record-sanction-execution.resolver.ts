import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseView } from '../../oversight/models/case.model';
import { stepCommand, toIso } from '../case-command.input';
import { CaseMutations } from '../../api/case-mutations.service';
import type { Actor } from '../decide-context';
import { RecordSanctionExecutionInput } from './record-sanction-execution.input';

@Resolver()
export class RecordSanctionExecutionResolver {
  constructor(private readonly mutations: CaseMutations) {}

  @Mutation(() => CaseView, { description: 'The PPK records the decree (SK) executing a sanction' })
  recordSanctionExecution(@Args('input') input: RecordSanctionExecutionInput, @CurrentActor() actor: Actor) {
    return this.mutations.execute(stepCommand('RecordSanctionExecution', actor, input, { executedAt: toIso(input.executedAt) }));
  }
}
