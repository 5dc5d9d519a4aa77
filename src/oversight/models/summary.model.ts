import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgencyEnum, FollowUpStatusEnum, RespondentStageEnum } from '../../case/case-vocabulary.graphql';

export enum SummaryDimension {
  REGION = 'REGION',
  PROVINCE = 'PROVINCE',
  PPK = 'PPK',
  VIOLATION = 'VIOLATION',
  ELECTION = 'ELECTION',
  WAITING_ON = 'WAITING_ON',
}
registerEnumType(SummaryDimension, {
  name: 'SummaryDimension',
  description: 'REGION = regency/city (or province where the person is counted at province level), PROVINCE, PPK, VIOLATION, ELECTION, WAITING_ON',
});

@ObjectType({ description: 'The bucket a row of figures belongs to: only the dimensions grouped by are set' })
export class SummaryKey {
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => String, { nullable: true }) regionName: string | null;
  @Field(() => String, { nullable: true }) ppk: string | null;
  @Field(() => String, { nullable: true }) violation: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. PILKADA 2024' }) election: string | null;
  @Field(() => AgencyEnum, { nullable: true }) waitingOn: string | null;
}

@ObjectType()
export class StageCount {
  @Field(() => RespondentStageEnum) stage: string;
  @Field(() => Int) count: number;
}

@ObjectType()
export class StatusCount {
  @Field(() => FollowUpStatusEnum) status: string;
  @Field(() => Int) count: number;
}

@ObjectType()
export class SummaryBucket {
  @Field(() => SummaryKey) key: SummaryKey;
  @Field(() => Int, { description: 'Persons (respondent tracks): how KASN/BKN count' }) total: number;
  @Field(() => Int, { description: 'Distinct cases: how Bawaslu counts' }) cases: number;
  @Field(() => [StageCount]) byStage: StageCount[];
  @Field(() => [StatusCount], { description: 'Only persons with a sanction decided have a follow-up status' })
  byStatus: StatusCount[];
  @Field(() => Int, { description: 'Persons whose waiting step is past its due time' }) overdue: number;
  @Field(() => Float, {
    nullable: true,
    description: '(AS_RECOMMENDED + NOT_AS_RECOMMENDED) / persons with a sanction decided; null when none was decided',
  })
  actedOnRate: number | null;
  @Field(() => Float, { nullable: true, description: 'Median days from the sanction decision to its execution' })
  medianDaysToExecute: number | null;
}

@ObjectType()
export class FollowUpSummary {
  @Field(() => [SummaryBucket]) buckets: SummaryBucket[];
  @Field(() => SummaryBucket, { description: 'All rows matching the filter, ungrouped' }) overall: SummaryBucket;
  @Field({ description: 'The time overdue was computed at' }) asOf: Date;
}

