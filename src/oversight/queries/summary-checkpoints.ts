import { sql, type SQL } from 'drizzle-orm';
import type { ReadDb } from '../../storage/read-db';
import { addCase, casesColumn, COUNT_FIGURES, emptyDelta, type CounterDelta, type CountedRow } from '../projection/summary-counters';
import type { Run } from './guarded-read';
import { keyCells } from '../projection/summary-counter-writes';

/**
 * Summary checkpoints: the counters (projection/summary-counters.ts) of the follow-up versions valid
 * at a month's start M, as the read model knew them at log position P. An as-of answer at T reads the
 * latest checkpoint at or before T and corrects it by the cases whose versions differ between "valid
 * at M, known at P" and "valid at T, known now": those with a version that took effect in (M, T], and
 * those with a version made by an event after P that took effect by T — a late or back-dated event
 * (DOMAIN.md: effective time) never invalidates a checkpoint, it is one more case to correct. Per
 * such case the counters take out its rows at M as known at P and put in its rows at T, with the same
 * addCase as the projection, so the answer equals the row aggregation exactly.
 *
 * This works because a track's versions only ever grow at the end, in effective time as in the log
 * (case-effective-time.ts: instants never go back within a track): the version valid at M as known at
 * P is the last one made by P that took effect by M. A checkpoint is only read while the read model
 * has applied P (a rebuild starts with none: they are its tables, and the versions it writes up to P
 * are the same). An erasure rewrites a case's versions with the same instants, positions and figures.
 *
 * Checkpoints are made on demand, one at a time, in the background of an as-of answer that found
 * none at or before its instant (it aggregates the rows meanwhile) or had more than CORRECTION_LIMIT
 * cases to correct: then at the start of its day (UTC), so the next answer that day corrects less than
 * a day. At most MAX_CHECKPOINTS are kept; the one made longest ago goes first.
 */

/** Cases to correct beyond which a checkpoint is made at the start of the instant's day (the answer still uses the one it found). */
export const CORRECTION_LIMIT = 1_000;
export const MAX_CHECKPOINTS = 48;

export const monthStart = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
export const dayStart = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));

const COUNTED = `case_id, employment, stage, waiting_on, since, due_at, follow_up_status, recommended_at, decided_at, executed_at, violations, ppk_title, province_code, regency_code, election_kind, election_year`;
const KEY_COLUMNS = ['bucket', 'dims', 'election_kind', 'election_year', 'region', 'province', 'ppk', 'violation', 'waiting_on', 'kind'];
const COUNT_COLUMNS = COUNT_FIGURES.flatMap((f) => [f, casesColumn(f)]);
const q = (c: string) => `"${c}"`;
const COUNTS_SELECT = [...KEY_COLUMNS, ...COUNT_COLUMNS].map(q).join(', ');
const VALUES_SELECT = [...KEY_COLUMNS, 'measure', 'grain', 'n', 'vals', 'removed'].map(q).join(', ');

const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

