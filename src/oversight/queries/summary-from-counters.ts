import { sql, type SQL } from 'drizzle-orm';
import { mayReadAll } from '../../case/case-access';
import { KASN_DISSOLVED_AT, RESPONDENT_STAGES, FOLLOW_UP_STATUSES } from '../../case/case-vocabulary';
import type { Actor } from '../../case/decide-context';
import { SummaryDimension } from '../models/summary.model';
import { GROUP, casesColumn, COUNT_FIGURES, grainOf, isKept, kindSets, MEASURE } from '../projection/summary-counters';
import type { BucketFigures, BucketKey } from '../figures/summary-buckets';
import type { FollowUpFilter } from './filters.input';
import type { Run } from './guarded-read';

/**
 * followUpSummary from the counters the projection keeps (projection/summary-counters.ts): the
 * work grows with the number of buckets asked for, not with the number of follow-up rows. Answers
 * exactly what the row aggregation answers. Used for current answers to callers who read every
 * case, grouped and filtered by election, respondent kinds (any set) and at most one of region or
 * province, PPK, violation and the agency waited on. Distinct cases over several kinds (the overall
 * figures of an answer grouped by kind, or any answer about several kinds) sum the kinds' rows and
 * their overlap rows, so a case with respondents of two kinds counts once.
 *
 * The rows are aggregated instead for: as-of dates, and instants before KASN's dissolution (the
 * agency waited on depends on the instant); callers who read only some cases; filters on anything
 * else (region prefix, PPK region, stage, status, overdue, dates received, NIP, case); a violation
 * filter with violation grouping; two or more of region/province, PPK, violation and agency waited
 * on, grouped or filtered together.
 */
export interface CounterPlan {
  dims: SummaryDimension[];
  /** The grouping read for the buckets, and for the overall figures. */
  grouping: number;
  overallGrouping: number;
  /** `byKind`: the answer is grouped by respondent kind, so it reads single kinds; otherwise every kind set (overlap rows) inside the kinds asked for. */
  where: (grouping: number, byKind: boolean) => SQL;
}

const ALLOWED = new Set(['electionKind', 'electionYear', 'violation', 'waitingOn', 'respondentKinds']);

export function counterPlan(dims: SummaryDimension[], filter: FollowUpFilter, actor: Actor | null, asOf: Date | null, at: Date, checkpoints = false): CounterPlan | null {
  if ((asOf !== null && !checkpoints) || actor === null || !mayReadAll(actor) || at < KASN_DISSOLVED_AT) return null;
  for (const [field, value] of Object.entries(filter)) if (value !== undefined && value !== null && !ALLOWED.has(field)) return null;
  const kinds = [...new Set(filter.respondentKinds ?? [])];
  if (kindSets(kinds).length === 0) return null;
  // Grouped by violation and filtered by one, the rows answer buckets for the person's other violations too.
  if (filter.violation && dims.includes(SummaryDimension.VIOLATION)) return null;
  let filtered = 0;
  if (filter.electionKind || filter.electionYear) filtered |= GROUP.ELECTION;
  if (filter.violation) filtered |= GROUP.VIOLATION;
  if (filter.waitingOn) filtered |= GROUP.WAITING_ON;
  let grouping = filtered;
  if (dims.includes(SummaryDimension.ELECTION)) grouping |= GROUP.ELECTION;
  if (dims.includes(SummaryDimension.REGION)) grouping |= GROUP.REGION;
  else if (dims.includes(SummaryDimension.PROVINCE)) grouping |= GROUP.PROVINCE;
  if (dims.includes(SummaryDimension.PPK)) grouping |= GROUP.PPK;
  if (dims.includes(SummaryDimension.VIOLATION)) grouping |= GROUP.VIOLATION;
  if (dims.includes(SummaryDimension.WAITING_ON)) grouping |= GROUP.WAITING_ON;
  if (!isKept(grouping) || !isKept(filtered)) return null;
  const where = (g: number, byKind: boolean) => {
    const columns = byKind ? kinds : kindSets(kinds);
    const conditions: SQL[] = [sql`dims = ${g}`, sql`kind IN (${sql.join(columns.map((k) => sql`${k}`), sql`, `)})`];
    if (filter.electionKind) conditions.push(sql`election_kind = ${filter.electionKind}`);
    if (filter.electionYear) conditions.push(sql`election_year = ${filter.electionYear}`);
    if (filter.violation) conditions.push(sql`violation = ${filter.violation}`);
    if (filter.waitingOn) conditions.push(sql`waiting_on = ${filter.waitingOn}`);
    return sql.join(conditions, sql` AND `);
  };
  return { dims, grouping, overallGrouping: filtered, where };
}

