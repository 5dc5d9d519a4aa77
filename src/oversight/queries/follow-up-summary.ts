import { Inject, Injectable } from '@nestjs/common';
import { sql, type SQL } from 'drizzle-orm';
import { CaseError } from '../../case/case-error';
import { FOLLOW_UP_STATUSES, RESPONDENT_STAGES } from '../../case/case-vocabulary';
import type { Actor } from '../../case/decide-context';
import { figureFilter, respondentKindCases } from '../figures/figure-filter';
import { bucketFrom, type BucketFigures } from '../figures/summary-buckets';
import { SummaryDimension, type FollowUpSummary } from '../models/summary.model';
import { READ_DB, type ReadDb } from '../read-model/read-db';
import type { FollowUpFilter } from './filters.input';
import { followUpConditions, overdueAt, whereAll } from './follow-up-conditions';
import type { ReadSource } from './read-source';

/** The SQL expression each dimension groups by, over follow-ups f (and v.code for violations). */
const DIMENSION: Record<SummaryDimension, SQL> = {
  REGION: sql`coalesce(f.regency_code, f.province_code)`,
  PROVINCE: sql`f.province_code`,
  PPK: sql`coalesce(f.ppk_title, '')`,
  VIOLATION: sql`v.code`,
  ELECTION: sql`f.election_kind || ' ' || f.election_year`,
  WAITING_ON: sql`coalesce(f.waiting_on, '')`,
  RESPONDENT_KIND: sql.raw(
    `CASE ${respondentKindCases()
      .map(([kind, employments]) => `WHEN f.employment IN (${employments.map((e) => `'${e}'`).join(', ')}) THEN '${kind}'`)
      .join(' ')} ELSE 'CIVIL_SERVICE' END`,
  ),
};

const ACTED_ON = sql`f.follow_up_status IN ('AS_RECOMMENDED', 'NOT_AS_RECOMMENDED')`;
const epochMs = (column: SQL) => sql`(extract(epoch FROM ${column}) * 1000)`;

/**
 * Follow-up figures per bucket, counted per person (respondent track) and per case side by side.
 * Aggregates only: no name, NIP or reporter ever leaves this query, so it may answer anonymously.
 * Durations leave SQL as whole milliseconds; figure-math.ts turns them into days for both this
 * answer and the independent recomputation.
 */
@Injectable()
export class FollowUpSummaryReader {
  constructor(@Inject(READ_DB) private readonly db: ReadDb) {}

