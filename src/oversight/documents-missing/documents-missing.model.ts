import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DocumentKindEnum } from '../../case/case-vocabulary.graphql';

@ObjectType('MissingDocumentCount')
export class MissingDocumentCount {
  @Field(() => DocumentKindEnum) kind: string;
  @Field(() => Int, { description: 'Persons (respondent tracks)' }) count: number;
}

@ObjectType('DocumentsMissingFigure', { description: 'Steps recorded without the document they require ("recorded, document missing"): a decree (sanction executed) without its SK' })
export class DocumentsMissingFigure {
  @Field({ description: 'The instant counted at' }) asOf: Date;
  @Field({ description: 'The log position the read model had applied' }) position: string;
  @Field(() => Int, { description: 'Persons with a required document missing' }) total: number;
  @Field(() => [MissingDocumentCount]) byKind: MissingDocumentCount[];
}
