import { Context, Field, ID, ObjectType, Parent, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../auth/current-actor.decorator';
import { CaseCommands } from '../case/case-commands.service';
import { DeadlineStepEnum, EscalationKindEnum, LetterKindEnum } from '../case/case-vocabulary.graphql';
import { NEXT_STEPS, type NextStep } from '../case/next-steps';
import { CaseView } from '../oversight/models/case.model';
import { writtenStates } from './written-state';

/** The mutation names, as the enum's values: the console's forms are named after them. */
export const NextStepEnum = Object.fromEntries(NEXT_STEPS.map((s) => [s, s])) as Record<(typeof NEXT_STEPS)[number], (typeof NEXT_STEPS)[number]>;
registerEnumType(NextStepEnum, { name: 'NextStepName', description: 'A step (mutation) a caller may take next on a case' });

@ObjectType('NextStep', { description: 'A step the caller may take next, as the decider would judge it now' })
export class NextStepView {
  @Field(() => NextStepEnum, { description: 'The mutation that takes it' }) step: string;
  @Field(() => [ID], { description: 'The respondents it may be taken for (empty for erasePersonalData, which is for the whole case)' }) respondentIds: string[];
  @Field(() => [EscalationKindEnum], { nullable: true, description: 'recordEscalation: the kinds this caller may record for these respondents (one entry per set of kinds)' }) escalationKinds: string[] | null;
  @Field(() => DeadlineStepEnum, { nullable: true, description: 'extendDeadline: the step whose due time it moves (one entry per such step)' }) deadlineStep: string | null;
  @Field(() => Boolean, { nullable: true, description: 'erasePersonalData: only by overriding the legal hold of an open case, with a recorded reason' })
  overridesLegalHold: boolean | null;
  @Field(() => LetterKindEnum, { nullable: true, description: 'generateLetter: the letter these respondents\' step was recorded with (one entry per kind)' }) letterKind: string | null;
}

/**
 * `Case.nextSteps`: asked of the decider on the case as stored now (src/case/next-steps.ts), for
 * the caller of the request, so the console offers exactly what the server would accept. Always
 * about now, also in an as-of read; empty without a token.
 */
@Resolver(() => CaseView)
export class NextStepsResolver {
  constructor(private readonly commands: CaseCommands) {}

  @ResolveField(() => [NextStepView], { description: 'The steps the caller may take next, per respondent, as the decider would judge them now (also in an as-of read)' })
  async nextSteps(@Parent() c: CaseView, @Context() context: GraphqlContext): Promise<NextStepView[]> {
    if (!context.actor) return [];
    // A mutation's answer: the state it wrote, when the case shown is at that version (written-state.ts).
    return (await this.commands.nextSteps(c.id, context.actor, writtenStates.get(c))).map((s: NextStep) => ({
      step: s.step,
      respondentIds: s.respondentIds,
      escalationKinds: s.escalationKinds ?? null,
      deadlineStep: s.deadlineStep ?? null,
      overridesLegalHold: s.overridesLegalHold ?? null,
      letterKind: s.letterKind ?? null,
    }));
  }
}
