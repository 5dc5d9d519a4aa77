import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, MaxLength, ValidateNested } from '../../security/input-rules';
import { CaseStepInput } from '../case-command.input';
import { SanctionDecisionEnum, SanctionKindEnum } from '../case-vocabulary.graphql';

@InputType()
export class PpkInput {
  @Field({ description: 'e.g. "Walikota Lubuk Linggau"' }) @MaxLength(200) title: string;
  @Field({ description: 'Kemendagri code of the PPK’s region' }) regionCode: string;
}

@InputType()
export class DecideSanctionInput extends CaseStepInput {
  @Field(() => ID) respondentId: string;
  @Field(() => SanctionDecisionEnum) decision: string;
  @Field() @MaxLength(120) letterNumber: string;
  @Field() decidedAt: Date;
  @Field(() => SanctionKindEnum, { nullable: true, description: 'Required for SANCTION' }) sanction?: string;
  @Field(() => PpkInput, { nullable: true, description: 'Required for SANCTION' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PpkInput)
  ppk?: PpkInput;
  @Field({ nullable: true, description: 'Due time set by the letter; else from the deadline policy' }) dueAt?: Date;
}
