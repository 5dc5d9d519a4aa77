import { Inject, Injectable, Optional } from '@nestjs/common';
import { sql, type SQL } from 'drizzle-orm';
import { CaseError } from '../../case/case-error';
import { FOLLOW_UP_STATUSES, RESPONDENT_STAGES } from '../../case/case-vocabulary';
import type { Actor } from '../../case/decide-context';
import { NETRA_CONFIG, type NetraConfig } from '../../config/config';
import { figureFilter, respondentKindCases } from '../figures/figure-filter';
import { matches, type Person } from '../figures/recompute-aggregate';
import { assertAnonymousQuery } from '../small-cells/anonymous-query';
import { cellsHoldAt, figuresFromCells, protectCells, type ProtectedCells } from '../small-cells/anonymous-summary';
import { ClientGoneError } from './guarded-read';
import { bucketFrom, type BucketFigures } from '../figures/summary-buckets';
import { SummaryDimension, type FollowUpSummary } from '../models/summary.model';
import { READ_DB, type ReadDb } from '../../storage/read-db';
import type { FollowUpFilter } from './filters.input';
import { casesJoin, followUpConditions, overdueAt, waitingOnAt, whereAll } from './follow-up-conditions';
import { readSource, type ReadSource } from './read-source';
import { guardedRead, type ReadGuard, type Run } from './guarded-read';
import { NetraMetrics } from '../../observability/metrics';
import { counterPlan, summaryFromCounters, type CounterPlan } from './summary-from-counters';
import { checkpointFor, checkpointTables, CORRECTION_LIMIT, correction, dayStart, makeCheckpoint } from './summary-checkpoints';
import { casesColumn } from '../projection/summary-counters';

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

/** The read model's position, read alone (one statement, one snapshot). */
const CHECKPOINT = sql`SELECT position FROM rm_checkpoints WHERE name = 'cases'`;

/**
 * Follow-up figures per bucket, counted per person (respondent track) and per case side by side.
 * Aggregates only: no name, NIP or reporter ever leaves this query, so it may answer anonymously.
 * Durations leave SQL as whole milliseconds; figure-math.ts turns them into days for both this
 * answer and the independent recomputation.
 */
@Injectable()
export class FollowUpSummaryReader {
  private readonly threshold: number;
  private readonly guard: ReadGuard;
  /**
   * Off: every answer aggregates the rows (the recount the counters are tested and benchmarked against).
   * Was off from 2026-12-06 10:30 UTC until the counters counted a case with respondents of several
   * kinds once (CI's counterexample, seed 1475051532; summary-counters.ts, overlap rows).
   */
  readFromCounters = true;
  /** Off: as-of answers aggregate the version rows (the recount checkpoints are tested against). */
  readFromCheckpoints = true;
  /** Off: no checkpoint is made in the background (tests make them where they choose). */
  makeCheckpoints = true;
  private making: Promise<unknown> | null = null;

  constructor(
    @Inject(READ_DB) private readonly db: ReadDb,
    @Optional() @Inject(NETRA_CONFIG) config?: NetraConfig,
    @Optional() private readonly metrics?: NetraMetrics,
  ) {
    this.threshold = config?.smallCellThreshold ?? 5;
    // The read model is on PostgreSQL exactly when storage.ts opens it there.
    const postgres = config ? (config.databaseUrl ?? (config.eventStore.kind === 'postgres' ? config.eventStore.url : null)) !== null : false;
    this.guard = { postgres, statementTimeoutMs: config?.readStatementTimeoutMs ?? 10_000 };
  }

  /**
   * `fieldPrefix` is how the transport names filter fields in a refusal (`filter.` in GraphQL). A
   * caller without a token gets small-cell protected figures (src/oversight/small-cells).
   */
  async summary(
    groupBy: SummaryDimension[],
    filter: FollowUpFilter | undefined,
    actor: Actor | null,
    source: ReadSource,
    fieldPrefix = 'filter.',
    signal?: AbortSignal,
  ): Promise<FollowUpSummary> {
    if (actor === null) assertAnonymousQuery(groupBy, filter, source.asOf, fieldPrefix);
    try {
      const answer = await (actor === null ? this.anonymous(groupBy, filter, source, signal) : this.exact(groupBy, filter, actor, source, signal));
      this.metrics?.summaryReads.inc({ outcome: 'answered' });
      return answer;
    } catch (error) {
      this.metrics?.summaryReads.inc({ outcome: error instanceof Error ? error.name : 'error' });
      throw error;
    }
  }

