import { sql, type SQL } from 'drizzle-orm';
import { FOLLOW_UP_STATUSES, RESPONDENT_STAGES } from '../../case/case-vocabulary';
import type { Actor } from '../../case/decide-context';
import { figureFilter, respondentKindCases } from '../figures/figure-filter';
import { bucketFrom, type BucketFigures } from '../figures/summary-buckets';
import { SummaryDimension, type FollowUpSummary } from '../models/summary.model';
import { casesColumn } from '../projection/summary-counters';
import type { FollowUpFilter } from './filters.input';
import { casesJoin, followUpConditions, overdueAt, waitingOnAt, whereAll } from './follow-up-conditions';
import type { Run } from './guarded-read';
import type { ReadSource } from './read-source';

/**
 * followUpSummary aggregated from the follow-up rows (now) or their versions (as of a date): what
 * every answer the counters do not serve reads (summary-from-counters.ts), and the recount the
 * counters and checkpoints are tested against. Per person and per distinct case, in the caller's
 * snapshot (guardedRead's `run`).
 */

/** The SQL expression each dimension groups by, over follow-ups f (and v.code for violations), at the instant asked about. */
const dimension = (d: SummaryDimension, at: Date): SQL => (d === SummaryDimension.WAITING_ON ? sql`coalesce(${waitingOnAt(at)}, '')` : DIMENSION[d]);
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

/** Figures of the rows the caller may read, overall and grouped by `dims`, with the read model's position, in one snapshot. */
export async function summaryFromRows(run: Run, dims: SummaryDimension[], filter: FollowUpFilter | undefined, actor: Actor, source: ReadSource): Promise<FollowUpSummary> {
  const byViolation = dims.includes(SummaryDimension.VIOLATION);
  const joined = sql`FROM ${source.followUps} f${casesJoin(actor)}`;
  const from = byViolation ? sql`${joined} CROSS JOIN LATERAL unnest(f.violations) AS v(code)` : joined;
  const where = whereAll(followUpConditions(figureFilter(filter), actor, source, false));
  const keys = dims.map((d) => dimension(d, source.at));
  const [checkpoint] = await run(sql`SELECT position FROM rm_checkpoints WHERE name = 'cases'`);
  const [overall] = await run(aggregated([], joined, where, source.at));
  const grouped = dims.length > 0 ? await run(aggregated(keys, from, where, source.at)) : [];
  return {
    asOf: source.at,
    current: source.asOf === null,
    position: String(checkpoint?.position ?? 0),
    smallCellThreshold: null,
    overall: bucketFrom(figuresOf(overall), {}),
    buckets: grouped.map((row) => bucketFrom(figuresOf(row), keyOf(row, dims))),
  };
}

/** The columns of a follow-up row the figures are computed from (conditions, percentiles, overdue). */
const FIGURE_INPUTS = ['case_id', 'stage', 'follow_up_status', 'recommended_at', 'waiting_on', 'due_at', 'since', 'decided_at', 'executed_at'];

/** Each count the figures give, persons and distinct cases, by the condition a follow-up row f meets. */
function countedConditions(at: Date): Array<[string, SQL]> {
  return [
    ['total', sql`true`],
    ...RESPONDENT_STAGES.map((s): [string, SQL] => [`stage_${s}`, sql`f.stage = ${s}`]),
    ...FOLLOW_UP_STATUSES.map((s): [string, SQL] => [`status_${s}`, sql`f.follow_up_status = ${s}`]),
    ['recommended', sql`f.recommended_at IS NOT NULL`],
    ['decided', sql`f.follow_up_status IS NOT NULL`],
    ['acted_on', ACTED_ON],
    ['waiting', sql`f.waiting_on IS NOT NULL`],
    ['overdue', overdueAt(at)],
  ];
}

/**
 * The figures of the rows `from … where`, grouped by `keys` (as k0, k1 …) or overall. Distinct cases
 * are counted without count(DISTINCT), which sorted the rows once per figure: a window over each
 * bucket's rows of one case (one sort for all figures) numbers the rows that meet each condition,
 * and the case counts once in a figure on its first row that meets it — the same number as
 * count(DISTINCT f.case_id) FILTER (WHERE condition).
 */
function aggregated(keys: SQL[], from: SQL, where: SQL, at: Date): SQL {
  const counted = countedConditions(at);
  const names = keys.map((_, i) => sql.raw(`k${i}`));
  const firsts = counted.map(([, condition], i) => sql`count(*) FILTER (WHERE ${condition}) OVER w AS ${sql.raw(`"c${i}"`)}`);
  const partition = sql.join([...keys, sql`f.case_id`], sql`, `);
  // Only the columns the figures read pass through the window's sort, not the whole (wide) row.
  const inner = sql`SELECT ${sql.raw(FIGURE_INPUTS.map((c) => `f.${c}`).join(', '))}, ${sql.join([...keys.map((k, i) => sql`${k} AS ${names[i]}`), ...firsts], sql`, `)}
    ${from} ${where} WINDOW w AS (PARTITION BY ${partition} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
  const atMs = sql`(extract(epoch FROM ${at.toISOString()}::timestamptz) * 1000)`;
  const percentile = (p: number, ms: SQL, condition: SQL, name: string) =>
    sql`percentile_cont(${sql.raw(String(p))}) WITHIN GROUP (ORDER BY (${ms})::float8) FILTER (WHERE ${condition}) AS ${sql.raw(name)}`;
  const toExecute = sql`${epochMs(sql`f.executed_at`)} - ${epochMs(sql`f.decided_at`)}`;
  const waitingMs = sql`${atMs} - ${epochMs(sql`f.since`)}`;
  const executed = sql`f.executed_at IS NOT NULL AND f.decided_at IS NOT NULL`;
  const waiting = sql`f.waiting_on IS NOT NULL`;
  const figures = sql.join(
    [
      ...counted.flatMap(([name, condition], i) => [
        sql`count(*) FILTER (WHERE ${condition}) AS ${sql.raw(`"${name}"`)}`,
        sql`count(*) FILTER (WHERE ${condition} AND ${sql.raw(`f."c${i}"`)} = 1) AS ${sql.raw(`"${casesColumn(name)}"`)}`,
      ]),
      percentile(0.5, toExecute, executed, 'median_execute_ms'),
      percentile(0.9, toExecute, executed, 'p90_execute_ms'),
      percentile(0.5, waitingMs, waiting, 'median_waiting_ms'),
      percentile(0.9, waitingMs, waiting, 'p90_waiting_ms'),
      sql`max((${atMs} - ${epochMs(sql`f.due_at`)})::float8) FILTER (WHERE ${overdueAt(at)}) AS max_late_ms`,
    ],
    sql`, `,
  );
  if (keys.length === 0) return sql`SELECT ${figures} FROM (${inner}) f`;
  const order = sql.join(names, sql`, `);
  return sql`SELECT ${order}, ${figures} FROM (${inner}) f GROUP BY ${order} ORDER BY ${order}`;
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
