import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyEnum, CaseSourceEnum, CaseStageEnum, ElectionKindEnum, ViolationCodeEnum } from '../../case/case-vocabulary.graphql';
import { FollowUpView } from './follow-up.model';
import { TimelineDetailsView } from './timeline-details.model';

@ObjectType('Election')
export class ElectionView {
  @Field(() => ElectionKindEnum) kind: string;
  @Field(() => Int) year: number;
  @Field() regionCode: string;
}

@ObjectType('Reporter', { description: 'Who filed a laporan: only the handling Bawaslu unit sees it' })
export class ReporterView {
  @Field() name: string;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
}

@ObjectType('TimelineEntry')
export class TimelineEntryView {
  @Field(() => Int) version: number;
  @Field() type: string;
  @Field({ description: 'When it happened in the world (the date on the letter or decree)' }) occurredAt: Date;
  @Field({ description: 'When Netra recorded it' }) recordedAt: Date;
  @Field(() => AgencyEnum) agency: string;
  @Field(() => String, { nullable: true }) unit: string | null;
  @Field(() => String, { nullable: true, description: 'The officer who recorded it, by the `name` claim of their token; null where the token had none, for Netra’s own processes, on lines recorded before names were, and on lines about a respondent outside your region' })
  actorName: string | null;
  @Field({ description: 'The line in English, as recorded' }) description: string;
  @Field(() => TimelineDetailsView, { nullable: true, description: 'The line as data; null for lines projected before details existed (rebuild the read model)' })
  details: TimelineDetailsView | null;
  @Field({ description: 'For an overdue record (FollowUpOverdue): an OverdueWithdrawn said it no longer stands, by the time asked about. Figures count only records that stand' })
  withdrawn: boolean;
}

@ObjectType('Case')
export class CaseView {
  @Field(() => ID) id: string;
  @Field() registerNumber: string;
  @Field(() => CaseSourceEnum) source: string;
  @Field(() => ElectionView) election: ElectionView;
  @Field({ description: 'Kemendagri code of the handling Bawaslu unit' }) handlingUnit: string;
  @Field(() => String, { nullable: true }) handlingUnitName: string | null;
  @Field(() => CaseStageEnum) stage: string;
  @Field() receivedAt: Date;
  @Field() knownAt: Date;
  @Field(() => Date, { nullable: true }) occurredAt: Date | null;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field() summary: string;
  @Field(() => [ViolationCodeEnum]) violations: string[];
  @Field(() => [String]) evidence: string[];
  @Field(() => [FollowUpView]) respondents: FollowUpView[];
  @Field(() => ReporterView, { nullable: true, description: 'null unless the caller is the handling Bawaslu unit (or above it)' })
  reporter: ReporterView | null;
  @Field(() => Date, { nullable: true, description: 'When the personal data was erased (crypto-shredded): from then on the reporter and NIPs read as null, names and texts as "[erased]"' })
  personalDataErasedAt: Date | null;
  @Field(() => Int, { description: 'Number of events in the case history; send it back as expectedVersion' }) version: number;
  @Field(() => [TimelineEntryView]) timeline: TimelineEntryView[];
}
