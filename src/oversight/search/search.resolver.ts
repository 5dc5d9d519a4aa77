import { QueryBus } from '@nestjs/cqrs';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { AccessAudit } from '../../audit/access-audit';
import { requestKey } from '../../audit/personal-fields';
import { CurrentActor, type GraphqlContext } from '../../auth/current-actor.decorator';
import type { Actor } from '../../case/decide-context';
import type { SearchPage } from './case-search';
import { SearchConnection } from './search.model';
import { recordPersonalMatches } from '../../audit/search-matches';
import { SearchCasesQuery } from './search.query';
import { MAX_QUERY_LENGTH } from './search-terms';

/**
 * `search`: cases by respondent name, NIP/NRP/NIK, register number, letter or decree number and
 * words of the summary, most relevant first, within what the caller may see (case-search.ts).
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
    recordPersonalMatches(this.audit, actor, 'graphql', requestKey(context), page);
    return page;
  }
}
