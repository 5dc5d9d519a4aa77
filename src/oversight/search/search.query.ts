import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '../../case/decide-context';
import { CaseSearch, type SearchPage } from './case-search';
import { searchTerms } from './search-terms';

/** The search on the QueryBus, so GraphQL and gRPC ask it the same way. */
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