const KEY: Record<SummaryDimension, string> = {
  ELECTION: `election_kind || ' ' || election_year`,
  REGION: 'region',
  PROVINCE: 'province',
  PPK: 'ppk',
  VIOLATION: 'violation',
  WAITING_ON: 'waiting_on',
  RESPONDENT_KIND: 'kind',
};

const COUNT_COLUMNS = COUNT_FIGURES.flatMap((f) => [f, casesColumn(f)]);
const P = [0.5, 0.9];

/**
 * Where the counters are read: the live tables, or a checkpoint's rows beside its correction
 * (summary-checkpoints.ts), whose values rows carry the values to take out in `removed`.
 */
export interface CounterTables {
  /** Common table expressions the two read (the correction's rows). */
  with?: SQL;
  counts: SQL;
  values: SQL;
  removals: boolean;
}
const LIVE: CounterTables = { counts: sql`rm_summary_counts`, values: sql`rm_summary_values`, removals: false };

export interface CountedBucket {
  key: BucketKey;
  figures: BucketFigures;
}

/**
 * The overall figures and the buckets, in the order the row aggregation gives them, and the read
 * model's position (`position`: the checkpoint row's query). Every query is one sub-select of a single
 * statement, each result as a JSON array: one round trip instead of five, which under load cost more
 * than the reads themselves.
 */
export async function summaryFromCounters(
  run: Run,
  plan: CounterPlan,
  at: Date,
  position: SQL,
  tables: CounterTables = LIVE,
): Promise<{ overall: BucketFigures; buckets: CountedBucket[]; position: unknown }> {
  const byKind = plan.dims.includes(SummaryDimension.RESPONDENT_KIND);
  const overallQueries = queries([], plan.overallGrouping, plan.where(plan.overallGrouping, false), at, tables);
  const bucketQueries = plan.dims.length > 0 ? queries(plan.dims, plan.grouping, plan.where(plan.grouping, byKind), at, tables) : null;
  const parts = [overallQueries.counted, overallQueries.values, ...(bucketQueries ? [bucketQueries.counted, bucketQueries.values] : [])];
  const asJson = (query: SQL, order: string) => sql`(SELECT coalesce(json_agg(t${sql.raw(order)}), '[]'::json) FROM (${query}) t)`;
  const [row] = await run(
    sql`${tables.with ?? sql``} SELECT (${position}) AS position, ${sql.join(
      parts.map((q, i) => sql`${asJson(q, i === 2 ? orderOf(plan.dims) : '')} AS ${sql.raw(`r${i}`)}`),
      sql`, `,
    )}`,
    // The live counters' statement: planning it was a quarter of its cost (2.5–3 ms idle, 7–10 ms under load).
    { prepared: tables === LIVE },
  );
  const result = (i: number) => (typeof row[`r${i}`] === 'string' ? JSON.parse(row[`r${i}`] as string) : row[`r${i}`]) as Array<Record<string, unknown>>;
  const [overall] = bucketsOf([], result(0), result(1), plan.overallGrouping, at);
  const buckets = bucketQueries ? bucketsOf(plan.dims, result(2), result(3), plan.grouping, at) : [];
  return { overall: overall?.figures ?? emptyFigures(), buckets, position: row.position };
}

const orderOf = (dims: SummaryDimension[]) => (dims.length > 0 ? ` ORDER BY ${dims.map((_, i) => `t.k${i}`).join(', ')}` : '');

function queries(dims: SummaryDimension[], grouping: number, where: SQL, at: Date, tables: CounterTables): { counted: SQL; values: SQL } {
  const names = dims.map((_, i) => `k${i}`);
  const keys = sql.raw(dims.map((d, i) => `${KEY[d]} AS k${i}`).join(', ') + (dims.length > 0 ? ',' : ''));
  const grouped = names.length > 0 ? sql.raw(` GROUP BY ${names.join(', ')}`) : sql``;
  const sums = sql.raw(COUNT_COLUMNS.map((c) => `coalesce(sum("${c}"), 0)::float8 AS "${c}"`).join(', '));
  const having = names.length > 0 ? sql` HAVING sum(total) > 0` : sql``;
  return { counted: sql`SELECT ${keys} ${sums} FROM ${tables.counts} s WHERE ${where}${grouped}${having}`, values: valuesQuery(dims, keys, grouping, where, at, tables) };
}

