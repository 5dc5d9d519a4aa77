import type { FollowUpSummary, SummaryBucket } from '../models/summary.model';

/**
 * The differences between a published answer and a recomputed one, as readable lines; none when
 * they agree. Only what the published answer carries is compared, so a partial GraphQL selection
 * can be checked; an answer without figures is refused rather than passed. Buckets are matched by
 * their dimension values (SQL and JavaScript sort text differently), list entries by their stage or
 * status.
 */
export function compareSummaries(published: Partial<FollowUpSummary>, recomputed: FollowUpSummary): string[] {
  if (!published.overall && !published.buckets) return ['the published answer holds no figures (select overall or buckets)'];
  const differences: string[] = [];
  for (const field of ['position', 'asOf', 'current'] as const) {
    if (published[field] !== undefined) compare(field, published[field], recomputed[field], differences);
  }
  if (published.overall) compare('overall', published.overall, recomputed.overall, differences);
  if (published.buckets) {
    const byKey = new Map(recomputed.buckets.map((b) => [keyText(b), b]));
    if (published.buckets.length !== recomputed.buckets.length) differences.push(`buckets: ${published.buckets.length} published, ${recomputed.buckets.length} recomputed`);
    for (const bucket of published.buckets) {
      const twin = byKey.get(keyText(bucket));
      if (twin) compare(`bucket ${keyText(bucket)}`, bucket, twin, differences);
      else differences.push(`bucket ${keyText(bucket)} is not in the recomputed figures`);
    }
  }
  return differences;
}

const DIMENSIONS = ['regionCode', 'ppk', 'violation', 'election', 'waitingOn', 'respondentKind'] as const;

function keyText(bucket: Partial<SummaryBucket>): string {
  const key = (bucket.key ?? {}) as Record<string, unknown>;
  return JSON.stringify(DIMENSIONS.filter((d) => key[d] !== null && key[d] !== undefined).map((d) => [d, key[d]]));
}

/** Field by field, as deep as the published value goes. */
function compare(path: string, published: unknown, recomputed: unknown, out: string[]): void {
  if (Array.isArray(published)) {
    const twins = Array.isArray(recomputed) ? recomputed : [];
    published.forEach((item, i) => {
      const id = entryId(item);
      const twin = id === null ? twins[i] : twins.find((other) => entryId(other) === id);
      compare(`${path}[${id ?? i}]`, item, twin, out);
    });
    return;
  }
  if (published !== null && typeof published === 'object' && !(published instanceof Date)) {
    const other = (recomputed ?? {}) as Record<string, unknown>;
    for (const [field, value] of Object.entries(published)) compare(`${path}.${field}`, value, other[field], out);
    return;
  }
  if (scalar(published) !== scalar(recomputed)) out.push(`${path}: ${JSON.stringify(published)} ≠ ${JSON.stringify(recomputed)}`);
}

/** byStage and byStatus entries are matched by what they count. */
function entryId(item: unknown): string | null {
  const entry = item as { stage?: string; status?: string } | null;
  return entry?.stage ?? entry?.status ?? null;
}

/** Dates as ISO text, so a JSON answer and an in-memory one compare alike. */
function scalar(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return new Date(value).toISOString();
  return value === undefined ? null : value;
}
