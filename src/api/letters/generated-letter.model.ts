import { Field, ObjectType } from '@nestjs/graphql';
import { CaseView } from '../../oversight/models/case.model';
import { DocumentView } from '../documents/document.model';

@ObjectType('GeneratedLetter', { description: 'A letter generated from the case and attached as its document; the PDF at GET /cases/{caseId}/documents/{document.id}' })
export class GeneratedLetterView {
  @Field(() => DocumentView) document: DocumentView;
  @Field(() => CaseView, { description: 'The case after the letter was attached' }) case: CaseView;
}
