import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ElectionKindEnum } from '../case-vocabulary.graphql';
import type { Actor } from '../decide-context';
import { KNOWN_ELECTIONS } from './known-elections';

@ObjectType('KnownElection', { description: 'A simultaneous election Netra knows, newest first' })
export class KnownElectionView {
  @Field(() => ElectionKindEnum) kind: string;
  @Field(() => Int) year: number;
  @Field({ description: 'The voting day, YYYY-MM-DD' }) votingDay: string;
}

@Resolver()
export class KnownElectionsResolver {
  @Query(() => [KnownElectionView], { description: 'The elections a case can be reported for, newest first (the new-case form offers these)' })
  elections(@CurrentActor() _actor: Actor): KnownElectionView[] {
    return KNOWN_ELECTIONS.map((e) => ({ ...e }));
  }
}
