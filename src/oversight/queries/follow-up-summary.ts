import { Inject, Injectable } from '@nestjs/common';
import { sql, type SQL } from 'drizzle-orm';
import { CaseError } from '../../case/case-error';
import { FOLLOW_UP_STATUSES, RESPONDENT_STAGES } from '../../case/case-vocabulary';
import type { Actor } from '../../case/decide-context';
import { regionName } from '../../case/validation/regions';
import { SummaryDimension, type FollowUpSummary, type SummaryBucket } from '../models/summary.model';
import { READ_DB, type ReadDb } from '../read-model/read-db';
import type { FollowUpFilter } from './filters.input';
import { followUpConditions, overdueAt, whereAll } from './follow-up-conditions';

/** The SQL expression each dimension groups by, over rm_follow_ups f (and v.code for violations). */
const DIMENSION: Record<SummaryDimension, SQL> = {
  REGION: sql`coalesce(f.regency_code, f.province_code)`,
  PROVINCE: sql`f.province_code`,
  PPK: sql`coalesce(f.ppk_title, '')`,
  VIOLATION: sql`v.code`,
  ELECTION: sql`f.election_kind || ' ' || f.election_year`,
  WAITING_ON: sql`coalesce(f.waiting_on, '')`,
};

/**
 * Follow-up figures per bucket, counted per person (respondent track) and per case side by side.
 * Aggregates only: no name, NIP or reporter ever leaves this query, so it may answer anonymously.
 */
@Injectable()
export class FollowUpSummaryReader {
  constructor(@Inject(READ_DB) private readonly db: ReadDb) {}

  async summary(groupBy: SummaryDimension[], filter: FollowUpFilter | undefined, actor: Actor | null, now: Date): Promise<FollowUpSummary> {
    if (actor === null && (filter?.respondentNip || filter?.caseId)) {
      // Aggregates narrowed to one person or one case would tell an anonymous caller about that person.
      throw new CaseError('UNAUTHENTICATED', 'filtering figures by respondentNip or caseId needs a bearer token');
    }
    const dims = [...new Set(groupBy)];
    const byViolation = dims.includes(SummaryDimension.VIOLATION);
    const from = sql`FROM rm_follow_ups f JOIN rm_cases c ON c.id = f.case_id${byViolation ? sql` CROSS JOIN LATERAL unnest(f.violations) AS v(code)` : sql``}`;
    const where = whereAll(followUpConditions(filter, actor, now));
    const keys = dims.map((d, i) => sql`${DIMENSION[d]} AS ${sql.raw(`k${i}`)}`);
    const figures = sql.join(
      [
        sql`count(*) AS total`,
        sql`count(DISTINCT f.case_id) AS cases`,
        ...RESPONDENT_STAGES.map((s) => sql`count(*) FILTER (WHERE f.stage = ${s}) AS ${sql.raw(`"stage_${s}"`)}`),
        ...FOLLOW_UP_STATUSES.map((s) => sql`count(*) FILTER (WHERE f.follow_up_status = ${s}) AS ${sql.raw(`"status_${s}"`)}`),
        sql`count(*) FILTER (WHERE ${overdueAt(now)}) AS overdue`,
        sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.executed_at - f.decided_at) / 86400)
              FILTER (WHERE f.executed_at IS NOT NULL) AS median_days`,
      ],
      sql`, `,
    );
    const grouped = dims.length > 0
      ? sql`SELECT ${sql.join(keys, sql`, `)}, ${figures} ${from} ${where} GROUP BY ${sql.join(dims.map((_, i) => sql.raw(`k${i}`)), sql`, `)} ORDER BY ${sql.join(dims.map((_, i) => sql.raw(`k${i}`)), sql`, `)}`
      : null;
    const overallFrom = sql`FROM rm_follow_ups f JOIN rm_cases c ON c.id = f.case_id`;
    const [overallRow] = await this.rows(sql`SELECT ${figures} ${overallFrom} ${where}`);
    const rows = grouped ? await this.rows(grouped) : [];
    return {
      asOf: now,
      overall: bucket(overallRow, []),
      buckets: rows.map((row) => bucket(row, dims)),
    };
  }

  private async rows(query: SQL): Promise<Array<Record<string, unknown>>> {
    return ((await this.db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
  }
}

function bucket(row: Record<string, unknown>, dims: SummaryDimension[]): SummaryBucket {
  const value = (d: SummaryDimension) => {
    const i = dims.indexOf(d);
    return i < 0 || row[`k${i}`] === '' ? null : String(row[`k${i}`]);
  };
  const region = value(SummaryDimension.REGION) ?? value(SummaryDimension.PROVINCE);
  const byStatus = FOLLOW_UP_STATUSES.map((status) => ({ status, count: Number(row[`status_${status}`]) }));
  const decided = byStatus.reduce((sum, s) => sum + s.count, 0);
  const actedOn = byStatus.filter((s) => s.status === 'AS_RECOMMENDED' || s.status === 'NOT_AS_RECOMMENDED').reduce((sum, s) => sum + s.count, 0);
  return {
    key: {
      regionCode: region,
      regionName: region ? regionName(region) ?? null : null,
      ppk: value(SummaryDimension.PPK),
      violation: value(SummaryDimension.VIOLATION),
      election: value(SummaryDimension.ELECTION),
      waitingOn: value(SummaryDimension.WAITING_ON),
    },
    total: Number(row.total),
    cases: Number(row.cases),
    byStage: RESPONDENT_STAGES.map((stage) => ({ stage, count: Number(row[`stage_${stage}`]) })),
    byStatus,
    overdue: Number(row.overdue),
    actedOnRate: decided > 0 ? Math.round((actedOn / decided) * 10000) / 10000 : null,
    medianDaysToExecute: row.median_days === null || row.median_days === undefined ? null : Math.round(Number(row.median_days) * 10) / 10,
  };
}
