import { Field, ID, InputType } from '@nestjs/graphql';
import { MaxLength } from '../../security/input-rules';
import { CaseStepInput } from '../case-command.input';
import { ImpossibilityReasonEnum } from '../case-vocabulary.graphql';

@InputType()
export class DeclareFollowUpImpossibleInput extends CaseStepInput {
  @Field(() => ID) respondentId: string;
  @Field(() => ImpossibilityReasonEnum) reason: string;
  @Field() @MaxLength(4000) note: string;
  @Field() declaredAt: Date;
}