  private exact(groupBy: SummaryDimension[], filter: FollowUpFilter | undefined, actor: Actor, source: ReadSource, signal?: AbortSignal): Promise<FollowUpSummary> {
    const dims = [...new Set(groupBy)];
    const plan = this.readFromCounters ? counterPlan(dims, figureFilter(filter), actor, source.asOf, source.at, this.readFromCheckpoints) : null;
    if (plan && source.asOf !== null) {
      return guardedRead(this.db, this.guard, signal, async (run: Run) => (await this.fromCheckpoint(run, plan, source)) ?? this.fromRows(run, dims, filter, actor, source));
    }
    if (plan) {
      return guardedRead(this.db, this.guard, signal, async (run: Run) => {
        const { overall, buckets, position } = await summaryFromCounters(run, plan, source.at, sql`SELECT position FROM rm_checkpoints WHERE name = 'cases'`);
        return {
          asOf: source.at,
          current: true,
          position: String(position ?? 0),
          smallCellThreshold: null,
          overall: bucketFrom(overall, {}),
          buckets: buckets.map((b) => bucketFrom(b.figures, b.key)),
        };
      });
    }
    // One snapshot for the figures and the checkpoint, so `position` is exactly what they were computed from.
    return guardedRead(this.db, this.guard, signal, (run: Run) => this.fromRows(run, dims, filter, actor, source));
  }

  /**
   * An as-of answer from the latest summary checkpoint at or before its instant, corrected by the
   * cases that changed since (summary-checkpoints.ts); null when there is none yet. A checkpoint at
   * the start of the instant's day is made in the background when there is none, or when the cases to
   * correct pass CORRECTION_LIMIT.
   */
  private async fromCheckpoint(run: Run, plan: CounterPlan, source: ReadSource): Promise<FollowUpSummary | null> {
    const { checkpoint } = await checkpointFor(run, source.at);
    if (checkpoint === null) {
      this.makeCheckpoint(dayStart(source.at));
      return null;
    }
    // A checkpoint's read is small by construction: compiling it (JIT, for the planner's worst guess at the correction) cost more than running it.
    await run(sql`SET LOCAL jit = off`);
    const { delta, cases } = await correction(run, checkpoint, source.at, [...new Set([plan.grouping, plan.overallGrouping])]);
    if (cases > CORRECTION_LIMIT) this.makeCheckpoint(dayStart(source.at));
    const { overall, buckets, position } = await summaryFromCounters(run, plan, source.at, sql`SELECT position FROM rm_checkpoints WHERE name = 'cases'`, checkpointTables(checkpoint.at, delta));
    return {
      asOf: source.at,
      current: false,
      position: String(position ?? 0),
      smallCellThreshold: null,
      overall: bucketFrom(overall, {}),
      buckets: buckets.map((b) => bucketFrom(b.figures, b.key)),
    };
  }

  /** One checkpoint made at a time, in the background; a failure only means the next as-of answer asks again. */
  private makeCheckpoint(at: Date): void {
    if (!this.makeCheckpoints || this.making) return;
    this.making = makeCheckpoint(this.db, at)
      .catch(() => undefined)
      .finally(() => {
        this.making = null;
      });
  }

  /** The checkpoint being made in the background, if any (tests wait for it). */
  checkpointMade(): Promise<unknown> {
    return this.making ?? Promise.resolve();
  }

