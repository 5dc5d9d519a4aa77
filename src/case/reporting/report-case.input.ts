import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from '../../security/input-rules';
import { CommandOptionsInput } from '../case-command.input';
import { CaseSourceEnum, ElectionKindEnum, EmploymentEnum, ViolationCodeEnum } from '../case-vocabulary.graphql';

@InputType()
export class ElectionInput {
  @Field(() => ElectionKindEnum) kind: string;
  @Field(() => Int) year: number;
  @Field({ description: 'Kemendagri code of the electoral area (province or regency/city)' }) regionCode: string;
}

@InputType()
export class RespondentInput {
  @Field() @MaxLength(200) name: string;
  @Field({ nullable: true, description: 'NIP of an ASN (PNS, PPPK, OTHER): 18 digits YYYYMMDD YYYYMM G NNN' }) nip?: string;
  @Field({ nullable: true, description: 'NRP of a TNI member (5–14 digits) or a Polri member (8 digits)' }) nrp?: string;
  @Field({ nullable: true, description: 'NIK of a village head or official: 16 digits (region, birth date DDMMYY with women +40, sequence)' })
  nik?: string;
  @Field(() => EmploymentEnum) employment: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(300) position?: string;
  @Field() @MaxLength(300) institution: string;
  @Field({ nullable: true }) institutionRegionCode?: string;
}

@InputType({ description: 'The reporter of a laporan; kept confidential (only the handling Bawaslu unit sees it)' })
export class ReporterInput {
  @Field() @MaxLength(200) name: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(500) address?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(40) phone?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(200) email?: string;
}

@InputType({
  description:
    'A laporan received after the reporting limit that Bawaslu takes up as its own finding (temuan): only with source FINDING; the reporter is not recorded',
})
export class OriginalReportInput {
  @Field({ description: 'When the out-of-time report came in; a Pemilu finding’s 7-day limit counts from it' }) receivedAt: Date;
  @Field({ nullable: true, description: 'The report’s reference (e.g. its receipt number)' }) @IsOptional() @MaxLength(120) reference?: string;
}

@InputType()
export class ReportCaseInput extends CommandOptionsInput {
  @Field(() => CaseSourceEnum) source: string;
  @Field(() => ElectionInput) @ValidateNested() @Type(() => ElectionInput) election: ElectionInput;
  @Field({ description: 'Kemendagri code of the handling Bawaslu unit' }) handlingUnit: string;
  @Field() receivedAt: Date;
  @Field({ description: 'When the violation became known; the reporting clock runs from it' }) knownAt: Date;
  @Field({ nullable: true }) occurredAt?: Date;
  @Field({ nullable: true }) @IsOptional() @MaxLength(500) place?: string;
  @Field() @MaxLength(10000) summary: string;
  @Field(() => [ViolationCodeEnum]) @ArrayMaxSize(20) violations: string[];
  @Field(() => [RespondentInput]) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => RespondentInput)
  respondents: RespondentInput[];
  @Field(() => ReporterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ReporterInput)
  reporter?: ReporterInput;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(100) evidence?: string[];
  @Field({ nullable: true, description: 'The register number Bawaslu assigned; generated from the template when absent' })
  @IsOptional()
  @MaxLength(120)
  registerNumber?: string;
  @Field(() => OriginalReportInput, {
    nullable: true,
    description: 'Registers an out-of-time laporan explicitly as a finding: only with source FINDING',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OriginalReportInput)
  originalReport?: OriginalReportInput;
}
