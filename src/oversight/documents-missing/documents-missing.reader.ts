import { Inject, Injectable, Optional } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../case/decide-context';
import { CLOCK, systemClock, type Clock } from '../../config/clock';
import { READ_DB, type ReadDb } from '../../storage/read-db';
import { figureFilter } from '../figures/figure-filter';
import type { FollowUpFilter } from '../queries/filters.input';
import { followUpConditions, whereAll } from '../queries/follow-up-conditions';
import { readSource } from '../queries/read-source';
import type { DocumentsMissingFigure } from './documents-missing.model';

/**
 * How many tracks are "recorded, document missing" (a decree recorded without its SK), counted per
 * person like followUpSummary, within the caller's scope and the same filter (ASN unless
 * respondentKinds says otherwise), now or as of an instant. Aggregates only: no name leaves it.
 */
@Injectable()
export class DocumentsMissingReader {
  constructor(
    @Inject(READ_DB) private readonly db: ReadDb,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async figure(filter: FollowUpFilter | undefined, actor: Actor, asOf: Date | null): Promise<DocumentsMissingFigure> {
    const source = readSource(asOf, this.clock());
    const where = whereAll([...followUpConditions(figureFilter(filter), actor, source, false), sql`f.missing_document IS NOT NULL`]);
    const result = (await this.db.transaction(async (tx) => ({
      checkpoint: (await tx.execute(sql`SELECT position FROM rm_checkpoints WHERE name = 'cases'`)) as unknown as { rows: Array<{ position: unknown }> },
      rows: (await tx.execute(
        sql`SELECT f.missing_document AS kind, count(*)::int AS n FROM ${source.followUps} f JOIN rm_cases c ON c.id = f.case_id ${where} GROUP BY f.missing_document ORDER BY f.missing_document`,
      )) as unknown as { rows: Array<{ kind: string; n: number }> },
    }))) as { checkpoint: { rows: Array<{ position: unknown }> }; rows: { rows: Array<{ kind: string; n: number }> } };
    const byKind = result.rows.rows.map((r) => ({ kind: r.kind, count: Number(r.n) }));
    return {
      asOf: source.at,
      position: String(result.checkpoint.rows[0]?.position ?? 0),
      total: byKind.reduce((sum, k) => sum + k.count, 0),
      byKind,
    };
  }
}
