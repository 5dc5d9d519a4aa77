import { sql, type SQL } from 'drizzle-orm';
import type { ReadDb } from '../../storage/read-db';
import { emptyDelta, type CounterDelta, type CountedRow } from '../projection/summary-counters';
import { addCase } from '../projection/summary-counter-delta';
import type { Run } from './guarded-read';
import { COUNTED, countedRow, countedSelect, COUNTS_SELECT, deltaJson, VALUES_SELECT, writeCheckpointRows, writeCorrectedRows } from './checkpoint-rows';

/**
 * Summary checkpoints: the counters (projection/summary-counters.ts) of the follow-up versions valid
 * at an instant M (a day's start), as the read model knew them at log position P. An as-of answer at T
 * reads the checkpoint nearest T — before or after it — and corrects it by the cases whose versions
 * differ between "valid at M, known at P" and "valid at T, known now": those with a version that took
 * effect between M and T, and those with a version made by an event after P that took effect by the
 * later of the two — a late or back-dated event (DOMAIN.md: effective time) never invalidates a
 * checkpoint, it is one more case to correct. Per such case the counters take out its rows at M as
 * known at P and put in its rows at T, with the same addCase as the projection, so the answer equals
 * the row aggregation exactly.
 *
 * This works because a track's versions only ever grow at the end, in effective time as in the log
 * (case-effective-time.ts: instants never go back within a track): the version valid at M as known at
 * P is the last one made by P that took effect by M. A checkpoint is only read while the read model
 * has applied P (a rebuild starts with none: they are its tables, and the versions it writes up to P
 * are the same). An erasure rewrites a case's versions with the same instants, positions and figures.
 *
 * Checkpoints are made in the background (checkpoint-making.ts, summary-as-of.ts), from the nearest
 * one and the cases between when that is cheaper than counting every version again.
 */
/** Cases to correct beyond which a checkpoint is made at the start of the instant's day (the answer still uses the one it found). */
export const CORRECTION_LIMIT = 1_000;
/**
 * Cases to correct beyond which an answer aggregates the rows instead. At 100,000 cases, load 13: the
 * rows by region 2.4–3.7 s; a correction of 11,160 cases (six days of the synthetic history) 1.3–3.1 s.
 */
export const ROWS_CHEAPER = 12_000;
/** Checkpoints kept besides the ladder's rungs (checkpoint-ladder.ts, at most MAX_RUNGS more): ~4.5 MB each at 100,000 cases. */
export const MAX_CHECKPOINTS = 48;

export const monthStart = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
export const dayStart = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));

export interface Checkpoint {
  at: Date;
  position: bigint;
}

/**
 * The checkpoint to correct for an answer at `t`, among those whose position the read model has applied,
 * and the read model's position, in the read's snapshot: the latest at or before `t` when it is of
 * `t`'s day (less than a day to correct), else the nearer of it and the earliest after `t`.
 */
export async function checkpointFor(run: Run, t: Date): Promise<{ checkpoint: Checkpoint | null; position: unknown }> {
  const at = sql`${t.toISOString()}::timestamptz`;
  const applied = sql`k.position <= coalesce((SELECT position FROM rm_checkpoints WHERE name = 'cases'), 0)`;
  const [row] = await run(sql`SELECT (SELECT position FROM rm_checkpoints WHERE name = 'cases') AS position,
      (SELECT json_build_object('at', k.at, 'position', k.position::text) FROM rm_summary_checkpoints k
        WHERE k.at <= ${at} AND ${applied} ORDER BY k.at DESC LIMIT 1) AS before,
      (SELECT json_build_object('at', k.at, 'position', k.position::text) FROM rm_summary_checkpoints k
        WHERE k.at > ${at} AND ${applied} ORDER BY k.at LIMIT 1) AS after`);
  const parse = (v: unknown) => {
    const c = (typeof v === 'string' ? JSON.parse(v) : v) as { at: string; position: string } | null;
    return c ? { at: new Date(c.at), position: BigInt(c.position) } : null;
  };
  const before = parse(row.before);
  const after = parse(row.after);
  const distance = (c: Checkpoint) => Math.abs(c.at.getTime() - t.getTime());
  const checkpoint = before && (before.at >= dayStart(t) || !after || distance(before) <= distance(after)) ? before : after;
  return { checkpoint, position: row.position };
}

/**
 * The counter changes from checkpoint `c` to the versions valid at `t` (before or after c.at), for
 * `groupings` (all when absent), and how many cases they correct.
 */
