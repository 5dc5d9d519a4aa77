import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Matches, Max, Min } from '../../security/input-rules';
import {
  AgencyEnum,
  CaseStageEnum,
  ElectionKindEnum,
  FollowUpStatusEnum,
  RespondentKindEnum,
  RespondentStageEnum,
  ViolationCodeEnum,
} from '../../case/case-vocabulary.graphql';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const REGION_PREFIX = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

@InputType({ description: 'Filters shared by cases, followUps and followUpSummary; all optional and combined with AND' })
export class OversightFilter {
  @Field(() => ElectionKindEnum, { nullable: true }) electionKind?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(2004) @Max(2100) electionYear?: number;
  @Field({ nullable: true, description: 'Kemendagri code prefix: 16 (a province), 16.73 (a city)' })
  @IsOptional()
  @Matches(REGION_PREFIX, { message: 'regionPrefix must be a Kemendagri code such as 16 or 16.73' })
  regionPrefix?: string;
  @Field(() => ViolationCodeEnum, { nullable: true }) violation?: string;
  @Field(() => AgencyEnum, { nullable: true }) waitingOn?: string;
  @Field({ nullable: true, description: 'true: only steps past their due time; false: only steps on time' }) overdue?: boolean;
  @Field({ nullable: true, description: 'Respondent NIP (18 digits)' })
  @IsOptional()
  @Matches(/^\d{18}$/, { message: 'respondentNip must be 18 digits' })
  respondentNip?: string;
  @Field({ nullable: true }) receivedFrom?: Date;
  @Field({ nullable: true }) receivedTo?: Date;
  @Field(() => [RespondentKindEnum], {
    nullable: true,
    description: 'Only respondents of these kinds. followUpSummary counts CIVIL_SERVICE (ASN) unless this names others; cases and followUps list every kind unless it is given',
  })
  @IsOptional()
  @ArrayMaxSize(4)
  respondentKinds?: string[];
  @Field({ nullable: true, description: 'Cases received from the start of this calendar month (WIB), written YYYY-MM' })
  @IsOptional()
  @Matches(MONTH, { message: 'receivedFromMonth must be a calendar month written YYYY-MM, e.g. 2024-10' })
  receivedFromMonth?: string;
  @Field({ nullable: true, description: 'Cases received up to the end of this calendar month (WIB), written YYYY-MM' })
  @IsOptional()
  @Matches(MONTH, { message: 'receivedToMonth must be a calendar month written YYYY-MM, e.g. 2024-10' })
  receivedToMonth?: string;
}

@InputType()
export class CaseFilter extends OversightFilter {
  @Field(() => CaseStageEnum, { nullable: true }) stage?: string;
}

@InputType()
export class FollowUpFilter extends OversightFilter {
  @Field(() => RespondentStageEnum, { nullable: true }) stage?: string;
  @Field(() => FollowUpStatusEnum, { nullable: true }) followUpStatus?: string;
  @Field({ nullable: true, description: 'PPK region code prefix' })
  @IsOptional()
  @Matches(REGION_PREFIX, { message: 'ppkRegionPrefix must be a Kemendagri code such as 16 or 16.73' })
  ppkRegionPrefix?: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a case id (UUID)' })
  caseId?: string;
}
