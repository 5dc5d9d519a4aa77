import type { Actor } from '../case/decide-context';
import type { SearchPage } from '../oversight/search/case-search';
import type { AccessAudit } from './access-audit';

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
