import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyEnum, DocumentKindEnum } from '../../case/case-vocabulary.graphql';

@ObjectType('CaseDocument', { description: 'A file attached to the case; its bytes at GET /cases/{caseId}/documents/{id} (README "Documents")' })
export class DocumentView {
  @Field(() => ID) id: string;
  @Field(() => DocumentKindEnum) kind: string;
  @Field(() => String, { nullable: true, description: 'The file name: personal free text, null unless you see every respondent of the case or the document’s respondent; "[erased]" after erasure' })
  name: string | null;
  @Field(() => Int, { description: 'Bytes' }) size: number;
  @Field({ description: 'Sniffed from the bytes at upload' }) contentType: string;
  @Field({ description: 'Hex SHA-256 of the bytes, as the ledger records it' }) sha256: string;
  @Field(() => String, { nullable: true, description: 'The respondent’s track it belongs to; null for the case as a whole' }) respondentId: string | null;
  @Field() attachedAt: Date;
  @Field(() => AgencyEnum) attachedBy: string;
  @Field(() => String, { nullable: true, description: 'Kemendagri code of the attaching unit; null for a national unit' }) attachedByUnit: string | null;
  @Field({ description: 'False once the case’s personal data was erased: the key that opens the bytes is destroyed' }) readable: boolean;
  @Field(() => Int, { description: 'Case version of the DocumentAttached event' }) version: number;
}
