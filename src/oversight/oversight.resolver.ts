import { Args, Context, ID, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { AccessAudit } from '../audit/access-audit';
import { requestKey } from '../audit/personal-fields';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentActor, OptionalActor, type GraphqlContext } from '../auth/current-actor.decorator';
import type { Actor } from '../case/decide-context';
import { CaseView, ReporterView, TimelineEntryView } from './models/case.model';
import { CaseConnection, FollowUpConnection } from './models/connections.model';
import { FollowUpView } from './models/follow-up.model';
import { FollowUpSummary, SummaryDimension } from './models/summary.model';
import { FollowUpSummaryQuery, GetCaseQuery, ListCasesQuery, ListFollowUpsQuery } from './oversight.queries';
import { CaseReader, type CaseSummaryView } from './queries/case-reader';
import { CaseFilter, FollowUpFilter } from './queries/filters.input';
import { ReporterReader } from './reporter-reader';
import { TimelineReader } from './queries/timeline-reader';

const AS_OF =
  'Answer as things stood at this instant, from the history: each step counts from the date the agency recorded for it. Absent = now; not in the future.';

/** What Bawaslu, BKN and oversight ask: per person, region and agency, what was acted on and what waits. */
@Resolver(() => CaseView)
export class OversightResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly reader: CaseReader,
    private readonly reporters: ReporterReader,
    private readonly timelines: TimelineReader,
    private readonly audit: AccessAudit,
  ) {}

  @Query(() => CaseView, { nullable: true, description: 'null when there is no such case or it lies outside your region' })
  case(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
    @Args('asOf', { type: () => Date, nullable: true, description: AS_OF }) asOf?: Date,
  ) {
    return this.queries.execute(new GetCaseQuery(id, actor, asOf ?? null));
  }

  @Query(() => CaseConnection)
  cases(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => CaseFilter, nullable: true }) filter?: CaseFilter,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('asOf', { type: () => Date, nullable: true, description: AS_OF }) asOf?: Date,
  ) {
    return this.queries.execute(new ListCasesQuery(filter, first, after ?? undefined, actor, asOf ?? null));
  }

  @Query(() => FollowUpConnection, { description: 'One row per respondent track' })
  followUps(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => FollowUpFilter, nullable: true }) filter?: FollowUpFilter,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('asOf', { type: () => Date, nullable: true, description: AS_OF }) asOf?: Date,
  ) {
    return this.queries.execute(new ListFollowUpsQuery(filter, first, after ?? undefined, actor, asOf ?? null));
  }

  @Query(() => FollowUpSummary, { description: 'Aggregates only; allowed without a token' })
  followUpSummary(
    @OptionalActor() actor: Actor | null,
    @Context() context: GraphqlContext,
    @Args('groupBy', { type: () => [SummaryDimension], defaultValue: [] }) groupBy: SummaryDimension[],
    @Args('filter', { type: () => FollowUpFilter, nullable: true }) filter?: FollowUpFilter,
    @Args('asOf', { type: () => Date, nullable: true, description: AS_OF }) asOf?: Date,
  ) {
    return this.queries.execute(new FollowUpSummaryQuery(groupBy, filter, actor, asOf ?? null, context.signal));
  }

  @ResolveField(() => [FollowUpView], { description: 'Every respondent; those outside your region with identityWithheld (see FollowUp.identityWithheld)' })
  respondents(@Parent() parent: CaseSummaryView & Partial<CaseView>, @Context() context: GraphqlContext): Promise<FollowUpView[]> | FollowUpView[] {
    return parent.respondents ?? this.reader.respondents(parent.id, parent.asOf, context.actor);
  }

  @ResolveField(() => [TimelineEntryView])
  timeline(@Parent() parent: CaseSummaryView & Partial<CaseView>, @Context() context: GraphqlContext): Promise<TimelineEntryView[]> | TimelineEntryView[] {
    return parent.timeline ?? this.timelines.timeline(parent.id, parent.handlingUnit, parent.asOf, context.actor, { request: context, version: parent.version });
  }

  @ResolveField(() => ReporterView, { nullable: true })
  async reporter(@Parent() parent: CaseView, @Context() context: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ReporterView | null> {
    const reporter = await this.reporters.reporter(parent.id, parent.handlingUnit, context.actor, { request: context, version: parent.version });
    if (reporter && context.actor) {
      const asked = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []).filter((s) => s.kind === Kind.FIELD).map((s) => s.name.value);
      const fields = asked.filter((f) => f !== '__typename' && reporter[f as keyof ReporterView] !== null).map((f) => `reporter.${f}`);
      this.audit.record({ actor: context.actor, via: 'graphql', request: requestKey(context), caseId: parent.id, respondentId: null, fields: fields.length > 0 ? fields : ['reporter'] });
    }
    return reporter;
  }
}
