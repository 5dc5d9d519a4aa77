import { Field, ID, InputType } from '@nestjs/graphql';
import { MaxLength } from '../../security/input-rules';
import { CaseStepInput } from '../case-command.input';
import { SanctionKindEnum } from '../case-vocabulary.graphql';

@InputType()
export class RecordSanctionExecutionInput extends CaseStepInput {
  @Field(() => ID) respondentId: string;
  @Field({ description: 'Number of the PPK’s decree (SK)' }) @MaxLength(120) decreeNumber: string;
  @Field() executedAt: Date;
  @Field(() => SanctionKindEnum, { description: 'The sanction the decree imposes; may differ from the recommended one' })
  sanction: string;
}
