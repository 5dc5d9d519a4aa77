import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, MaxLength } from '../../security/input-rules';
import { CaseStepInput } from '../case-command.input';
import { EscalationKindEnum } from '../case-vocabulary.graphql';

@InputType()
export class RecordEscalationInput extends CaseStepInput {
  @Field(() => ID) respondentId: string;
  @Field(() => EscalationKindEnum) kind: string;
  @Field() @MaxLength(120) letterNumber: string;
  @Field() escalatedAt: Date;
  @Field({ nullable: true }) @IsOptional() @MaxLength(2000) note?: string;
}
