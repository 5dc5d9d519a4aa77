import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from '../../security/input-rules';
import { CaseStepInput } from '../case-command.input';
import { StudyOutcomeEnum, ViolationCodeEnum } from '../case-vocabulary.graphql';

@InputType()
export class StudyFindingInput {
  @Field(() => ID) respondentId: string;
  @Field(() => StudyOutcomeEnum) outcome: string;
  @Field(() => [ViolationCodeEnum], { nullable: true, description: 'For VIOLATION: the proven violations, at least one (required for VIOLATION)' })
  @IsOptional()
  @ArrayMaxSize(20)
  violations?: string[];
  @Field({ nullable: true }) @IsOptional() @MaxLength(4000) note?: string;
}

@InputType()
export class RecordStudyInput extends CaseStepInput {
  @Field() studiedAt: Date;
  @Field(() => [StudyFindingInput], { description: 'One finding for every respondent' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => StudyFindingInput)
  findings: StudyFindingInput[];
}
