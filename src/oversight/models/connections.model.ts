import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CaseView } from './case.model';
import { FollowUpView } from './follow-up.model';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType()
export class CaseEdge {
  @Field() cursor: string;
  @Field(() => CaseView) node: CaseView;
}

@ObjectType()
export class CaseConnection {
  @Field(() => [CaseEdge]) edges: CaseEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'Cases matching the filter, all pages' }) totalCount: number;
}

@ObjectType()
export class FollowUpEdge {
  @Field() cursor: string;
  @Field(() => FollowUpView) node: FollowUpView;
}

@ObjectType()
export class FollowUpConnection {
  @Field(() => [FollowUpEdge]) edges: FollowUpEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'Respondent tracks matching the filter, all pages' }) totalCount: number;
}
