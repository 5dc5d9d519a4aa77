import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../oversight/models/connections.model';
import { InboxKindEnum } from '../inbox/inbox.model';

export const DeliveryStatusEnum = { PENDING: 'PENDING', DELIVERED: 'DELIVERED', FAILED: 'FAILED' } as const;
export const DeliveryChannelEnum = { EMAIL: 'EMAIL', WEBHOOK: 'WEBHOOK' } as const;

registerEnumType(DeliveryStatusEnum, {
  name: 'DeliveryStatus',
  valuesMap: {
    PENDING: { description: 'Not sent yet, or failed and waiting for its next attempt' },
    DELIVERED: { description: 'Accepted by the SMTP server, or answered 2xx by the webhook' },
    FAILED: { description: 'Given up after NOTIFY_MAX_ATTEMPTS attempts' },
  },
});
registerEnumType(DeliveryChannelEnum, { name: 'DeliveryChannel' });

@ObjectType({ description: 'One notification to one recipient: the outbox row and its delivery log (no message content is kept)' })
export class DeliveryView {
  @Field(() => ID, { description: 'Also the X-Netra-Delivery header and the e-mail Message-ID' }) id: string;
  @Field(() => ID, { description: 'The event it notifies (X-Netra-Event); one delivery per event, channel and recipient' }) eventId: string;
  @Field(() => DeliveryChannelEnum) channel: string;
  @Field({ description: 'The configured e-mail address or webhook URL' }) recipient: string;
  @Field({ description: 'The unit it was for: PPK:16.73, BKN' }) unit: string;
  @Field(() => InboxKindEnum) kind: string;
  @Field(() => ID) caseId: string;
  @Field(() => DeliveryStatusEnum) status: string;
  @Field(() => Int) attempts: number;
  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (PENDING)' }) nextAttemptAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed: a code and status, never content' }) lastError: string | null;
  @Field(() => Int, { nullable: true, description: 'HTTP status or SMTP reply code of the last attempt' }) lastStatus: number | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
}

@ObjectType()
export class DeliveryEdge {
  @Field() cursor: string;
  @Field(() => DeliveryView) node: DeliveryView;
}

@ObjectType()
export class DeliveryConnection {
  @Field(() => [DeliveryEdge]) edges: DeliveryEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}
