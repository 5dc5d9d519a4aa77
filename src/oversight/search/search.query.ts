import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { AccessAudit } from '../../audit/access-audit';
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

/**
 * A hit found through a respondent's name or identifier tells the caller that the person's name or
 * number resembles what it typed: recorded as a read of that field (names of fields, never values).
 */
export function recordPersonalMatches(audit: AccessAudit, actor: Actor, via: string, request: string, page: SearchPage): void {
  for (const edge of page.edges) {
    for (const match of edge.personalMatches) {
      const [respondentId, field] = match.split(':');
      audit.record({ actor, via, request, caseId: edge.node.id, respondentId, fields: [field] });
    }
  }
}
