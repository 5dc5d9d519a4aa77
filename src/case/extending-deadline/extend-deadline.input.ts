import { Field, ID, InputType } from '@nestjs/graphql';
import { MaxLength } from '../../security/input-rules';
import { CaseStepInput } from '../case-command.input';

@InputType()
export class ExtendDeadlineInput extends CaseStepInput {
  @Field(() => ID) respondentId: string;
  @Field({ description: 'The new due time; must be later than the current one' }) newDueAt: Date;
  @Field({ description: 'The legal basis of the extension, e.g. "UU 1/2015 Pasal 134 ayat (3): +2 hari untuk keterangan tambahan"' })
  @MaxLength(2000)
  legalBasis: string;
}