function bucketsOf(dims: SummaryDimension[], counted: Array<Record<string, unknown>>, values: Array<Record<string, unknown>>, grouping: number, at: Date): CountedBucket[] {
  const names = dims.map((_, i) => `k${i}`);
  const distributions = new Map<string, Map<number, Distribution>>();
  for (const row of values) {
    const id = JSON.stringify(names.map((n) => row[n]));
    const byMeasure = distributions.get(id) ?? new Map<number, Distribution>();
    distributions.set(id, byMeasure);
    const measure = Number(row.measure);
    const d = byMeasure.get(measure) ?? { total: Number(row.total), below: Number(row.below), grains: [] };
    byMeasure.set(measure, d);
    const ranks = (row.ranks as unknown[] | null) ?? [];
    const picked = new Map<number, number>();
    (row.picked as unknown[]).forEach((v, i) => {
      if (v !== null) picked.set(Number(ranks[i]), Number(v));
    });
    d.grains.push({ grain: Number(row.grain), before: Number(row.ahead), picked, under: Number(row.under ?? 0), first: row.first === null ? null : Number(row.first) });
  }
  return counted.map((row) => {
    const id = JSON.stringify(names.map((n) => row[n]));
    const key = Object.fromEntries(dims.map((d, i) => [d, row[`k${i}`] === '' ? null : String(row[`k${i}`])]));
    return { key, figures: figuresOf(row, distributions.get(id) ?? new Map(), grouping, at.getTime()) };
  });
}

/** The ranks (0-based, ascending) a percentile reads, as SQL over `total`: PostgreSQL's percentile_cont rows, floor and ceil of p·(n−1), from the top for the start of the wait (waiting = at − since). */
const rankTerms = (reversed: boolean) => P.flatMap((p) => [`floor(${p}::float8 * (total - 1))`, `ceil(${p}::float8 * (total - 1))`]).map((r) => (reversed ? `(total - 1 - ${r})` : r));

/**
 * Per bucket and measure, only the grains a percentile's rank falls into, the grain holding `at`
 * (overdue: due times before it) and the first grain (the earliest due time), each with the count of
 * values before it — and of those grains' values only what the figures read: the values at the ranks
 * (`ranks`, `picked`: null where a rank lies outside the grain), the count before `at` (`under`) and
 * the smallest value (`first`), not whole grains (up to 15,638 values in one national grain; 269 KB of
 * JSON for the answer by region at 100,000 cases).
 *
 * A grain held by one stored row is read as that row's array, kept sorted by the projection
 * (summary-counter-writes.ts): one look-up by the grouping index, no unnest and sort. A grain summed
 * over several rows (kind sets, several elections under one filter) or corrected by a checkpoint
 * (values taken out) is merged and sorted as before.
 */
function valuesQuery(dims: SummaryDimension[], keys: SQL, grouping: number, where: SQL, at: Date, tables: CounterTables): SQL {
  const names = dims.map((_, i) => `k${i}`);
  const partition = sql.raw([...names, 'measure'].join(', '));
  const atGrain = grainOf(grouping, at.getTime());
  const atMs = at.getTime();
  const inGrain = (measure: number, reversed: boolean) =>
    sql.join(
      rankTerms(reversed).map((r) => sql`(measure = ${measure} AND ${sql.raw(r)} >= ahead AND ${sql.raw(r)} < ahead + n)`),
      sql` OR `,
    );
  const sameKey = names.length > 0 ? sql.raw(dims.map((d, i) => ` AND ${KEY[d]} = c.k${i}`).join('')) : sql``;
  const grainRows = sql`FROM ${tables.values} s WHERE ${where} AND s.measure = c.measure AND s.grain = c.grain${sameKey}`;
  const grainValues = (column: string) => sql`SELECT v FROM ${tables.values} s, unnest(s.${sql.raw(column)}) AS v WHERE ${where} AND s.measure = c.measure AND s.grain = c.grain${sameKey}`;
  // A checkpoint's correction takes values out (EXCEPT ALL: each value as often as it is removed); a grain it empties
  // is left out above (HAVING), or it would be taken for the first grain (ahead = 0) and give no earliest due time.
  const merged = tables.removals
    ? sql`ARRAY(SELECT v FROM (${grainValues('vals')} EXCEPT ALL ${grainValues('removed')}) x ORDER BY v)`
    : sql`CASE WHEN c.stored = 1 THEN (SELECT s.vals ${grainRows}) ELSE ARRAY(${grainValues('vals')} ORDER BY v) END`;
  const rankList = (reversed: boolean) => sql.raw(`ARRAY[${rankTerms(reversed).join(', ')}]`);
  const ranks = sql`CASE measure WHEN ${MEASURE.EXECUTE} THEN ${rankList(false)} WHEN ${MEASURE.SINCE} THEN ${rankList(true)} END`;
  return sql`WITH h AS (
      SELECT ${keys} measure, grain, sum(n)::float8 AS n, count(*) AS stored FROM ${tables.values} s WHERE ${where} GROUP BY ${sql.raw([...names, 'measure', 'grain'].join(', '))}
        HAVING sum(n) <> 0
    ), c AS (
      SELECT h.*, sum(n) OVER (PARTITION BY ${partition} ORDER BY grain) - n AS ahead, sum(n) OVER (PARTITION BY ${partition}) AS total,
        coalesce(sum(n) FILTER (WHERE grain < ${atGrain}) OVER (PARTITION BY ${partition}), 0) AS below
      FROM h
    ), r AS MATERIALIZED (
      SELECT c.*, ${ranks} AS ranks, ${merged} AS g
      FROM c
      WHERE ${inGrain(MEASURE.EXECUTE, false)} OR ${inGrain(MEASURE.SINCE, true)}
        OR (measure IN (${MEASURE.DUE}, ${MEASURE.CASE_DUE}, ${MEASURE.CASE_DUE_EXCESS}) AND (grain = ${atGrain} OR ahead = 0))
    )
    SELECT ${sql.raw(names.map((n) => `${n}, `).join(''))}measure, grain, ahead, total, below, ranks,
      ARRAY(SELECT g[(x - ahead + 1)::int] FROM unnest(ranks) AS x) AS picked,
      CASE WHEN grain = ${atGrain} THEN (SELECT count(*) FROM unnest(g) AS v WHERE v < ${atMs}) END AS under,
      g[1] AS first
    FROM r`;
}

