import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsOptional, IsUUID, MaxLength, Min } from '../../security/input-rules';
import { LetterKindEnum } from '../../case/case-vocabulary.graphql';

@InputType()
export class GenerateLetterInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a case id (UUID)' })
  caseId: string;

  @Field(() => LetterKindEnum, { description: 'RECOMMENDATION (Bawaslu → KASN/BKN) or SANCTION_DECISION (KASN/BKN → the PPK)' })
  kind: string;

  @Field(() => ID, { description: 'A respondent of the letter: the letter is the one this track’s step was recorded with, covering every track of the same letter number (and, to the PPK, the same PPK)' })
  @MaxLength(40)
  respondentId: string;

  @Field(() => Int, { nullable: true, description: 'The case version you saw; CONFLICT when the track moved on since. Without it, the version the letter was composed from' })
  @IsOptional()
  @Min(1)
  expectedVersion?: number;
}
