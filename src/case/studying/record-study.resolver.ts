import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseView } from '../../oversight/models/case.model';
import { stepCommand, toIso } from '../case-command.input';
import { CaseMutations } from '../../api/case-mutations.service';
import type { Actor } from '../decide-context';
import { RecordStudyInput } from './record-study.input';

@Resolver()
export class RecordStudyResolver {
  constructor(private readonly mutations: CaseMutations) {}

  @Mutation(() => CaseView, { description: 'Bawaslu records its study (kajian): an outcome for every respondent' })
  recordStudy(@Args('input') input: RecordStudyInput, @CurrentActor() actor: Actor) {
    return this.mutations.execute(stepCommand('RecordStudy', actor, input, { studiedAt: toIso(input.studiedAt) }));
  }
}
