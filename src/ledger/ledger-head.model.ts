import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Head of the hash chain over the global event log; write it down to check the history later (npm run verify -- --expect-head <headHash>@<headPosition>)' })
export class LedgerHeadView {
  @Field({ description: 'Position of the last event in the global log (0 when empty)' })
  headPosition!: string;

  @Field({ description: 'SHA-256 chain hash of the history up to and including that event (64 zeros when empty)' })
  headHash!: string;

  @Field(() => Int, { description: 'Number of events in the log' })
  count!: number;
}
