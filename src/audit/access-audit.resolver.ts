import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import { mayReadAccessAudit } from '../case/case-access';
import { badInput, forbidden } from '../case/case-error';
import type { Actor } from '../case/decide-context';
import { AccessAudit } from './access-audit';
import { AccessAuditFilter, AccessRecordConnection, MAX_AUDIT_PAGE } from './access-audit.model';

/** The access audit, for a national Bawaslu unit or a national inspector (OVERSIGHT): newest first. */
@Resolver()
export class AccessAuditResolver {
  constructor(private readonly audit: AccessAudit) {}

  @Query(() => AccessRecordConnection, { description: 'Who read whose personal data: national BAWASLU or national OVERSIGHT only' })
  async accessAudit(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => AccessAuditFilter, nullable: true }) filter?: AccessAuditFilter,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<AccessRecordConnection> {
    if (!mayReadAccessAudit(actor)) throw forbidden(`${actor.agency} unit ${actor.region ?? 'national'} may not read the access audit; only a national BAWASLU or OVERSIGHT unit`, 'access.auditReader', {
        agency: actor.agency,
        region: actor.region,
      });
    if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE) throw badInput('first', `must be between 1 and ${MAX_AUDIT_PAGE}`, 'page.size', {
        minimum: 1,
        maximum: MAX_AUDIT_PAGE,
      });
    if (after !== undefined && after !== null && !/^\d{1,18}$/.test(after)) throw badInput('after', 'is not a cursor this query returned', 'page.cursor');
    const { records, more } = await this.audit.list(filter ?? {}, first, after ?? null);
    const edges = records.map((node) => ({ cursor: node.id, node }));
    return {
      edges,
      pageInfo: { hasNextPage: more, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    };
  }
}
