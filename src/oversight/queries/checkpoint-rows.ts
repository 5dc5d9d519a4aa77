import { sql, type SQL } from 'drizzle-orm';
import { casesColumn, COUNT_FIGURES, type CounterDelta, type CountedRow } from '../projection/summary-counters';
import { keyCells } from '../projection/summary-counter-writes';
import type { Run } from './guarded-read';

/**
 * The rows of a summary checkpoint (queries/summary-checkpoints.ts): the version columns the counters
 * are counted from, a recount or a correction as the checkpoint tables' rows, and a checkpoint made
 * from another one and a correction, in SQL.
 */

export const COUNTED = `case_id, employment, stage, waiting_on, since, due_at, follow_up_status, recommended_at, decided_at, executed_at, violations, ppk_title, province_code, regency_code, election_kind, election_year`;
const INSTANTS = new Set(['since', 'due_at', 'recommended_at', 'decided_at', 'executed_at']);
/**
 * COUNTED as a select list of the versions aliased `alias`, instants as whole epoch milliseconds (float8): the
 * driver hands timestamps over as text, and parsing five per row into Dates was ~10 % of the Node profile of a
 * correction (no difference beyond the noise in its CPU at load 13–17). The instants are whole milliseconds.
 */
export const countedSelect = (alias: string) =>
  COUNTED.split(', ')
    .map((c) => (INSTANTS.has(c) ? `floor(extract(epoch FROM ${alias}.${c}) * 1000)::float8 AS ${c}` : `${alias}.${c}`))
    .join(', ');
const KEY_COLUMNS = ['bucket', 'dims', 'election_kind', 'election_year', 'region', 'province', 'ppk', 'violation', 'waiting_on', 'kind'];
export const COUNT_COLUMNS = COUNT_FIGURES.flatMap((f) => [f, casesColumn(f)]);
const q = (c: string) => `"${c}"`;
export const COUNTS_SELECT = [...KEY_COLUMNS, ...COUNT_COLUMNS].map(q).join(', ');
export const VALUES_SELECT = [...KEY_COLUMNS, 'measure', 'grain', 'n', 'vals', 'removed'].map(q).join(', ');

/** A Date from the driver's value: a Date, an ISO text, or epoch milliseconds (countedSelect's instants; a number, or its text). */
const date = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v : typeof v === 'number' || /^-?\d+(\.\d*)?$/.test(String(v)) ? new Date(Number(v)) : new Date(String(v));

export function countedRow(r: Record<string, unknown>): CountedRow {
  return {
    caseId: String(r.case_id),
    employment: String(r.employment),
    stage: String(r.stage),
    waitingOn: (r.waiting_on as string | null) ?? null,
    since: date(r.since)!,
    dueAt: date(r.due_at),
    followUpStatus: (r.follow_up_status as string | null) ?? null,
    recommendedAt: date(r.recommended_at),
    decidedAt: date(r.decided_at),
    executedAt: date(r.executed_at),
    violations: (r.violations as string[] | null) ?? [],
    ppkTitle: (r.ppk_title as string | null) ?? null,
    provinceCode: String(r.province_code),
    regencyCode: (r.regency_code as string | null) ?? null,
    electionKind: String(r.election_kind),
    electionYear: Number(r.election_year),
  } as CountedRow;
}

/** A correction's rows as JSON for jsonb_populate_recordset: counts, and values added (`vals`) and taken out (`removed`). */
export function deltaJson(delta: CounterDelta): { counts: string; values: string } {
  const counts = [...delta.counts.values()].filter((r) => Object.values(r.counts).some((n) => n !== 0));
  const values = [...delta.values.values()]
    .map((r) => {
      const added: number[] = [];
      const removed: number[] = [];
      for (const [v, times] of r.values) for (let i = 0; i < Math.abs(times); i++) (times > 0 ? added : removed).push(v);
      return { ...keyCells(r), measure: r.measure, grain: r.grain, n: added.length - removed.length, vals: added, removed };
    })
    .filter((r) => r.vals.length > 0 || r.removed.length > 0);
  return {
    counts: JSON.stringify(counts.map((r) => ({ ...keyCells(r), ...Object.fromEntries(COUNT_COLUMNS.map((col) => [col, r.counts[col] ?? 0])) }))),
    values: JSON.stringify(values),
  };
}

