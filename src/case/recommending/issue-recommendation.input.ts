import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, MaxLength } from '../../security/input-rules';
import { CaseStepInput } from '../case-command.input';
import { RecipientEnum } from '../case-vocabulary.graphql';

@InputType()
export class IssueRecommendationInput extends CaseStepInput {
  @Field(() => [ID], { description: 'Respondents with a proven violation' }) @ArrayMaxSize(200) respondentIds: string[];
  @Field(() => RecipientEnum) recipient: string;
  @Field() @MaxLength(120) letterNumber: string;
  @Field() issuedAt: Date;
}
