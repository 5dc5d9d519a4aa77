import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyEnum, DeadlineStepEnum, EmploymentEnum, EscalationKindEnum, FollowUpStatusEnum, RecipientEnum, RespondentStageEnum, SanctionKindEnum, StudyOutcomeEnum, ImpossibilityReasonEnum, ViolationCodeEnum, DocumentKindEnum } from '../../case/case-vocabulary.graphql';

@ObjectType({ description: 'The PPK (Pejabat Pembina Kepegawaian) a sanction was recommended to' })
export class PpkView {
  @Field() title: string;
  @Field() regionCode: string;
  @Field(() => String, { nullable: true }) regionName: string | null;
}

@ObjectType('Escalation', { description: 'The latest escalation of a PPK that did not act' })
export class EscalationView {
  @Field(() => EscalationKindEnum) kind: string;
  @Field() letterNumber: string;
  @Field() escalatedAt: Date;
  @Field(() => AgencyEnum) escalatedBy: string;
}

@ObjectType('DecreeCorrection', { description: 'The decree in force corrects an earlier one (correctSanctionExecution)' })
export class DecreeCorrectionView {
  @Field({ description: 'Why the earlier decree was corrected: personal data, shown like the respondent’s name' }) reason: string;
  @Field(() => AgencyEnum) correctedBy: string;
  @Field({ description: 'Number of the decree this one replaced' }) replacedDecreeNumber: string;
  @Field(() => Int, { description: 'How many corrections the track has had' }) corrections: number;
}

@ObjectType('FollowUp', { description: 'One respondent’s track: what was decided, what waits on whom, and since when' })
export class FollowUpView {
  @Field(() => ID, { description: '<caseId>/<respondentId>' }) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => ID) respondentId: string;
  @Field({
    description:
      'true for "another respondent outside your region": a regional unit other than the handling Bawaslu unit sees only the respondents of its own region; of the others it sees where the track stands, and identity, region, letters, decrees and sanctions are null',
  })
  identityWithheld: boolean;
  @Field(() => String, { nullable: true, description: 'null when identityWithheld' }) name: string | null;
  @Field(() => String, { nullable: true, description: 'NIP: personal data; null when identityWithheld, erased or absent' })
  nip: string | null;
  @Field(() => String, { nullable: true, description: 'NRP of a TNI or Polri member: personal data, visible like the NIP; null when identityWithheld' })
  nrp: string | null;
  @Field(() => String, { nullable: true, description: 'NIK of a village head or official: personal data, visible like the NIP; null when identityWithheld' })
  nik: string | null;
  @Field(() => EmploymentEnum, { nullable: true, description: 'null when identityWithheld' }) employment: string | null;
  @Field(() => String, { nullable: true }) position: string | null;
  @Field(() => String, { nullable: true, description: 'null when identityWithheld' }) institution: string | null;
  @Field(() => String, { nullable: true }) institutionRegionCode: string | null;
  @Field(() => RespondentStageEnum) stage: string;
  @Field(() => StudyOutcomeEnum, { nullable: true }) outcome: string | null;
  @Field(() => [ViolationCodeEnum]) violations: string[];
  @Field(() => AgencyEnum, { nullable: true, description: 'The agency that must act next, as it was at the time asked about (KASN before 24 Aug 2024, BKN from then on); null when nobody has to' })
  waitingOn: string | null;
  @Field({ description: 'When the track entered its current stage' }) since: Date;
  @Field(() => Date, { nullable: true }) dueAt: Date | null;
  @Field({
    description:
      'The due time was counted in working days through a year whose holiday calendar (SKB 3 Menteri) Netra does not have yet: it may move when that year is published (publishCalendar), and is recounted then',
  })
  dueAtProvisional: boolean;
  @Field(() => DocumentKindEnum, {
    nullable: true,
    description: 'The document the stage requires and the track lacks: DECREE for a sanction executed without its SK attached ("recorded, document missing"); null when none is missing',
  })
  missingDocument: string | null;
  @Field({ description: 'The due time has passed while the step is still waiting (computed at query time: true from the due instant on)' })
  overdue: boolean;
  @Field(() => Date, {
    nullable: true,
    description: 'The due time Netra’s deadline process recorded as missed (FollowUpOverdue); null until it did (at most one scan interval after the due time), and again after an extension or a new stage',
  })
  overdueSince: Date | null;
  @Field(() => DeadlineStepEnum, { nullable: true, description: 'The step that is late when overdueSince is set' })
  overdueStep: string | null;
  @Field(() => EscalationView, { nullable: true, description: 'The latest escalation recorded for this track' })
  latestEscalation: EscalationView | null;
  @Field(() => Boolean, { nullable: true, description: 'The respondent’s personnel data is blocked in SIASN by BKN (Peraturan BKN 1/2023); null when identityWithheld' })
  siasnBlocked: boolean | null;
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
  @Field(() => DecreeCorrectionView, { nullable: true, description: 'Set when the decree in force corrects an earlier one; decreeNumber, executedAt, executedSanction and followUpStatus are the corrected decree’s' })
  decreeCorrection: DecreeCorrectionView | null;
  @Field(() => String, {
    nullable: true,
    description: 'The note Bawaslu’s study (kajian) recorded for this respondent; personal data, shown to whoever may see the respondent’s name',
  })
  studyNote: string | null;
  @Field(() => Int, {
    description: 'The case version of the last event that touched this track (or the whole case). Send it, or the case version, as expectedVersion: CONFLICT only when this track moved since',
  })
  trackVersion: number;
  @Field(() => String, { nullable: true, description: 'Region the figures count this person in: PPK region, else institution region, else handling unit; null when identityWithheld' })
  regionCode: string | null;
}