  private async fromRows(run: Run, dims: SummaryDimension[], filter: FollowUpFilter | undefined, actor: Actor, source: ReadSource): Promise<FollowUpSummary> {
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

  /**
   * Per person, the plain facts the cells are formed from (no name, NIP or id of a person), then
   * protected in memory. Every anonymous question is answered from one set of protected cells of
   * all ASN persons (anonymous filters keep or drop whole cells), formed once per read-model
   * position and reused while it holds: until the checkpoint moves or the next due time passes
   * (cellsHoldAt). At most one formation runs at a time, whoever asks and however they vary their
   * question, so anonymous callers cannot make the server form cells faster than one at a time.
   */
  private async anonymous(groupBy: SummaryDimension[], filter: FollowUpFilter | undefined, source: ReadSource, signal?: AbortSignal): Promise<FollowUpSummary> {
    const cells = await this.currentCells(source.at, signal);
    const keep = figureFilter(filter);
    const at = source.at.getTime();
    const { overall, buckets } = figuresFromCells(cells, { groupBy, keep: (p) => matches(p, keep, at), at: source.at, threshold: this.threshold });
    return { asOf: source.at, current: true, position: cells.position, smallCellThreshold: this.threshold, overall, buckets };
  }

  private cells: (ProtectedCells & { position: string }) | null = null;
  private forming: Promise<ProtectedCells & { position: string }> | null = null;

  /** Protected cells as of the read model's current position that hold at `at`: the last ones formed, or new ones. */
  private async currentCells(at: Date, signal?: AbortSignal): Promise<ProtectedCells & { position: string }> {
    for (;;) {
      if (signal?.aborted) throw new ClientGoneError();
      // The caller's signal is checked above and below; a one-row read needs no cancelling, and one
      // statement is one snapshot: no transaction, which on the embedded database would hold PGlite
      // (every other statement, /health's too) for four round trips to this thread instead of one.
      const position = String(((await this.db.execute(CHECKPOINT)) as unknown as { rows: Array<{ position?: unknown }> }).rows[0]?.position ?? 0);
      const held = this.cells;
      if (held && held.position === position && cellsHoldAt(held, at)) {
        this.metrics?.anonymousCells.inc({ outcome: 'reused' });
        return held;
      }
      if (this.forming) {
        const formed = await waitFor(this.forming, signal).catch(() => null);
        // Formed from this position or a later one, for this instant: as current as the question. Otherwise ask again.
        if (formed && BigInt(formed.position) >= BigInt(position) && cellsHoldAt(formed, at)) return formed;
        continue;
      }
      // Formed without the caller's signal: others wait on it, and the statement timeout bounds it.
      this.forming = this.formCells(at).finally(() => {
        this.forming = null;
      });
      const formed = await waitFor(this.forming, signal);
      if (cellsHoldAt(formed, at)) return formed;
    }
  }

  private async formCells(at: Date): Promise<ProtectedCells & { position: string }> {
    // Figures count ASN only (figure-filter.ts): the anonymous filter names no kinds, so no caller widens this.
    const where = whereAll(followUpConditions(figureFilter(undefined), null, readSource(null, at), false));
    // The checkpoint and the facts in one statement, so one snapshot: the position is exactly what the
    // facts were read at (a row with no person when there are none). No transaction on the embedded
    // store, where one would hold PGlite — /health's statements too — for each round trip to this
    // thread; on PostgreSQL inside guardedRead for its statement timeout.
    const statement = sql`SELECT c.position AS checkpoint_position, p.*
      FROM (SELECT 1) AS one
      LEFT JOIN rm_checkpoints c ON c.name = 'cases'
      LEFT JOIN LATERAL (
        SELECT f.case_id, f.stage, f.waiting_on, f.follow_up_status, f.recommended_at IS NOT NULL AS recommended,
            ${epochMs(sql`f.since`)}::float8 AS since, ${epochMs(sql`f.due_at`)}::float8 AS due_at, ${epochMs(sql`f.decided_at`)}::float8 AS decided_at,
            ${epochMs(sql`f.executed_at`)}::float8 AS executed_at, ${epochMs(sql`f.case_received_at`)}::float8 AS received_at,
            f.employment, f.election_kind, f.election_year, f.region_code, f.province_code, f.regency_code
          FROM ${readSource(null, at).followUps} f ${where}
      ) p ON true`;
    const rows = this.guard.postgres
      ? await guardedRead(this.db, this.guard, undefined, (run: Run) => run(statement))
      : ((await this.db.execute(statement)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
    const formed = { position: String(rows[0]?.checkpoint_position ?? 0), persons: rows.filter((row) => row.case_id !== null && row.case_id !== undefined).map(personOf) };
    const cells = { ...protectCells(formed.persons, at, this.threshold), position: formed.position };
    this.metrics?.anonymousCells.inc({ outcome: 'formed' });
    if (this.cells === null || BigInt(cells.position) >= BigInt(this.cells.position)) this.cells = cells;
    return cells;
  }
}

/** The shared promise, or ClientGoneError as soon as this caller's client goes away (the work goes on for the others). */
function waitFor<T>(shared: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return shared;
  return new Promise<T>((resolve, reject) => {
    const gone = () => reject(new ClientGoneError());
    if (signal.aborted) return gone();
    signal.addEventListener('abort', gone, { once: true });
    shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', gone));
  });
}

function personOf(row: Record<string, unknown>): Person {
  return {
    caseId: String(row.case_id),
    stage: String(row.stage),
    waitingOn: (row.waiting_on as string | null) ?? null,
    employment: String(row.employment),
    since: Number(row.since),
    dueAt: numOrNull(row.due_at),
    followUpStatus: (row.follow_up_status as string | null) ?? null,
    recommended: row.recommended === true,
    decidedAt: numOrNull(row.decided_at),
    executedAt: numOrNull(row.executed_at),
    violations: [],
    ppk: null,
    ppkRegion: null,
    election: { kind: String(row.election_kind), year: Number(row.election_year) },
    receivedAt: Number(row.received_at),
    regionCode: String(row.region_code),
    provinceCode: String(row.province_code),
    regencyCode: (row.regency_code as string | null) ?? null,
  };
}

async function rows(db: ReadDb, query: SQL): Promise<Array<Record<string, unknown>>> {
  return ((await db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
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
