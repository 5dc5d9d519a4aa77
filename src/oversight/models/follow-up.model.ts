import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyEnum, EmploymentEnum, FollowUpStatusEnum, RecipientEnum, RespondentStageEnum, SanctionKindEnum, StudyOutcomeEnum, ImpossibilityReasonEnum, ViolationCodeEnum } from '../../case/case-vocabulary.graphql';

@ObjectType({ description: 'The PPK (Pejabat Pembina Kepegawaian) a sanction was recommended to' })
export class PpkView {
  @Field() title: string;
  @Field() regionCode: string;
  @Field(() => String, { nullable: true }) regionName: string | null;
}

@ObjectType('FollowUp', { description: 'One respondent’s track: what was decided, what waits on whom, and since when' })
export class FollowUpView {
  @Field(() => ID, { description: '<caseId>/<respondentId>' }) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => ID) respondentId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'NIP: personal data, shown only to callers allowed to read the case' })
  nip: string | null;
  @Field(() => EmploymentEnum) employment: string;
  @Field(() => String, { nullable: true }) position: string | null;
  @Field() institution: string;
  @Field(() => String, { nullable: true }) institutionRegionCode: string | null;
  @Field(() => RespondentStageEnum) stage: string;
  @Field(() => StudyOutcomeEnum, { nullable: true }) outcome: string | null;
  @Field(() => [ViolationCodeEnum]) violations: string[];
  @Field(() => AgencyEnum, { nullable: true, description: 'The agency that must act next; null when nobody has to' })
  waitingOn: string | null;
  @Field({ description: 'When the track entered its current stage' }) since: Date;
  @Field(() => Date, { nullable: true }) dueAt: Date | null;
  @Field({ description: 'The due time has passed while the step is still waiting' }) overdue: boolean;
  @Field(() => Float, { nullable: true, description: 'Days since the track started waiting; null when nobody has to act' })
  daysWaiting: number | null;
  @Field(() => Int, { nullable: true, description: 'Whole days past the due time while still waiting' })
  daysLate: number | null;
  @Field(() => FollowUpStatusEnum, { nullable: true, description: 'Set once a sanction was decided' })
  followUpStatus: string | null;
  @Field(() => RecipientEnum, { nullable: true }) recommendationRecipient: string | null;
  @Field(() => String, { nullable: true }) recommendationLetter: string | null;
  @Field(() => Date, { nullable: true }) recommendedAt: Date | null;
  @Field(() => AgencyEnum, { nullable: true }) decidedBy: string | null;
  @Field(() => String, { nullable: true }) decisionLetter: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => SanctionKindEnum, { nullable: true }) recommendedSanction: string | null;
  @Field(() => PpkView, { nullable: true }) ppk: PpkView | null;
  @Field(() => String, { nullable: true }) ppkRegionCode: string | null;
  @Field(() => SanctionKindEnum, { nullable: true }) executedSanction: string | null;
  @Field(() => String, { nullable: true }) decreeNumber: string | null;
  @Field(() => Date, { nullable: true }) executedAt: Date | null;
  @Field(() => ImpossibilityReasonEnum, { nullable: true }) impossibleReason: string | null;
  @Field({ description: 'Region the figures count this person in: PPK region, else institution region, else handling unit' })
  regionCode: string;
}
