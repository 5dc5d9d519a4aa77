/**
 * The arithmetic of published figures, shared by the read model's SQL answers and the independent
 * recomputation from raw events (src/oversight/figures/recompute.ts), so that both round alike.
 * Durations travel as whole milliseconds (exact in a double) and become days only here.
 */

export const DAY_MS = 86_400_000;

/** Days to one decimal. */
export function roundDays(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / DAY_MS) * 10) / 10;
}

/** Whole days passed. */
export function wholeDays(ms: number | null): number | null {
  return ms === null ? null : Math.floor(ms / DAY_MS);
}

/** A share to four decimals; null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null;
}

/**
 * PostgreSQL's `percentile_cont` over float8, step for step (orderedsetaggs.c): the values at rows
 * floor and ceil of p·(n−1), interpolated as lo + (hi − lo)·fraction.
 */
export function percentileCont(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const at = p * (sorted.length - 1);
  const first = Math.floor(at);
  const second = Math.ceil(at);
  const lo = sorted[first];
  if (first === second) return lo;
  return lo + (sorted[second] - lo) * (at - first);
}
