import { sql } from 'drizzle-orm';
import type { ReadDb } from '../../storage/read-db';
import { bucketFrom } from '../figures/summary-buckets';
import type { FollowUpSummary } from '../models/summary.model';
import type { Run } from './guarded-read';
import type { ReadSource } from './read-source';
import { summaryFromCounters, type CounterPlan } from './summary-from-counters';
import { checkpointFor, checkpointTables, CORRECTION_LIMIT, correctionUpTo, dayStart, makeCheckpoint, ROWS_CHEAPER } from './summary-checkpoints';
import { pipelinesBatches } from '../projection/batch-transaction';
import { changedDays, MAX_RUNGS, MIN_SPACING, outwardFrom, placeRungs } from './checkpoint-ladder';

const DAY_MS = 86_400_000;
/** Days waiting to be made beyond which the oldest wishes are dropped (each is one checkpoint's work). */
const MAX_WAITING = 6;

/**
 * As-of answers from summary checkpoints (summary-checkpoints.ts), and the checkpoints made for them
 * in the background, one at a time, so that the first question about a day finds one near it:
 *
 * - a question answered from another day's checkpoint (or from the rows) asks for its own day's, and
 *   for the days either side of it (the next question about that day, or the next one stepped to,
 *   reads a checkpoint of its own instead of a correction of a day: ~2,400 cases at 100,000 cases of
 *   the synthetic history, 0.3–0.6 s at load 8);
 * - after each UTC day boundary passes, the new day's start is made while as-of questions are being
 *   asked at all (a checkpoint exists), so questions about today start from one;
 * - once those are made, the ladder's rungs that are missing (checkpoint-ladder.ts: spread over the
 *   whole history by changed cases, planned once per process and again each new day), outward from
 *   the day asked, so that a day nobody asked about is a few days' correction away, not the rows.
 *
 * Each is made from the nearest checkpoint and the cases between when few enough differ
 * (makeCheckpoint), not by counting every version again. A correction of more than ROWS_CHEAPER cases
 * is not run: the rows answer instead (as when there is no checkpoint at all).
 */
export class AsOfSummaries {
  enabled = true;
  /** The ladder's bounds (checkpoint-ladder.ts): tests narrow the spacing for their small histories; 0 rungs, no ladder. */
  ladder = { maxRungs: MAX_RUNGS, minSpacing: MIN_SPACING };
  private readonly waiting: Array<{ at: Date; again: boolean }> = [];
  private working: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /**
   * The ladder's rungs, planned from the history before the first checkpoint is made (null: not yet),
   * and again each new day (`replan`): every checkpoint made keeps them, so none is made before.
   */
  private rungs: Date[] | null = null;
  private replan = false;
  /** Rungs still to look at, nearest the day that asked first. */
  private climbing: Date[] = [];
  /** Where the last question that asked for checkpoints was (the ladder is made outward from it). */
  private lastAsked: Date | null = null;

  constructor(private readonly db: ReadDb) {}

  /** The answer from the checkpoint nearest `source.at`, or null when the rows answer more cheaply (none, or too far). */
  async answer(run: Run, plan: CounterPlan, source: ReadSource): Promise<FollowUpSummary | null> {
    const { checkpoint } = await checkpointFor(run, source.at);
    const day = dayStart(source.at);
    const around = [day, new Date(day.getTime() + DAY_MS), new Date(day.getTime() - DAY_MS)];
    if (checkpoint === null) {
      this.make(around);
      return null;
    }
    // A checkpoint's read is small by construction: compiling it (JIT, for the planner's worst guess at the correction) cost more than running it.
    await run(sql`SET LOCAL jit = off`);
    const corrected = await correctionUpTo(run, checkpoint, source.at, ROWS_CHEAPER, [...new Set([plan.grouping, plan.overallGrouping])]);
    const ownDay = checkpoint.at.getTime() === day.getTime();
    // Its own day's start again (at the read model's position) when late events made its correction long; else the days around it that are missing.
    const wanted = () => (ownDay && corrected !== null && corrected.cases > CORRECTION_LIMIT ? this.make([day], true) : this.make(around));
    if (corrected === null) {
      wanted();
      return null;
    }
    // Asked for once this answer is read: a checkpoint made beside it (its correction's statement, then every grouping's
    // counters on this thread) took the cores and the event loop the answer was waiting for.
    const { overall, buckets, position } = await summaryFromCounters(run, plan, source.at, sql`SELECT position FROM rm_checkpoints WHERE name = 'cases'`, checkpointTables(checkpoint.at, corrected.delta)).finally(wanted);
    return {
      asOf: source.at,
      current: false,
      position: String(position ?? 0),
      smallCellThreshold: null,
      overall: bucketFrom(overall, {}),
      buckets: buckets.map((b) => bucketFrom(b.figures, b.key)),
    };
  }

