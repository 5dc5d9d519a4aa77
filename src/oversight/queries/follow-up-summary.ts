import { Inject, Injectable, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../case/decide-context';
import { NETRA_CONFIG, type NetraConfig } from '../../config/config';
import { figureFilter } from '../figures/figure-filter';
import { matches, type Person } from '../figures/recompute-aggregate';
import { assertAnonymousQuery } from '../small-cells/anonymous-query';
import { cellsHoldAt, figuresFromCells, protectCells, type ProtectedCells } from '../small-cells/anonymous-summary';
import { ClientGoneError } from './guarded-read';
import { bucketFrom } from '../figures/summary-buckets';
import { SummaryDimension, type FollowUpSummary } from '../models/summary.model';
import { READ_DB, type ReadDb } from '../../storage/read-db';
import type { FollowUpFilter } from './filters.input';
import { followUpConditions, whereAll } from './follow-up-conditions';
import { readSource, type ReadSource } from './read-source';
import { guardedRead, type ReadGuard, type Run } from './guarded-read';
import { NetraMetrics } from '../../observability/metrics';
import { counterPlan, summaryFromCounters } from './summary-from-counters';
import { AsOfSummaries } from './summary-as-of';
import { summaryFromRows } from './summary-from-rows';

/** The read model's position, read alone (one statement, one snapshot). */
const CHECKPOINT = sql`SELECT position FROM rm_checkpoints WHERE name = 'cases'`;
const epochMs = (column: SQL) => sql`(extract(epoch FROM ${column}) * 1000)`;

/**
 * Follow-up figures per bucket, counted per person (respondent track) and per case side by side.
 * Aggregates only: no name, NIP or reporter ever leaves this query, so it may answer anonymously.
 * Durations leave SQL as whole milliseconds; figure-math.ts turns them into days for both this
 * answer and the independent recomputation.
 */
@Injectable()
export class FollowUpSummaryReader implements OnModuleInit, OnModuleDestroy {
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
  private readonly asOf: AsOfSummaries;

  constructor(
    @Inject(READ_DB) private readonly db: ReadDb,
    @Optional() @Inject(NETRA_CONFIG) config?: NetraConfig,
    @Optional() private readonly metrics?: NetraMetrics,
  ) {
    this.threshold = config?.smallCellThreshold ?? 5;
    // The read model is on PostgreSQL exactly when storage.ts opens it there.
    const postgres = config ? (config.databaseUrl ?? (config.eventStore.kind === 'postgres' ? config.eventStore.url : null)) !== null : false;
    this.guard = { postgres, statementTimeoutMs: config?.readStatementTimeoutMs ?? 10_000 };
    this.asOf = new AsOfSummaries(db);
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
      return guardedRead(this.db, this.guard, signal, async (run: Run) => (await this.asOf.answer(run, plan, source)) ?? summaryFromRows(run, dims, filter, actor, source));
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
    return guardedRead(this.db, this.guard, signal, (run: Run) => summaryFromRows(run, dims, filter, actor, source));
  }

  /** Whether checkpoints are made in the background (off: tests make them where they choose). */
  get makeCheckpoints(): boolean {
    return this.asOf.enabled;
  }
  set makeCheckpoints(on: boolean) {
    this.asOf.enabled = on;
  }

  /** The checkpoint ladder's bounds (checkpoint-ladder.ts), which tests narrow for small histories. */
  get ladder(): { maxRungs: number; minSpacing: number } {
    return this.asOf.ladder;
  }

  /** Resolves when no checkpoint is being made in the background (tests and the bench wait for it). */
  checkpointMade(): Promise<void> {
    return this.asOf.idle();
  }

  onModuleInit(): void {
    this.asOf.start();
  }

  onModuleDestroy(): void {
    this.asOf.stop();
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

const numOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

async function rows(db: ReadDb, query: SQL): Promise<Array<Record<string, unknown>>> {
  return ((await db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
}
