import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseView } from '../../oversight/models/case.model';
import { stepCommand, toIso } from '../case-command.input';
import { CaseMutations } from '../../api/case-mutations.service';
import type { Actor } from '../decide-context';
import { RecordEscalationInput } from './record-escalation.input';

@Resolver()
export class RecordEscalationResolver {
  constructor(private readonly mutations: CaseMutations) {}

  @Mutation(() => CaseView, {
    description: 'Records the escalation of a PPK that does not act: Kemendagri/KemenPANRB reprimand, BKN SIASN block or unblock, KASN referral to the President (before 24 Aug 2024)',
  })
  recordEscalation(@Args('input') input: RecordEscalationInput, @CurrentActor() actor: Actor) {
    return this.mutations.execute(stepCommand('RecordEscalation', actor, input, { escalatedAt: toIso(input.escalatedAt) }));
  }
}
