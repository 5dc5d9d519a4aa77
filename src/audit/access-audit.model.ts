import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID, MaxLength } from '../security/input-rules';
import { AgencyEnum } from '../case/case-vocabulary.graphql';
import { PageInfo } from '../oversight/models/connections.model';

@ObjectType('AccessRecord', { description: 'Who read which personal fields of which case: ids and field names, never values' })
export class AccessRecordView {
  @Field(() => ID) id: string;
  @Field() readAt: Date;
  @Field(() => AgencyEnum) agency: string;
  @Field(() => String, { nullable: true, description: 'Region of the reading unit; null for a national unit' }) unit: string | null;
  @Field({ description: 'The token subject (sub) of the reader' }) userId: string;
  @Field({ description: 'The path that answered: graphql, grpc:GetCase, grpc:ListFollowUps, grpc:WatchEvents, export:follow-ups.csv, …' }) via: string;
  @Field(() => ID) caseId: string;
  @Field(() => ID, { nullable: true, description: 'null for fields of the case itself (the reporter)' }) respondentId: string | null;
  @Field(() => [String], { description: 'Field names read, e.g. name, nip, reporter.phone' }) fields: string[];
}

@ObjectType()
export class AccessRecordEdge {
  @Field() cursor: string;
  @Field(() => AccessRecordView) node: AccessRecordView;
}

@ObjectType()
export class AccessRecordConnection {
  @Field(() => [AccessRecordEdge]) edges: AccessRecordEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType()
export class AccessAuditFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'caseId must be a case id (UUID)' }) caseId?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(200) userId?: string;
  @Field(() => AgencyEnum, { nullable: true }) @IsOptional() agency?: string;
}

export const MAX_AUDIT_PAGE = 100;
