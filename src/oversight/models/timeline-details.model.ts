import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AgencyEnum,
  CaseSourceEnum,
  DeadlineStepEnum,
  EscalationKindEnum,
  FollowUpStatusEnum,
  ImpossibilityReasonEnum,
  RecipientEnum,
  SanctionKindEnum,
  StudyOutcomeEnum,
  ViolationCodeEnum,
} from '../../case/case-vocabulary.graphql';

export const OverdueWithdrawalReasonEnum = { DUE_TIME_RECOMPUTED: 'DUE_TIME_RECOMPUTED', DEADLINE_EXTENDED: 'DEADLINE_EXTENDED', BACKDATED_STEP: 'BACKDATED_STEP' } as const;
registerEnumType(OverdueWithdrawalReasonEnum, { name: 'OverdueWithdrawalReason', description: 'Why an overdue record no longer stands' });

@ObjectType('TimelineFinding')
export class TimelineFindingView {
  @Field() respondentId: string;
  @Field(() => StudyOutcomeEnum) outcome: string;
  @Field(() => [ViolationCodeEnum]) violations: string[];
}

@ObjectType('TimelineDetails', {
  description:
    'A timeline line as data, for a client that words it in its own language: respondent ids within the case (name those in `Case.respondents`), codes, agencies, regions, letter and decree numbers; no personal data',
})
export class TimelineDetailsView {
  @Field(() => [String]) respondentIds: string[];
  @Field({ description: 'About a respondent outside the caller’s region: only the kind of step is told' }) withheld: boolean;
  @Field(() => AgencyEnum, { nullable: true, description: 'The agency that took the step' }) actor: string | null;
  @Field(() => CaseSourceEnum, { nullable: true }) source: string | null;
  @Field(() => String, { nullable: true }) handlingUnit: string | null;
  @Field(() => String, { nullable: true }) handlingUnitName: string | null;
  @Field(() => Boolean, { nullable: true, description: 'A finding taken up from a report received out of time' }) lateReport: boolean | null;
  @Field(() => [TimelineFindingView], { nullable: true }) findings: TimelineFindingView[] | null;
  @Field(() => RecipientEnum, { nullable: true }) recipient: string | null;
  @Field(() => String, { nullable: true }) letterNumber: string | null;
  @Field(() => SanctionKindEnum, { nullable: true }) sanction: string | null;
  @Field(() => SanctionKindEnum, { nullable: true }) previousSanction: string | null;
  @Field(() => String, { nullable: true }) decreeNumber: string | null;
  @Field(() => String, { nullable: true }) previousDecreeNumber: string | null;
  @Field(() => String, { nullable: true }) ppkTitle: string | null;
  @Field(() => String, { nullable: true }) ppkRegionCode: string | null;
  @Field(() => String, { nullable: true }) ppkRegionName: string | null;
  @Field(() => FollowUpStatusEnum, { nullable: true }) followUpStatus: string | null;
  @Field(() => ImpossibilityReasonEnum, { nullable: true }) impossibilityReason: string | null;
  @Field(() => DeadlineStepEnum, { nullable: true }) step: string | null;
  @Field(() => AgencyEnum, { nullable: true }) waitingOn: string | null;
  @Field(() => Date, { nullable: true }) dueAt: Date | null;
  @Field(() => Date, { nullable: true }) previousDueAt: Date | null;
  @Field(() => EscalationKindEnum, { nullable: true }) escalation: string | null;
  @Field(() => Boolean, { nullable: true }) legalHoldOverridden: boolean | null;
  @Field(() => Int, { nullable: true }) calendarYear: number | null;
  @Field(() => Boolean, { nullable: true }) provisional: boolean | null;
  @Field(() => OverdueWithdrawalReasonEnum, { nullable: true }) withdrawalReason: string | null;
}
