import { sql, type SQL } from 'drizzle-orm';
import type { ReadDb } from '../../storage/read-db';
import { casesColumn, COUNT_FIGURES, type BucketKey, type CounterDelta } from './summary-counters';

const COUNT_COLUMNS = COUNT_FIGURES.flatMap((f) => [f, casesColumn(f)]);
const KEY_COLUMNS = ['bucket', 'dims', 'election_kind', 'election_year', 'region', 'province', 'ppk', 'violation', 'waiting_on', 'kind'];
const q = (c: string) => `"${c}"`;
/** Each count column with its JSON field's text (`,"name":`), for the rows joined as text. */
const COUNT_FIELDS: Array<[string, string]> = COUNT_COLUMNS.map((c) => [c, `,${JSON.stringify(c)}:`]);

/** A bucket's key as the counter tables' columns (also the checkpoints', queries/summary-checkpoints.ts). */
export const keyCells = (k: BucketKey & { bucket: string }) => ({
  bucket: k.bucket,
  dims: k.grouping,
  election_kind: k.electionKind,
  election_year: k.electionYear,
  region: k.region,
  province: k.province,
  ppk: k.ppk,
  violation: k.violation,
  waiting_on: k.waitingOn,
  kind: k.kind,
});

/**
 * Applies a batch's counter changes inside the projection's transaction: counts are added, values
 * taken out and put in, and buckets left empty are deleted, so the tables hold exactly what a
 * recount of the rows gives (and a rebuild compares equal to the live read model). An overlap row
 * (kinds k1+k2…, summary-counters.ts) holds no persons, so a bucket is empty when it holds neither
 * persons nor cases (no case in the overlap means none in any of its figures). Two statements
 * per batch (four when something was taken out), each with one JSON parameter.
 */
export async function writeCounterDelta(tx: ReadDb, delta: CounterDelta): Promise<void> {
  for (const statement of counterDeltaStatements(delta)) await tx.execute(statement);
}

/** writeCounterDelta's statements, in order, for a caller that sends them with others (one-round-trip.ts). */
export function counterDeltaStatements(delta: CounterDelta): SQL[] {
  const statements: SQL[] = [];
  // A batch writes ~10 value rows per bucket: each bucket's key cells are put in JSON once (keyJson), and
  // the rows are joined as text, not built as objects first (the delta's JSON was 7 % of the main thread).
  const keys = new Map<string, string>();
  const keyJson = (r: BucketKey & { bucket: string }) => {
    let json = keys.get(r.bucket);
    if (json === undefined) keys.set(r.bucket, (json = JSON.stringify(keyCells(r)).slice(0, -1)));
    return json;
  };
  const counts = [...delta.counts.values()].filter((r) => Object.values(r.counts).some((n) => n !== 0));
  if (counts.length > 0) {
    const json = `[${counts.map((r) => `${keyJson(r)}${COUNT_FIELDS.map(([c, field]) => `${field}${r.counts[c] ?? 0}`).join('')}}`).join(',')}]`;
    const columns = [...KEY_COLUMNS, ...COUNT_COLUMNS].map(q).join(', ');
    statements.push(
      sql`INSERT INTO rm_summary_counts (${sql.raw(columns)}) SELECT ${sql.raw(columns)} FROM jsonb_populate_recordset(NULL::rm_summary_counts, ${json}::jsonb)
        ON CONFLICT (bucket) DO UPDATE SET ${sql.raw(COUNT_COLUMNS.map((c) => `${q(c)} = rm_summary_counts.${q(c)} + excluded.${q(c)}`).join(', '))}`,
    );
    // An overlap row of an even number of kinds counts −1 per case: it empties when its counts grow.
    const shrunk = counts.filter((r) => r.kind.includes('+') || Object.values(r.counts).some((n) => n < 0));
    if (shrunk.length > 0) statements.push(sql`DELETE FROM rm_summary_counts WHERE total = 0 AND cases = 0 AND bucket IN (SELECT jsonb_array_elements_text(${JSON.stringify(shrunk.map((r) => r.bucket))}::jsonb))`);
  }
  const values: string[] = [];
  const emptied: string[] = [];
  for (const r of delta.values.values()) {
    const added: number[] = [];
    const removed: number[] = [];
    for (const [v, times] of r.values) for (let i = 0; i < Math.abs(times); i++) (times > 0 ? added : removed).push(v);
    if (added.length === 0 && removed.length === 0) continue;
    const at = `"measure":${r.measure},"grain":${r.grain}`;
    values.push(`${keyJson(r)},${at},"n":${added.length - removed.length},"added":${JSON.stringify(added)},"removed":${JSON.stringify(removed)}}`);
    if (removed.length > 0) emptied.push(`{"bucket":${JSON.stringify(r.bucket)},${at}}`);
  }
  if (values.length === 0) return statements;
  // One upsert: a new row takes the values added, a stored one loses excluded.removed and gains excluded.vals.
  statements.push(sql`INSERT INTO rm_summary_values (bucket, dims, election_kind, election_year, region, province, ppk, violation, waiting_on, kind, measure, grain, n, vals, removed)
    SELECT d.bucket, d.dims, d.election_kind, d.election_year, d.region, d.province, d.ppk, d.violation, d.waiting_on, d.kind, d.measure, d.grain, d.n,
      ARRAY(SELECT v FROM unnest(d.added) AS v ORDER BY v), d.removed
    FROM jsonb_to_recordset(${`[${values.join(',')}]`}::jsonb) AS d(bucket text, dims smallint, election_kind text, election_year int, region text, province text,
      ppk text, violation text, waiting_on text, kind text, measure smallint, grain int, n int, added bigint[], removed bigint[])
    ON CONFLICT (bucket, measure, grain) DO UPDATE SET n = rm_summary_values.n + excluded.n,
      vals = ARRAY(SELECT v FROM (SELECT unnest(rm_summary_values.vals) AS v EXCEPT ALL SELECT unnest(excluded.removed) UNION ALL SELECT unnest(excluded.vals)) x ORDER BY v),
      removed = '{}'`);
  if (emptied.length > 0) {
    statements.push(sql`DELETE FROM rm_summary_values t USING jsonb_to_recordset(${`[${emptied.join(',')}]`}::jsonb)
      AS d(bucket text, measure smallint, grain int) WHERE t.bucket = d.bucket AND t.measure = d.measure AND t.grain = d.grain AND t.n = 0`);
  }
  return statements;
}