  /** Resolves when no checkpoint is being made or waiting to be (tests and the bench wait for it). */
  async idle(): Promise<void> {
    while (this.working) await this.working;
  }

  /** Makes the start of each new UTC day a minute after it begins, while checkpoints are in use. */
  start(now: () => number = Date.now): void {
    const next = () => {
      const wait = dayStart(new Date(now())).getTime() + DAY_MS + 60_000 - now();
      this.timer = setTimeout(() => {
        void this.newDay(now).finally(next);
      }, wait);
      this.timer.unref();
    };
    next();
  }

  /** Stops making checkpoints: the one being made finishes, nothing waiting or left on the ladder starts (a shutdown must not wait for the ladder). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopped = true;
    this.waiting.length = 0;
    this.climbing = [];
  }

  private stopped = false;

  private async newDay(now: () => number): Promise<void> {
    const [used] = ((await this.db.execute(sql`SELECT 1 AS used FROM rm_summary_checkpoints LIMIT 1`).catch(() => ({ rows: [] }))) as unknown as { rows: unknown[] }).rows;
    if (used) {
      this.replan = true;
      this.make([dayStart(new Date(now()))]);
    }
  }

  /** Asks for checkpoints at these instants (`again`: even if one is there), made one at a time; a failure only means a later question asks again. */
  private make(days: Date[], again = false): void {
    if (!this.enabled || this.stopped) return;
    this.lastAsked = days[0] ?? this.lastAsked;
    for (const at of days) if (!this.waiting.some((w) => w.at.getTime() === at.getTime())) this.waiting.push({ at, again });
    this.waiting.splice(0, Math.max(0, this.waiting.length - MAX_WAITING));
    if (this.working) return;
    this.working = (async () => {
      if (this.rungs === null || this.replan) await this.plan();
      for (let next = this.waiting.shift() ?? this.nextRung(); next && !this.stopped; next = this.waiting.shift() ?? this.nextRung()) {
        try {
          if (next.again || !(await this.made(next.at))) await makeCheckpoint(this.db, next.at, this.rungs ?? []);
        } catch {
          // The next question asks again.
        }
      }
    })().finally(() => {
      this.working = null;
    });
  }

  /** Plans the ladder (a failure: none until the next plan), to be made outward from the day asked last. */
  private async plan(): Promise<void> {
    this.replan = false;
    // The corrections find their cases by an index-only scan of (valid_from, case_id), index-only only on pages the
    // visibility map marks all-visible: nothing marks them where autovacuum is off (the bench's server) or after a bulk
    // rebuild (it only ANALYZEs), and the scan then visited a heap page per version (4,476 pages, 0.7–0.9 s at load 13,
    // for two days at 100,500 cases; 30 ms after). Once per plan (a process's first checkpoint, then each new day): a
    // VACUUM skips the pages already all-visible. PostgreSQL only (the embedded database's one connection would wait).
    if (pipelinesBatches(this.db)) await this.db.execute(sql`VACUUM rm_follow_up_versions`).catch(() => undefined);
    const run = async (query: Parameters<ReadDb['execute']>[0]) => ((await this.db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
    this.rungs = placeRungs(await changedDays(run).catch(() => []), this.ladder.maxRungs, this.ladder.minSpacing).rungs;
    this.climbing = outwardFrom(this.rungs, this.lastAsked ?? new Date());
  }

  /** The next rung to look at (made when it is not there). */
  private nextRung(): { at: Date; again: boolean } | undefined {
    const at = this.climbing.shift();
    return at ? { at, again: false } : undefined;
  }

  /** A checkpoint at exactly `at` that the read model has applied. */
  private async made(at: Date): Promise<boolean> {
    const result = (await this.db.execute(sql`SELECT 1 AS made FROM rm_summary_checkpoints WHERE at = ${at.toISOString()}::timestamptz
      AND position <= coalesce((SELECT position FROM rm_checkpoints WHERE name = 'cases'), 0)`)) as unknown as { rows: unknown[] };
    return result.rows.length > 0;
  }
}
