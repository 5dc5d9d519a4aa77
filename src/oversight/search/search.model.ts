import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseView } from '../models/case.model';
import { PageInfo } from '../models/connections.model';

/** What a hit matched on: the keys an officer searches a case by. */
export enum SearchKey {
  NAME = 'NAME',
  IDENTIFIER = 'IDENTIFIER',
  REGISTER_NUMBER = 'REGISTER_NUMBER',
  LETTER_NUMBER = 'LETTER_NUMBER',
  SUMMARY = 'SUMMARY',
}

registerEnumType(SearchKey, {
  name: 'SearchKey',
  valuesMap: {
    NAME: { description: "A respondent's name, by trigram similarity (typos and partial names match)" },
    IDENTIFIER: { description: "A respondent's NIP, NRP or NIK, exactly (spaces, dots and dashes ignored)" },
    REGISTER_NUMBER: { description: "The case's register number (punctuation and case ignored; part of it matches too)" },
    LETTER_NUMBER: { description: "A respondent's recommendation, decision or escalation letter or decree (SK) number" },
    SUMMARY: { description: "Words of the case's summary (full text, 'simple' configuration)" },
  },
});

@ObjectType()
export class SearchEdge {
  @Field() cursor: string;
  @Field(() => CaseView) node: CaseView;
  @Field(() => [SearchKey], { description: 'What matched; only keys of respondents you see count' })
  matchedOn: SearchKey[];
  @Field(() => [String], { description: 'The respondents (R1, R2, …) whose name, identifier or letter matched: only respondents you see' })
  respondentIds: string[];
  @Field(() => Float, { description: 'Relevance, 0–1: 1 an exact identifier or number, 0.8 part of a number, a name its similarity (≥ 0.6), 0.5 words of the summary' })
  score: number;
}

@ObjectType()
export class SearchConnection {
  @Field(() => [SearchEdge]) edges: SearchEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'Cases found, all pages: only cases you may read, found through what you may see' })
  totalCount: number;
}
