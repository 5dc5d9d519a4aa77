import { Inject } from '@nestjs/common';
import { Args, Context, ID, Info, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { AccessAudit } from '../audit/access-audit';
import { requestKey } from '../audit/personal-fields';
import { CurrentActor, type GraphqlContext } from '../auth/current-actor.decorator';
import type { Actor } from '../case/decide-context';
import { CLOCK, type Clock } from '../config/clock';
import { cursorOf, InboxQueries, type InboxEntry } from './inbox-reader';
import { InboxConnection, InboxItemView } from './inbox.model';

const view = (entry: InboxEntry): InboxItemView => ({ ...entry, read: entry.readAt !== null });

/** Whether the query may read lines (edges, or a fragment that might): a count alone (the console's header) reads no name. */
const asksForLines = (info: GraphQLResolveInfo) =>
  info.fieldNodes.some((node) => node.selectionSet?.selections.some((s) => s.kind !== Kind.FIELD || s.name.value === 'edges') ?? true);

/** `inbox` and `markInboxRead`: what reached the caller's unit (agency and exact region), read state per officer. */
@Resolver()
export class InboxResolver {
  constructor(
    private readonly queries: InboxQueries,
    private readonly audit: AccessAudit,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => InboxConnection, { description: "Your unit's inbox, newest first: what reached the unit (the agency and exact region of your token)" })
  async inbox(
    @CurrentActor() actor: Actor,
    @Context() context: GraphqlContext,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('unreadOnly', { type: () => Boolean, defaultValue: false }) unreadOnly = false,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<InboxConnection> {
    const page = await this.queries.page(actor, first, after ?? null, unreadOnly);
    if (!info || asksForLines(info)) this.recordNames(actor, requestKey(context), page.entries);
    const edges = page.entries.map((entry) => ({ cursor: cursorOf(entry), node: view(entry) }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
      unreadCount: page.unreadCount,
    };
  }

  @Mutation(() => [InboxItemView], { description: 'Marks lines of your unit’s inbox read, for you; NOT_FOUND (nothing marked) when an id is not in your unit’s inbox' })
  async markInboxRead(@CurrentActor() actor: Actor, @Context() context: GraphqlContext, @Args('ids', { type: () => [ID] }) ids: string[]): Promise<InboxItemView[]> {
    const entries = await this.queries.markRead(actor, ids, this.clock());
    this.recordNames(actor, requestKey(context), entries);
    return entries.map(view);
  }

  @Mutation(() => Int, {
    description: 'Marks every unread line of your unit’s inbox read, for you (with upTo, a cursor of the inbox: only the lines up to that one, so newer arrivals stay unread); answers how many it marked',
  })
  markAllInboxRead(@CurrentActor() actor: Actor, @Args('upTo', { type: () => String, nullable: true }) upTo?: string): Promise<number> {
    return this.queries.markAllRead(actor, this.clock(), upTo ?? null);
  }

  /** Names read through the inbox are recorded like every other read of them (README "Access audit"). */
  private recordNames(actor: Actor, request: string, entries: InboxEntry[]): void {
    for (const entry of entries) {
      for (const r of entry.respondents) {
        if (r.name !== null) this.audit.record({ actor, via: 'graphql:inbox', request, caseId: entry.caseId, respondentId: r.respondentId, fields: ['name'] });
      }
    }
  }
}
