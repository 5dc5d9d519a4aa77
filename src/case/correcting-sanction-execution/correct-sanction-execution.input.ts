import { Field, ID, InputType } from '@nestjs/graphql';
import { MaxLength } from '../../security/input-rules';
import { CaseStepInput } from '../case-command.input';
import { SanctionKindEnum } from '../case-vocabulary.graphql';

@InputType()
export class CorrectSanctionExecutionInput extends CaseStepInput {
  @Field(() => ID) respondentId: string;
  @Field({ description: 'Number of the decree (SK) in force after the correction; may be the same SK when only its date or sanction was recorded wrongly' })
  @MaxLength(120)
  decreeNumber: string;
  @Field({ description: 'Date of the corrected decree' }) executedAt: Date;
  @Field(() => SanctionKindEnum, { description: 'The sanction the corrected decree imposes' }) sanction: string;
  @Field({ description: 'Why the recorded decree is corrected (required)' }) @MaxLength(2000) reason: string;
}
