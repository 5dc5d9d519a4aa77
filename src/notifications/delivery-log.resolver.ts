import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Actor } from '../case/decide-context';
import { DeliveryLog, deliveryCursor } from './delivery-log';
import { DeliveryConnection, DeliveryStatusEnum } from './delivery.model';
import type { DeliveryStatus } from './notify-tables';

@Resolver()
export class DeliveryLogResolver {
  constructor(private readonly log: DeliveryLog) {}

  @Query(() => DeliveryConnection, {
    description: "Notification deliveries (e-mail, webhooks), newest event first: your unit's own; a national Bawaslu or OVERSIGHT unit sees all",
  })
  async notificationDeliveries(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('status', { type: () => DeliveryStatusEnum, nullable: true }) status?: DeliveryStatus,
  ): Promise<DeliveryConnection> {
    const page = await this.log.page(actor, first, after ?? null, status ?? null);
    const edges = page.rows.map((row) => ({ cursor: deliveryCursor(row), node: { ...row, nextAttemptAt: row.status === 'PENDING' ? row.nextAttemptAt : null } }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }
}
