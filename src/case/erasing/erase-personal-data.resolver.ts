import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseView } from '../../oversight/models/case.model';
import { stepCommand } from '../case-command.input';
import { CaseMutations } from '../../api/case-mutations.service';
import type { Actor } from '../decide-context';
import { ErasePersonalDataInput } from './erase-personal-data.input';

@Resolver()
export class ErasePersonalDataResolver {
  constructor(private readonly mutations: CaseMutations) {}

  @Mutation(() => CaseView, {
    description: 'Bawaslu destroys the case’s data key: reporter identity, names, NIPs and notes become unreadable for good (crypto-shredding)',
  })
  erasePersonalData(@Args('input') input: ErasePersonalDataInput, @CurrentActor() actor: Actor) {
    return this.mutations.execute(stepCommand('ErasePersonalData', actor, input, {}));
  }
}