  async summary(groupBy: SummaryDimension[], filter: FollowUpFilter | undefined, actor: Actor | null, source: ReadSource): Promise<FollowUpSummary> {
    if (actor === null && (filter?.respondentNip || filter?.caseId)) {
      // Aggregates narrowed to one person or one case would tell an anonymous caller about that person.
      throw new CaseError('UNAUTHENTICATED', 'filtering figures by respondentNip or caseId needs a bearer token');
    }
    const dims = [...new Set(groupBy)];
    const byViolation = dims.includes(SummaryDimension.VIOLATION);
    const joined = sql`FROM ${source.followUps} f JOIN rm_cases c ON c.id = f.case_id`;
    const from = byViolation ? sql`${joined} CROSS JOIN LATERAL unnest(f.violations) AS v(code)` : joined;
    const where = whereAll(followUpConditions(figureFilter(filter), actor, source));
    const keys = dims.map((d, i) => sql`${DIMENSION[d]} AS ${sql.raw(`k${i}`)}`);
    const figures = figureColumns(source.at);
    const order = sql.join(dims.map((_, i) => sql.raw(`k${i}`)), sql`, `);
    // One snapshot for the figures and the checkpoint, so `position` is exactly what they were computed from.
    return this.db.transaction(
      async (tx) => {
        const run = (query: SQL) => rows(tx as unknown as ReadDb, query);
        const [checkpoint] = await run(sql`SELECT position FROM rm_checkpoints WHERE name = 'cases'`);
        const [overall] = await run(sql`SELECT ${figures} ${joined} ${where}`);
        const grouped = dims.length > 0 ? await run(sql`SELECT ${sql.join(keys, sql`, `)}, ${figures} ${from} ${where} GROUP BY ${order} ORDER BY ${order}`) : [];
        return {
          asOf: source.at,
          current: source.asOf === null,
          position: String(checkpoint?.position ?? 0),
          overall: bucketFrom(figuresOf(overall), {}),
          buckets: grouped.map((row) => bucketFrom(figuresOf(row), keyOf(row, dims))),
        };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  }
}

async function rows(db: ReadDb, query: SQL): Promise<Array<Record<string, unknown>>> {
  return ((await db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
}

function figureColumns(at: Date): SQL {
  const atMs = sql`(extract(epoch FROM ${at.toISOString()}::timestamptz) * 1000)`;
  const both = (name: string, condition: SQL) =>
    sql`count(*) FILTER (WHERE ${condition}) AS ${sql.raw(`"${name}"`)}, count(DISTINCT f.case_id) FILTER (WHERE ${condition}) AS ${sql.raw(`"${name}_cases"`)}`;
  const percentile = (p: number, ms: SQL, condition: SQL, name: string) =>
    sql`percentile_cont(${sql.raw(String(p))}) WITHIN GROUP (ORDER BY (${ms})::float8) FILTER (WHERE ${condition}) AS ${sql.raw(name)}`;
  const toExecute = sql`${epochMs(sql`f.executed_at`)} - ${epochMs(sql`f.decided_at`)}`;
  const waitingMs = sql`${atMs} - ${epochMs(sql`f.since`)}`;
  const executed = sql`f.executed_at IS NOT NULL AND f.decided_at IS NOT NULL`;
  const waiting = sql`f.waiting_on IS NOT NULL`;
  return sql.join(
    [
      sql`count(*) AS total, count(DISTINCT f.case_id) AS cases`,
      ...RESPONDENT_STAGES.map((s) => both(`stage_${s}`, sql`f.stage = ${s}`)),
      ...FOLLOW_UP_STATUSES.map((s) => both(`status_${s}`, sql`f.follow_up_status = ${s}`)),
      both('recommended', sql`f.recommended_at IS NOT NULL`),
      both('decided', sql`f.follow_up_status IS NOT NULL`),
      both('acted_on', ACTED_ON),
      both('waiting', waiting),
      both('overdue', overdueAt(at)),
      percentile(0.5, toExecute, executed, 'median_execute_ms'),
      percentile(0.9, toExecute, executed, 'p90_execute_ms'),
      percentile(0.5, waitingMs, waiting, 'median_waiting_ms'),
      percentile(0.9, waitingMs, waiting, 'p90_waiting_ms'),
      sql`max((${atMs} - ${epochMs(sql`f.due_at`)})::float8) FILTER (WHERE ${overdueAt(at)}) AS max_late_ms`,
    ],
    sql`, `,
  );
}

const num = (value: unknown) => Number(value);
const numOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const pair = (row: Record<string, unknown>, name: string) => ({ persons: num(row[name]), cases: num(row[`${name}_cases`]) });

function figuresOf(row: Record<string, unknown>): BucketFigures {
  return {
    total: { persons: num(row.total), cases: num(row.cases) },
    byStage: new Map(RESPONDENT_STAGES.map((s) => [s, pair(row, `stage_${s}`)])),
    byStatus: new Map(FOLLOW_UP_STATUSES.map((s) => [s, pair(row, `status_${s}`)])),
    recommended: pair(row, 'recommended'),
    decided: pair(row, 'decided'),
    actedOn: pair(row, 'acted_on'),
    waiting: pair(row, 'waiting'),
    overdue: pair(row, 'overdue'),
    executeMs: { median: numOrNull(row.median_execute_ms), p90: numOrNull(row.p90_execute_ms) },
    waitingMs: { median: numOrNull(row.median_waiting_ms), p90: numOrNull(row.p90_waiting_ms) },
    maxLateMs: numOrNull(row.max_late_ms),
  };
}

function keyOf(row: Record<string, unknown>, dims: SummaryDimension[]): Partial<Record<SummaryDimension, string | null>> {
  return Object.fromEntries(dims.map((d, i) => [d, row[`k${i}`] === '' ? null : String(row[`k${i}`])]));
}