export async function correction(run: Run, c: Checkpoint, t: Date, groupings?: readonly number[]): Promise<{ delta: CounterDelta; cases: number }> {
  return (await correctionUpTo(run, c, t, Number.MAX_SAFE_INTEGER, groupings))!;
}

/**
 * correction, or null when more than `limit` cases would be corrected (nothing read but their number).
 * Two sets of rows of the same cases in one statement: valid at t now (+1), and valid at c.at as known
 * at c.position (−1); a row on both sides comes once, marked for both.
 */
export async function correctionUpTo(run: Run, c: Checkpoint, t: Date, limit: number, groupings?: readonly number[]): Promise<{ delta: CounterDelta; cases: number } | null> {
  const m = sql`${c.at.toISOString()}::timestamptz`;
  const at = sql`${t.toISOString()}::timestamptz`;
  const [lo, hi] = c.at <= t ? [m, at] : [at, m];
  const p = sql`${c.position.toString()}::bigint`;
  const columns = sql.raw(countedSelect('v'));
  const none = sql.raw(COUNTED.split(', ').map(() => 'NULL').join(', '));
  const known = sql`v.log_position <= ${p} AND v.valid_from <= ${m}`;
  // Each case's versions by its key, once (an index scan per case, never a scan of every version), each marked for the
  // side it is on: valid at t now (+1), the last made by c.position that took effect by c.at (−1), or both (a track the
  // interval left alone: sent once). Two look-ups per case (the second a DISTINCT ON) read 40.9k buffers for 4,757 cases, this 21.8k.
  // The cases from two index ranges. Beyond `limit` cases, one row on neither side says so and no version is read.
  const rows = await run(sql`WITH d AS MATERIALIZED (
      SELECT case_id FROM rm_follow_up_versions WHERE valid_from > ${lo} AND valid_from <= ${hi}
      UNION SELECT case_id FROM rm_follow_up_versions WHERE log_position > ${p} AND valid_from <= ${hi}
    ), many AS MATERIALIZED (SELECT count(*) > ${limit} AS over FROM d)
    SELECT n.* FROM d CROSS JOIN LATERAL (
      SELECT x.* FROM (
        SELECT v.valid_from <= ${at} AND (v.valid_to IS NULL OR v.valid_to > ${at}) AS is_now,
          ${known} AND v.case_version = max(v.case_version) FILTER (WHERE ${known}) OVER (PARTITION BY v.respondent_id) AS is_then,
          ${columns}
        FROM rm_follow_up_versions v WHERE v.case_id = d.case_id AND v.valid_from <= ${hi}
      ) x WHERE x.is_now OR x.is_then
    ) n WHERE NOT (SELECT over FROM many)
    UNION ALL SELECT false AS is_now, false AS is_then, ${none} FROM many WHERE over`);
  if (rows.length === 1 && !rows[0].is_now && !rows[0].is_then) return null;
  const byCase = new Map<string, { now: CountedRow[]; then: CountedRow[] }>();
  for (const r of rows) {
    const id = String(r.case_id);
    let entry = byCase.get(id);
    if (!entry) byCase.set(id, (entry = { now: [], then: [] }));
    const row = countedRow(r);
    if (r.is_now) entry.now.push(row);
    if (r.is_then) entry.then.push(row);
  }
  const delta = emptyDelta();
  for (const { now, then } of byCase.values()) {
    addCase(delta, then, -1, groupings);
    addCase(delta, now, 1, groupings);
  }
  return { delta, cases: byCase.size };
}

/** The tables summaryFromCounters reads: the checkpoint's rows at `at` and the correction's, side by side (values taken out in `removed`). */
export function checkpointTables(at: Date, delta: CounterDelta): { with: SQL; counts: SQL; values: SQL; removals: boolean } {
  const m = sql`${at.toISOString()}::timestamptz`;
  const { counts, values } = deltaJson(delta);
  return {
    // The correction once per statement (a CTE), not once per grain a sub-select reads.
    with: sql`WITH correction_counts AS MATERIALIZED (SELECT * FROM jsonb_populate_recordset(NULL::rm_summary_counts, ${counts}::jsonb)),
      correction_values AS MATERIALIZED (SELECT * FROM jsonb_populate_recordset(NULL::rm_summary_values, ${values}::jsonb))`,
    counts: sql`(SELECT ${sql.raw(COUNTS_SELECT)} FROM rm_summary_checkpoint_counts WHERE at = ${m}
      UNION ALL SELECT ${sql.raw(COUNTS_SELECT)} FROM correction_counts)`,
    values: sql`(SELECT ${sql.raw(VALUES_SELECT)} FROM rm_summary_checkpoint_values WHERE at = ${m}
      UNION ALL SELECT ${sql.raw(VALUES_SELECT)} FROM correction_values)`,
    removals: true,
  };
}

