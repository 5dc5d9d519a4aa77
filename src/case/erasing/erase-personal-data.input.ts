import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, MaxLength } from '../../security/input-rules';
import { CaseStepInput } from '../case-command.input';

@InputType()
export class ErasePersonalDataInput extends CaseStepInput {
  @Field({ description: 'Why the data is erased (e.g. a data subject’s request under UU 27/2022, end of retention)' })
  @MaxLength(2000)
  reason: string;

  @Field({ nullable: true, description: 'Erase although the case is open (legal hold): national Bawaslu only, reason recorded' })
  @IsOptional()
  overrideLegalHold?: boolean;
}