/** A recount's counters as stored rows: counts without empty rows, values sorted. */
export function checkpointRows(delta: CounterDelta): { counts: Array<Record<string, unknown>>; values: Array<Record<string, unknown>> } {
  const counts = [...delta.counts.values()]
    .filter((r) => Object.values(r.counts).some((n) => n !== 0))
    .map((r) => ({ ...keyCells(r), ...Object.fromEntries(COUNT_COLUMNS.map((col) => [col, r.counts[col] ?? 0])) }));
  const values = [...delta.values.values()]
    .map((r) => {
      const vals = [...r.values].flatMap(([v, times]) => Array.from({ length: times }, () => v)).sort((a, b) => a - b);
      return { ...keyCells(r), measure: r.measure, grain: r.grain, n: vals.length, vals, removed: [] as number[] };
    })
    .filter((r) => r.n > 0);
  return { counts, values };
}

/** Writes a recount's rows as the checkpoint at `m`, 2,000 rows a statement. */
export async function writeCheckpointRows(run: Run, m: SQL, delta: CounterDelta): Promise<void> {
  const tables = checkpointRows(delta);
  for (let i = 0; i < tables.counts.length; i += 2000) {
    await run(sql`INSERT INTO rm_summary_checkpoint_counts (at, ${sql.raw(COUNTS_SELECT)})
      SELECT ${m}, ${sql.raw(COUNTS_SELECT)} FROM jsonb_populate_recordset(NULL::rm_summary_counts, ${JSON.stringify(tables.counts.slice(i, i + 2000))}::jsonb)`);
  }
  for (let i = 0; i < tables.values.length; i += 2000) {
    await run(sql`INSERT INTO rm_summary_checkpoint_values (at, ${sql.raw(VALUES_SELECT)})
      SELECT ${m}, ${sql.raw(VALUES_SELECT)} FROM jsonb_populate_recordset(NULL::rm_summary_values, ${JSON.stringify(tables.values.slice(i, i + 2000))}::jsonb)`);
  }
}

/**
 * Writes the checkpoint at `m` as the one at `from` corrected by `delta` (summary-checkpoints.ts
 * correction, every grouping), the same rows a recount writes: counts summed per bucket without
 * empty rows; a grain the correction leaves alone copied, one it touches merged as the projection's
 * upsert merges (its values less those taken out, plus those put in, sorted), without empty grains.
 */
export async function writeCorrectedRows(run: Run, from: SQL, m: SQL, delta: CounterDelta): Promise<void> {
  const json = deltaJson(delta);
  const keys = KEY_COLUMNS.map(q).join(', ');
  const sums = COUNT_COLUMNS.map((c) => `sum(${q(c)})`);
  await run(sql`INSERT INTO rm_summary_checkpoint_counts (at, ${sql.raw(COUNTS_SELECT)})
    SELECT ${m}, ${sql.raw(keys)}, ${sql.raw(sums.join(', '))} FROM (
      SELECT ${sql.raw(COUNTS_SELECT)} FROM rm_summary_checkpoint_counts WHERE at = ${from}
      UNION ALL SELECT ${sql.raw(COUNTS_SELECT)} FROM jsonb_populate_recordset(NULL::rm_summary_counts, ${json.counts}::jsonb)
    ) x GROUP BY ${sql.raw(keys)} HAVING ${sql.raw(sums.map((s) => `${s} <> 0`).join(' OR '))}`);
  const d = (c: string) => `d.${q(c)}`;
  await run(sql`WITH d AS MATERIALIZED (SELECT * FROM jsonb_populate_recordset(NULL::rm_summary_values, ${json.values}::jsonb))
    INSERT INTO rm_summary_checkpoint_values (at, ${sql.raw(VALUES_SELECT)})
    SELECT ${m}, ${sql.raw(VALUES_SELECT)} FROM rm_summary_checkpoint_values c WHERE c.at = ${from}
      AND NOT EXISTS (SELECT 1 FROM d WHERE d.bucket = c.bucket AND d.measure = c.measure AND d.grain = c.grain)
    UNION ALL
    SELECT ${m}, ${sql.raw(KEY_COLUMNS.map(d).join(', '))}, d.measure, d.grain, cardinality(x.vals), x.vals, '{}'::bigint[]
      FROM d LEFT JOIN rm_summary_checkpoint_values c ON c.at = ${from} AND c.bucket = d.bucket AND c.measure = d.measure AND c.grain = d.grain
      CROSS JOIN LATERAL (SELECT ARRAY(SELECT v FROM (SELECT unnest(c.vals) AS v EXCEPT ALL SELECT unnest(d.removed) UNION ALL SELECT unnest(d.vals)) y ORDER BY v) AS vals) x
      WHERE cardinality(x.vals) > 0`);
}
