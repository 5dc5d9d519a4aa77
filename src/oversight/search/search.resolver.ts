import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { AccessAudit } from '../../audit/access-audit';
import { requestKey } from '../../audit/personal-fields';
import { CurrentActor, type GraphqlContext } from '../../auth/current-actor.decorator';
import type { Actor } from '../../case/decide-context';
import { CaseSearch, type SearchPage } from './case-search';
import { SearchConnection } from './search.model';
import { MAX_QUERY_LENGTH, searchTerms } from './search-terms';

export class SearchCasesQuery {
  constructor(readonly query: string, readonly first: number, readonly after: string | undefined, readonly actor: Actor) {}
}

@QueryHandler(SearchCasesQuery)
export class SearchCasesHandler implements IQueryHandler<SearchCasesQuery> {
  constructor(@Inject(CaseSearch) private readonly search: CaseSearch) {}
  execute(q: SearchCasesQuery): Promise<SearchPage> {
    return this.search.search(searchTerms(q.query), q.first, q.after, q.actor);
  }
}

/**
 * `search`: cases by respondent name, NIP/NRP/NIK, register number, letter or decree number and
 * words of the summary, most relevant first, within what the caller may see (case-search.ts). A hit
 * found through a respondent's name or identifier tells the caller that respondent's name or number
 * resembles what it typed: it is recorded in the access audit as a read of that field.
 */
@Resolver()
export class SearchResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly audit: AccessAudit,
  ) {}

  @Query(() => SearchConnection, {
    description: `Cases by respondent name (similar names match), NIP/NRP/NIK (with or without spaces), register number, letter or decree number, or words of the summary; most relevant first, only within what you may see. query: 1–${MAX_QUERY_LENGTH} characters, with a letter or digit`,
  })
  async search(
    @CurrentActor() actor: Actor,
    @Context() context: GraphqlContext,
    @Args('query') query: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<SearchPage> {
    const page = await this.queries.execute<SearchCasesQuery, SearchPage>(new SearchCasesQuery(query, first, after ?? undefined, actor));
    const request = requestKey(context);
    for (const edge of page.edges) {
      for (const match of edge.personalMatches) {
        const [respondentId, field] = match.split(':');
        this.audit.record({ actor, via: 'graphql', request, caseId: edge.node.id, respondentId, fields: [field] });
      }
    }
    return page;
  }
}