/** Cases to correct up to which a checkpoint is made from the nearest one instead of counting every version valid at its instant. */
export const INCREMENTAL_LIMIT = 20_000;

/**
 * Makes (or makes again) the checkpoint at `at`: the counters of the versions valid then, at the read
 * model's position, in one repeatable-read transaction so the two agree — from the nearest other
 * checkpoint and the cases between (correction, every grouping: one day of the synthetic history at
 * 100,000 cases is ~2,400 cases) when at most INCREMENTAL_LIMIT cases differ, else by counting every
 * version valid at `at`. Beyond MAX_CHECKPOINTS the oldest made go, except the one just made and the
 * ladder's rungs (`rungs`, bounded apart). Returns the position, or null when the read model has applied nothing.
 */
export async function makeCheckpoint(db: ReadDb, at: Date, rungs: readonly Date[] = []): Promise<bigint | null> {
  return db.transaction(
    async (tx) => {
      const run = async (query: SQL) => ((await (tx as unknown as ReadDb).execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
      const [head] = await run(sql`SELECT position::text AS position FROM rm_checkpoints WHERE name = 'cases'`);
      if (!head) return null;
      const m = sql`${at.toISOString()}::timestamptz`;
      const { checkpoint: nearest } = await checkpointFor(run, at);
      const from = nearest && nearest.at.getTime() !== at.getTime() ? nearest : null;
      const corrected = from ? await correctionUpTo(run, from, at, INCREMENTAL_LIMIT) : null;
      const counted = corrected ? null : await countYielding((await run(sql`SELECT ${sql.raw(countedSelect('v'))} FROM rm_follow_up_versions v WHERE tstzrange(v.valid_from, v.valid_to) @> ${m}`)).map(countedRow));
      await run(sql`DELETE FROM rm_summary_checkpoints WHERE at = ${m}`);
      await run(sql`DELETE FROM rm_summary_checkpoint_counts WHERE at = ${m}`);
      await run(sql`DELETE FROM rm_summary_checkpoint_values WHERE at = ${m}`);
      if (corrected) await writeCorrectedRows(run, sql`${from!.at.toISOString()}::timestamptz`, m, corrected.delta);
      else await writeCheckpointRows(run, m, counted!);
      await run(sql`INSERT INTO rm_summary_checkpoints (at, position) VALUES (${m}, ${head.position as string}::bigint)`);
      // Positions only grow between rebuilds (which start with no checkpoint): the lowest was made longest ago.
      // The one just made always stays: on a quiet day every checkpoint has the same position, and ordering
      // by `at` among them dropped a new checkpoint of a later day at once, so each answer made it again.
      const kept = sql`ARRAY[${sql.join([m, ...rungs.map((r) => sql`${r.toISOString()}::timestamptz`)], sql`, `)}]`;
      const gone = await run(sql`DELETE FROM rm_summary_checkpoints WHERE at IN (SELECT at FROM rm_summary_checkpoints WHERE at <> ALL (${kept})
        ORDER BY position DESC, at DESC OFFSET ${MAX_CHECKPOINTS - 1}) RETURNING at`);
      for (const { at: old } of gone) {
        await run(sql`DELETE FROM rm_summary_checkpoint_counts WHERE at = ${new Date(old as string | Date).toISOString()}::timestamptz`);
        await run(sql`DELETE FROM rm_summary_checkpoint_values WHERE at = ${new Date(old as string | Date).toISOString()}::timestamptz`);
      }
      return BigInt(head.position as string);
    },
    { isolationLevel: 'repeatable read' },
  );
}

/** countAll's counters, letting the event loop run every 500 cases: a checkpoint is made beside the server's other work. */
async function countYielding(rows: readonly CountedRow[]): Promise<CounterDelta> {
  const byCase = new Map<string, CountedRow[]>();
  for (const r of rows) {
    const list = byCase.get(r.caseId);
    if (list) list.push(r);
    else byCase.set(r.caseId, [r]);
  }
  const delta = emptyDelta();
  let n = 0;
  for (const caseRows of byCase.values()) {
    addCase(delta, caseRows, 1);
    if (++n % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return delta;
}