function countedRow(r: Record<string, unknown>): CountedRow {
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

export interface Checkpoint {
  at: Date;
  position: bigint;
}

/** The latest checkpoint at or before `t` whose position the read model has applied, and the read model's position, in the read's snapshot. */
export async function checkpointFor(run: Run, t: Date): Promise<{ checkpoint: Checkpoint | null; position: unknown }> {
  const [row] = await run(sql`SELECT (SELECT position FROM rm_checkpoints WHERE name = 'cases') AS position,
      (SELECT json_build_object('at', k.at, 'position', k.position::text) FROM rm_summary_checkpoints k
        WHERE k.at <= ${t.toISOString()}::timestamptz AND k.position <= coalesce((SELECT position FROM rm_checkpoints WHERE name = 'cases'), 0)
        ORDER BY k.at DESC LIMIT 1) AS checkpoint`);
  const c = (typeof row.checkpoint === 'string' ? JSON.parse(row.checkpoint) : row.checkpoint) as { at: string; position: string } | null;
  return { checkpoint: c ? { at: new Date(c.at), position: BigInt(c.position) } : null, position: row.position };
}

/**
 * The counter changes from checkpoint `c` to the versions valid at `t` (t ≥ c.at), for `groupings`
 * only, and how many cases they correct. Two sets of rows of the same cases in one statement: valid
 * at t now (+1), and valid at c.at as known at c.position (−1).
 */
export async function correction(run: Run, c: Checkpoint, t: Date, groupings: readonly number[]): Promise<{ delta: CounterDelta; cases: number }> {
  const m = sql`${c.at.toISOString()}::timestamptz`;
  const at = sql`${t.toISOString()}::timestamptz`;
  const p = sql`${c.position.toString()}::bigint`;
  const columns = sql.raw(COUNTED.split(', ').map((col) => `v.${col}`).join(', '));
  // Each case's versions by its key (a nested loop per case, never a scan of every version); the cases from two index ranges.
  const rows = await run(sql`WITH d AS MATERIALIZED (
      SELECT case_id FROM rm_follow_up_versions WHERE valid_from > ${m} AND valid_from <= ${at}
      UNION SELECT case_id FROM rm_follow_up_versions WHERE log_position > ${p} AND valid_from <= ${at}
    )
    SELECT n.* FROM d CROSS JOIN LATERAL (
      SELECT 1 AS side, ${columns} FROM rm_follow_up_versions v
        WHERE v.case_id = d.case_id AND v.valid_from <= ${at} AND (v.valid_to IS NULL OR v.valid_to > ${at})
      UNION ALL
      (SELECT DISTINCT ON (v.respondent_id) -1 AS side, ${columns} FROM rm_follow_up_versions v
        WHERE v.case_id = d.case_id AND v.log_position <= ${p} AND v.valid_from <= ${m}
        ORDER BY v.respondent_id, v.case_version DESC)
    ) n`);
  const byCase = new Map<string, { now: CountedRow[]; then: CountedRow[] }>();
  for (const r of rows) {
    const id = String(r.case_id);
    let entry = byCase.get(id);
    if (!entry) byCase.set(id, (entry = { now: [], then: [] }));
    (Number(r.side) === 1 ? entry.now : entry.then).push(countedRow(r));
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
  const counts = [...delta.counts.values()].filter((r) => Object.values(r.counts).some((n) => n !== 0));
  const countsJson = JSON.stringify(counts.map((r) => ({ ...keyCells(r), ...Object.fromEntries(COUNT_COLUMNS.map((col) => [col, r.counts[col] ?? 0])) })));
  const values = [...delta.values.values()]
    .map((r) => {
      const added: number[] = [];
      const removed: number[] = [];
      for (const [v, times] of r.values) for (let i = 0; i < Math.abs(times); i++) (times > 0 ? added : removed).push(v);
      return { ...keyCells(r), measure: r.measure, grain: r.grain, n: added.length - removed.length, vals: added, removed };
    })
    .filter((r) => r.vals.length > 0 || r.removed.length > 0);
  return {
    // The correction once per statement (a CTE), not once per grain a sub-select reads.
    with: sql`WITH correction_counts AS MATERIALIZED (SELECT * FROM jsonb_populate_recordset(NULL::rm_summary_counts, ${countsJson}::jsonb)),
      correction_values AS MATERIALIZED (SELECT * FROM jsonb_populate_recordset(NULL::rm_summary_values, ${JSON.stringify(values)}::jsonb))`,
    counts: sql`(SELECT ${sql.raw(COUNTS_SELECT)} FROM rm_summary_checkpoint_counts WHERE at = ${m}
      UNION ALL SELECT ${sql.raw(COUNTS_SELECT)} FROM correction_counts)`,
    values: sql`(SELECT ${sql.raw(VALUES_SELECT)} FROM rm_summary_checkpoint_values WHERE at = ${m}
      UNION ALL SELECT ${sql.raw(VALUES_SELECT)} FROM correction_values)`,
    removals: true,
  };
}


/**
 * Makes (or makes again) the checkpoint at `at`: the counters of the versions valid then, at the read
 * model's position, in one repeatable-read transaction so the two agree. Returns the position, or
 * null when the read model has applied nothing.
 */
export async function makeCheckpoint(db: ReadDb, at: Date): Promise<bigint | null> {
  return db.transaction(
    async (tx) => {
      const run = async (query: SQL) => ((await (tx as unknown as ReadDb).execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
      const [head] = await run(sql`SELECT position::text AS position FROM rm_checkpoints WHERE name = 'cases'`);
      if (!head) return null;
      const m = sql`${at.toISOString()}::timestamptz`;
      const rows = await run(sql`SELECT ${sql.raw(COUNTED)} FROM rm_follow_up_versions WHERE tstzrange(valid_from, valid_to) @> ${m}`);
      const delta = await countYielding(rows.map(countedRow));
      await run(sql`DELETE FROM rm_summary_checkpoints WHERE at = ${m}`);
      await run(sql`DELETE FROM rm_summary_checkpoint_counts WHERE at = ${m}`);
      await run(sql`DELETE FROM rm_summary_checkpoint_values WHERE at = ${m}`);
      const tables = checkpointRows(delta);
      for (let i = 0; i < tables.counts.length; i += 2000) {
        await run(sql`INSERT INTO rm_summary_checkpoint_counts (at, ${sql.raw(COUNTS_SELECT)})
          SELECT ${m}, ${sql.raw(COUNTS_SELECT)} FROM jsonb_populate_recordset(NULL::rm_summary_counts, ${JSON.stringify(tables.counts.slice(i, i + 2000))}::jsonb)`);
      }
      for (let i = 0; i < tables.values.length; i += 2000) {
        await run(sql`INSERT INTO rm_summary_checkpoint_values (at, ${sql.raw(VALUES_SELECT)})
          SELECT ${m}, ${sql.raw(VALUES_SELECT)} FROM jsonb_populate_recordset(NULL::rm_summary_values, ${JSON.stringify(tables.values.slice(i, i + 2000))}::jsonb)`);
      }
      await run(sql`INSERT INTO rm_summary_checkpoints (at, position) VALUES (${m}, ${head.position as string}::bigint)`);
      // Positions only grow between rebuilds (which start with no checkpoint): the lowest was made longest ago.
      // The one just made always stays: on a quiet day every checkpoint has the same position, and ordering
      // by `at` among them dropped a new checkpoint of a later day at once, so each answer made it again.
      const gone = await run(sql`DELETE FROM rm_summary_checkpoints WHERE at IN (SELECT at FROM rm_summary_checkpoints WHERE at <> ${m}
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
