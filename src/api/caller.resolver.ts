import { Field, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import { capabilitiesOf, LANDINGS, type Landing } from '../case/caller-capabilities';
import { AgencyEnum } from '../case/case-vocabulary.graphql';
import type { Actor } from '../case/decide-context';

export const LandingEnum = Object.fromEntries(LANDINGS.map((l) => [l, l])) as Record<Landing, Landing>;
registerEnumType(LandingEnum, { name: 'Landing', description: 'The page a caller starts on: QUEUE (its work queue) or CASES (the case list, when no step waits on it)' });

@ObjectType('Caller', { description: 'Who the token names and what it may do besides the steps of one case (those are Case.nextSteps)' })
export class CallerView {
  @Field(() => AgencyEnum) agency: string;
  @Field(() => String, { nullable: true, description: 'The region code of its unit; null for a national unit' }) region: string | null;
  @Field(() => Boolean, { description: 'Whether it may open a case, by the rule the mutation that opens one applies' }) mayOpenCase: boolean;
  @Field(() => LandingEnum, { description: 'The page it starts on' }) landing: Landing;
}

/** The console renders its navigation and first page from this, not from a copy of the access rules. */
@Resolver()
export class CallerResolver {
  // Like every query but the public aggregates, it needs a token (CONTRACT.md, "Who may do what").
  @Query(() => CallerView, { description: 'The caller of the request and what it may do (a token is required)' })
  me(@CurrentActor() actor: Actor): CallerView {
    return { agency: actor.agency, region: actor.region, ...capabilitiesOf(actor) };
  }
}
