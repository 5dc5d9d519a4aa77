import type { FollowUpSummary, SummaryBucket } from '../models/summary.model';

/**
 * The differences between a published answer and a recomputed one, as readable lines; none when
 * they agree. Buckets are matched by key (SQL and JavaScript sort text differently), and the fields
 * compared are those the published answer carries, so a partial GraphQL selection can be checked.
 */
export function compareSummaries(published: FollowUpSummary, recomputed: FollowUpSummary): string[] {
  const differences: string[] = [];
  if (String(published.position) !== String(recomputed.position)) differences.push(`position ${published.position} ≠ ${recomputed.position}`);
  if (published.overall) compareFields('overall', published.overall, recomputed.overall, differences);
  if (published.buckets) {
    const byKey = new Map(recomputed.buckets.map((b) => [keyText(b), b]));
    if (published.buckets.length !== recomputed.buckets.length) differences.push(`buckets: ${published.buckets.length} published, ${recomputed.buckets.length} recomputed`);
    for (const bucket of published.buckets) {
      const twin = byKey.get(keyText(bucket));
      if (twin) compareFields(`bucket ${keyText(bucket)}`, bucket, twin, differences);
      else differences.push(`bucket ${keyText(bucket)} is not in the recomputed figures`);
    }
  }
  return differences;
}

function keyText(bucket: SummaryBucket): string {
  return JSON.stringify(Object.entries(bucket.key ?? {}).filter(([, v]) => v !== null).sort());
}

function compareFields(path: string, published: object, recomputed: object, out: string[]): void {
  for (const [field, value] of Object.entries(published)) {
    const other = (recomputed as Record<string, unknown>)[field];
    if (JSON.stringify(normal(value)) !== JSON.stringify(normal(other))) out.push(`${path}.${field}: ${JSON.stringify(value)} ≠ ${JSON.stringify(other)}`);
  }
}

/** Dates as ISO text and objects with sorted keys, so a JSON answer and an in-memory one compare alike. */
function normal(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normal);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, normal(v)]));
  return value;
}
