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
  @Field(() => Int, { nullable: true, description: 'Persons; null when withheld from an anonymous caller (see suppressed)' }) count: number | null;
  @Field(() => Int, { nullable: true, description: 'Distinct cases with at least one such person; null when withheld from an anonymous caller (see suppressed)' }) cases: number | null;
}

@ObjectType({ description: 'Persons with a follow-up status, and the distinct cases they belong to' })
export class StatusCount {
  @Field(() => FollowUpStatusEnum) status: string;
  @Field(() => Int, { nullable: true, description: 'Persons; null when withheld from an anonymous caller (see suppressed)' }) count: number | null;
  @Field(() => Int, { nullable: true, description: 'Distinct cases with at least one such person; null when withheld from an anonymous caller (see suppressed)' }) cases: number | null;
}

@ObjectType({ description: 'A count of persons (how KASN/BKN count) beside the distinct cases they belong to (how Bawaslu counts)' })
export class PersonsAndCases {
  @Field(() => Int, { nullable: true, description: 'null when withheld from an anonymous caller (see suppressed)' }) persons: number | null;
  @Field(() => Int, { nullable: true, description: 'null when withheld from an anonymous caller (see suppressed)' }) cases: number | null;
}

@ObjectType({
  description:
    'Follow-up figures of one bucket. Persons are respondent tracks; a case counts once in each figure where at least one of its persons does. Days are computed at the answer’s asOf.',
})
export class SummaryBucket {
  @Field(() => SummaryKey) key: SummaryKey;
  @Field(() => Int, { nullable: true, description: 'Persons (respondent tracks): how KASN/BKN count; null when withheld from an anonymous caller (see suppressed)' }) total: number | null;
  @Field(() => Int, { nullable: true, description: 'Distinct cases: how Bawaslu counts; null when withheld from an anonymous caller (see suppressed)' }) cases: number | null;
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
  @Field(() => Int, { nullable: true, description: 'Persons whose waiting step is past its due time; null when withheld from an anonymous caller (see suppressed)' }) overdue: number | null;
  @Field(() => Int, { nullable: true, description: 'Distinct cases with an overdue person; null when withheld from an anonymous caller (see suppressed)' }) overdueCases: number | null;
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
  @Field(() => [String], {
    description:
      'Figures (GraphQL paths such as total, byStage.REPORTED.count, medianDaysToExecute) that leave out groups smaller than the small-cell threshold, or are null because of them. Always empty for a caller with a token; for an anonymous caller case counts are always listed (never published).',
  })
  suppressed: string[];
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
  @Field(() => Int, {
    nullable: true,
    description: 'For an anonymous caller, the small-cell threshold the figures were protected with (SMALL_CELL_THRESHOLD); null for a caller with a token, whose figures are exact',
  })
  smallCellThreshold?: number | null;
  @Field({
    description: 'The event-log position the read model had applied when answering (a decimal integer): the figures are those of the events up to it',
  })
  position: string;
}
