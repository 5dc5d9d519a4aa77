import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgencyEnum, FollowUpStatusEnum, RespondentKindEnum, RespondentStageEnum } from '../../case/case-vocabulary.graphql';

export enum SummaryDimension {
  REGION = 'REGION',
  PROVINCE = 'PROVINCE',
  PPK = 'PPK',
  VIOLATION = 'VIOLATION',
  ELECTION = 'ELECTION',
  WAITING_ON = 'WAITING_ON',
  RESPONDENT_KIND = 'RESPONDENT_KIND',
}
registerEnumType(SummaryDimension, {
  name: 'SummaryDimension',
  description: 'REGION = regency/city (or province where the person is counted at province level), PROVINCE, PPK, VIOLATION, ELECTION, WAITING_ON, RESPONDENT_KIND (CIVIL_SERVICE, TNI, POLRI, VILLAGE; only the kinds the filter counts)',
});

@ObjectType({ description: 'The bucket a row of figures belongs to: only the dimensions grouped by are set' })
export class SummaryKey {
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => String, { nullable: true }) regionName: string | null;
  @Field(() => String, { nullable: true }) ppk: string | null;
  @Field(() => String, { nullable: true }) violation: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. PILKADA 2024' }) election: string | null;
  @Field(() => AgencyEnum, { nullable: true }) waitingOn: string | null;
  @Field(() => RespondentKindEnum, { nullable: true }) respondentKind: string | null;
}

@ObjectType({ description: 'Persons in a stage, and the distinct cases they belong to' })
export class StageCount {
  @Field(() => RespondentStageEnum) stage: string;
  @Field(() => Int, { description: 'Persons' }) count: number;
  @Field(() => Int, { description: 'Distinct cases with at least one such person' }) cases: number;
}

@ObjectType({ description: 'Persons with a follow-up status, and the distinct cases they belong to' })
export class StatusCount {
  @Field(() => FollowUpStatusEnum) status: string;
  @Field(() => Int, { description: 'Persons' }) count: number;
  @Field(() => Int, { description: 'Distinct cases with at least one such person' }) cases: number;
}

@ObjectType({ description: 'A count of persons (how KASN/BKN count) beside the distinct cases they belong to (how Bawaslu counts)' })
export class PersonsAndCases {
  @Field(() => Int) persons: number;
  @Field(() => Int) cases: number;
}

@ObjectType({
  description:
    'Follow-up figures of one bucket. Persons are respondent tracks; a case counts once in each figure where at least one of its persons does. Days are computed at the answer’s asOf.',
})
export class SummaryBucket {
  @Field(() => SummaryKey) key: SummaryKey;
  @Field(() => Int, { description: 'Persons (respondent tracks): how KASN/BKN count' }) total: number;
  @Field(() => Int, { description: 'Distinct cases: how Bawaslu counts' }) cases: number;
  @Field(() => [StageCount]) byStage: StageCount[];
  @Field(() => [StatusCount], { description: 'Only persons with a sanction decided have a follow-up status' })
  byStatus: StatusCount[];
  @Field(() => PersonsAndCases, { description: 'Bawaslu issued a recommendation for them (rekomendasi)' })
  recommended: PersonsAndCases;
  @Field(() => PersonsAndCases, { description: 'KASN/BKN decided a sanction for them: they have a follow-up status (BPK: rekomendasi)' })
  decided: PersonsAndCases;
  @Field(() => PersonsAndCases, { description: 'The PPK executed the sanction: AS_RECOMMENDED + NOT_AS_RECOMMENDED (BPK: ditindaklanjuti)' })
  actedOn: PersonsAndCases;
  @Field(() => PersonsAndCases, { description: 'Some agency must still act' }) waiting: PersonsAndCases;
  @Field(() => Int, { description: 'Persons whose waiting step is past its due time' }) overdue: number;
  @Field(() => Int, { description: 'Distinct cases with an overdue person' }) overdueCases: number;
  @Field(() => Float, {
    nullable: true,
    description: '(AS_RECOMMENDED + NOT_AS_RECOMMENDED) / persons with a sanction decided; null when none was decided',
  })
  actedOnRate: number | null;
  @Field(() => Float, { nullable: true, description: 'Median days from the sanction decision to its execution' })
  medianDaysToExecute: number | null;
  @Field(() => Float, { nullable: true, description: '90th percentile of days from the sanction decision to its execution' })
  p90DaysToExecute: number | null;
  @Field(() => Float, { nullable: true, description: 'Median days the waiting persons have waited in their current stage' })
  medianDaysWaiting: number | null;
  @Field(() => Float, { nullable: true, description: '90th percentile of days waiting in the current stage' })
  p90DaysWaiting: number | null;
  @Field(() => Int, { nullable: true, description: 'Whole days past the due time of the longest-overdue person' })
  maxDaysLate: number | null;
}

@ObjectType({ description: 'Follow-up figures, with what is needed to recompute them from the raw events (npm run figures)' })
export class FollowUpSummary {
  @Field(() => [SummaryBucket]) buckets: SummaryBucket[];
  @Field(() => SummaryBucket, { description: 'All rows matching the filter, ungrouped' }) overall: SummaryBucket;
  @Field({ description: 'The instant the figures describe: the asOf asked for, else the time of the answer' }) asOf: Date;
  @Field({
    description:
      'True when no asOf was asked: every event up to position counts (also one dated within the clock-skew allowance ahead of asOf); false: only what had taken effect by asOf',
  })
  current: boolean;
  @Field({
    description: 'The event-log position the read model had applied when answering (a decimal integer): the figures are those of the events up to it',
  })
  position: string;
}
