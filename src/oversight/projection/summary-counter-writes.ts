import { sql, type SQL } from 'drizzle-orm';
import type { ReadDb } from '../../storage/read-db';
import { casesColumn, COUNT_FIGURES, type BucketKey, type CounterDelta } from './summary-counters';

const COUNT_COLUMNS = COUNT_FIGURES.flatMap((f) => [f, casesColumn(f)]);
const KEY_COLUMNS = ['bucket', 'dims', 'election_kind', 'election_year', 'region', 'province', 'ppk', 'violation', 'waiting_on', 'kind'];
const q = (c: string) => `"${c}"`;

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
  const counts = [...delta.counts.values()].filter((r) => Object.values(r.counts).some((n) => n !== 0));
  if (counts.length > 0) {
    const json = JSON.stringify(counts.map((r) => ({ ...keyCells(r), ...Object.fromEntries(COUNT_COLUMNS.map((c) => [c, r.counts[c] ?? 0])) })));
    const columns = [...KEY_COLUMNS, ...COUNT_COLUMNS].map(q).join(', ');
    statements.push(
      sql`INSERT INTO rm_summary_counts (${sql.raw(columns)}) SELECT ${sql.raw(columns)} FROM jsonb_populate_recordset(NULL::rm_summary_counts, ${json}::jsonb)
        ON CONFLICT (bucket) DO UPDATE SET ${sql.raw(COUNT_COLUMNS.map((c) => `${q(c)} = rm_summary_counts.${q(c)} + excluded.${q(c)}`).join(', '))}`,
    );
    // An overlap row of an even number of kinds counts −1 per case: it empties when its counts grow.
    const shrunk = counts.filter((r) => r.kind.includes('+') || Object.values(r.counts).some((n) => n < 0));
    if (shrunk.length > 0) statements.push(sql`DELETE FROM rm_summary_counts WHERE total = 0 AND cases = 0 AND bucket IN (SELECT jsonb_array_elements_text(${JSON.stringify(shrunk.map((r) => r.bucket))}::jsonb))`);
  }
  const values = [...delta.values.values()]
    .map((r) => {
      const added: number[] = [];
      const removed: number[] = [];
      for (const [v, times] of r.values) for (let i = 0; i < Math.abs(times); i++) (times > 0 ? added : removed).push(v);
      return { ...keyCells(r), measure: r.measure, grain: r.grain, n: added.length - removed.length, added, removed };
    })
    .filter((r) => r.added.length > 0 || r.removed.length > 0);
  if (values.length === 0) return statements;
  // One upsert: a new row takes the values added, a stored one loses excluded.removed and gains excluded.vals.
  statements.push(sql`INSERT INTO rm_summary_values (bucket, dims, election_kind, election_year, region, province, ppk, violation, waiting_on, kind, measure, grain, n, vals, removed)
    SELECT d.bucket, d.dims, d.election_kind, d.election_year, d.region, d.province, d.ppk, d.violation, d.waiting_on, d.kind, d.measure, d.grain, d.n,
      ARRAY(SELECT v FROM unnest(d.added) AS v ORDER BY v), d.removed
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS d(bucket text, dims smallint, election_kind text, election_year int, region text, province text,
      ppk text, violation text, waiting_on text, kind text, measure smallint, grain int, n int, added bigint[], removed bigint[])
    ON CONFLICT (bucket, measure, grain) DO UPDATE SET n = rm_summary_values.n + excluded.n,
      vals = ARRAY(SELECT v FROM (SELECT unnest(rm_summary_values.vals) AS v EXCEPT ALL SELECT unnest(excluded.removed) UNION ALL SELECT unnest(excluded.vals)) x ORDER BY v),
      removed = '{}'`);
  const emptied = values.filter((r) => r.removed.length > 0).map((r) => [r.bucket, r.measure, r.grain]);
  if (emptied.length > 0) {
    statements.push(sql`DELETE FROM rm_summary_values t USING jsonb_to_recordset(${JSON.stringify(emptied.map(([bucket, measure, grain]) => ({ bucket, measure, grain })))}::jsonb)
      AS d(bucket text, measure smallint, grain int) WHERE t.bucket = d.bucket AND t.measure = d.measure AND t.grain = d.grain AND t.n = 0`);
  }
  return statements;
}