interface Distribution {
  total: number;
  /** Values in grains before the one holding `at`. */
  below: number;
  grains: Array<{ grain: number; before: number; picked: Map<number, number>; under: number; first: number | null }>;
}

/** The value at a rank (0-based, ascending) of a distribution of which only the values at some ranks were read. */
function valueAt(d: Distribution, rank: number): number {
  for (const g of d.grains) {
    const value = g.picked.get(rank);
    if (value !== undefined) return value;
  }
  throw new Error(`summary counters: no grain read for rank ${rank} of ${d.total}`);
}

/** PostgreSQL's percentile_cont, step for step as figure-math.ts percentileCont, over values read by rank. */
function percentile(n: number, p: number, at: (rank: number) => number): number | null {
  if (n === 0) return null;
  const position = p * (n - 1);
  const first = Math.floor(position);
  const second = Math.ceil(position);
  const lo = at(first);
  if (first === second) return lo;
  return lo + (at(second) - lo) * (position - first);
}

function figuresOf(row: Record<string, unknown>, measures: Map<number, Distribution>, grouping: number, atMs: number): BucketFigures {
  const pair = (figure: string) => ({ persons: Number(row[figure] ?? 0), cases: Number(row[casesColumn(figure)] ?? 0) });
  const execute = measures.get(MEASURE.EXECUTE);
  const since = measures.get(MEASURE.SINCE);
  const atGrain = grainOf(grouping, atMs);
  const beforeAt = (d: Distribution | undefined) => (d ? d.below + (d.grains.find((g) => g.grain === atGrain)?.under ?? 0) : 0);
  const due = measures.get(MEASURE.DUE);
  const overdue = beforeAt(due);
  const earliest = due?.grains.find((g) => g.before === 0)?.first ?? undefined;
  return {
    total: pair('total'),
    byStage: new Map(RESPONDENT_STAGES.map((s) => [s, pair(`stage_${s}`)])),
    byStatus: new Map(FOLLOW_UP_STATUSES.map((s) => [s, pair(`status_${s}`)])),
    recommended: pair('recommended'),
    decided: pair('decided'),
    actedOn: pair('acted_on'),
    waiting: pair('waiting'),
    overdue: { persons: overdue, cases: beforeAt(measures.get(MEASURE.CASE_DUE)) - beforeAt(measures.get(MEASURE.CASE_DUE_EXCESS)) },
    executeMs: execute
      ? { median: percentile(execute.total, 0.5, (r) => valueAt(execute, r)), p90: percentile(execute.total, 0.9, (r) => valueAt(execute, r)) }
      : { median: null, p90: null },
    waitingMs: since
      ? {
          median: percentile(since.total, 0.5, (r) => atMs - valueAt(since, since.total - 1 - r)),
          p90: percentile(since.total, 0.9, (r) => atMs - valueAt(since, since.total - 1 - r)),
        }
      : { median: null, p90: null },
    maxLateMs: overdue > 0 && earliest !== undefined ? atMs - earliest : null,
  };
}

function emptyFigures(): BucketFigures {
  return figuresOf({}, new Map(), 0, 0);
}
