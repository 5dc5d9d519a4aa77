import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgencyEnum, DeadlineStepEnum, RecipientEnum } from '../case/case-vocabulary.graphql';
import { PageInfo } from '../oversight/models/connections.model';
import { INBOX_KINDS, type InboxKind } from './inbox-routing';

export const InboxKindEnum = Object.fromEntries(INBOX_KINDS.map((k) => [k, k])) as { [K in InboxKind]: K };

registerEnumType(InboxKindEnum, {
  name: 'InboxKind',
  description: 'What reached the unit',
  valuesMap: {
    CASE_REPORTED: { description: 'A case was reported to (or found by) this Bawaslu unit' },
    RECOMMENDATION_RECEIVED: { description: "Bawaslu's recommendation reached this unit (KASN/BKN, the TNI, Polri, or the regional head for village respondents)" },
    SANCTION_DECIDED: { description: 'A sanction decision names this unit to carry it out (the PPK of the region, or the TNI/Polri unit)' },
    RESPONDENT_CLEARED: { description: 'KASN/BKN cleared a respondent this Bawaslu unit recommended' },
    SANCTION_EXECUTED: { description: 'The sanction this unit decided was carried out (a decree was recorded)' },
    DEADLINE_PASSED: { description: 'A due time passed while the step waited on this unit' },
  },
});

@ObjectType({ description: 'A respondent an inbox line is about, as you may see it' })
export class InboxRespondentView {
  @Field() respondentId: string;
  @Field(() => String, { nullable: true, description: 'Null when withheld, or while the read model has not caught up' }) name: string | null;
  @Field({ description: 'True for "another respondent outside your region"' }) identityWithheld: boolean;
}

@ObjectType({ description: "A line of the caller's unit's inbox: what reached the unit, when, and whether you read it" })
export class InboxItemView {
  @Field(() => ID) id: string;
  @Field(() => InboxKindEnum) kind: InboxKind;
  @Field(() => ID) caseId: string;
  @Field() registerNumber: string;
  @Field(() => [InboxRespondentView]) respondents: InboxRespondentView[];
  @Field({ description: 'When the step happened (the recommendation issued, the decision taken, the due time noticed as passed)' }) occurredAt: Date;
  @Field({ description: 'When Netra recorded it' }) recordedAt: Date;
  @Field(() => String, { nullable: true, description: 'Recommendation or decision letter number; null when a respondent it concerns is withheld' }) letterNumber: string | null;
  @Field(() => String, { nullable: true, description: 'Decree (SK) number; null when withheld' }) decreeNumber: string | null;
  @Field(() => RecipientEnum, { nullable: true }) recipient: string | null;
  @Field(() => DeadlineStepEnum, { nullable: true, description: 'The late step (DEADLINE_PASSED)' }) step: string | null;
  @Field(() => Date, { nullable: true, description: 'The due time (SANCTION_DECIDED, DEADLINE_PASSED)' }) dueAt: Date | null;
  @Field(() => AgencyEnum, { nullable: true }) waitingOn: string | null;
  @Field(() => String, { nullable: true, description: 'The official the decision names (e.g. Walikota Lubuk Linggau); null when withheld' }) ppkTitle: string | null;
  @Field({ description: 'Read by you (read state is per officer)' }) read: boolean;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
}

@ObjectType()
export class InboxEdge {
  @Field() cursor: string;
  @Field(() => InboxItemView) node: InboxItemView;
}

@ObjectType()
export class InboxConnection {
  @Field(() => [InboxEdge]) edges: InboxEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: "Lines in your unit's inbox, all pages" }) totalCount: number;
  @Field(() => Int, { description: 'Of them, not read by you' }) unreadCount: number;
}
