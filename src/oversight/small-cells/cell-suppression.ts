/**
 * Which figures of one elementary cell (one election, one regency or province, one month of
 * receipt) an anonymous caller may see. A figure is a set of persons; it is published when
 *  1. it is empty or holds at least `threshold` persons;
 *  2. for every published superset, and every family of disjoint published subsets of it, what is
 *     left after subtracting them is empty or at least `threshold` (complementary suppression:
 *     total minus the published stages, decided minus the statuses, a figure minus one inside it);
 *  3. every set holding it is published too, and a set equal to a withheld one is withheld.
 * Rule 3 makes every difference of two published figures within the cell a difference of nested
 * published sets, so rules 1–2 bound it; answers add cells up, and a sum of such terms is empty or
 * at least the threshold, whichever published figures, buckets or nested queries are subtracted.
 * Pure: sets are bit masks over the cell's persons.
 */

export interface CellFigure {
  name: string;
  mask: bigint;
  size: number;
}

export function publishedFigures(figures: readonly CellFigure[], threshold: number): Set<string> {
  const published = new Set(figures.filter((f) => f.size === 0 || f.size >= threshold).map((f) => f.name));
  const nonEmpty = figures.filter((f) => f.size > 0);
  const isSubset = (inner: CellFigure, outer: CellFigure) => (inner.mask & ~outer.mask) === 0n;
  for (let changed = true; changed; ) {
    changed = false;
    const withhold = (f: CellFigure) => {
      if (published.delete(f.name)) changed = true;
    };
    for (const f of nonEmpty) {
      if (published.has(f.name)) continue;
      for (const g of nonEmpty) if (published.has(g.name) && isSubset(g, f)) withhold(g); // rule 3, both halves
    }
    for (const outer of nonEmpty) {
      if (!published.has(outer.name)) continue;
      const inside = nonEmpty.filter((g) => g !== outer && published.has(g.name) && isSubset(g, outer) && g.mask !== outer.mask);
      const family = smallRemainder(outer.size, inside, threshold);
      if (family) withhold(family.reduce((a, b) => (b.size < a.size ? b : a)));
    }
  }
  return published;
}

/** A family of pairwise disjoint sets whose sizes leave 1..threshold−1 of `size`, or null. */
function smallRemainder(size: number, candidates: readonly CellFigure[], threshold: number): CellFigure[] | null {
  const chosen: CellFigure[] = [];
  const search = (from: number, union: bigint, sum: number): boolean => {
    for (let i = from; i < candidates.length; i++) {
      const g = candidates[i];
      if ((g.mask & union) !== 0n) continue;
      chosen.push(g);
      const left = size - sum - g.size;
      if (left > 0 && left < threshold) return true;
      if (search(i + 1, union | g.mask, sum + g.size)) return true;
      chosen.pop();
    }
    return false;
  };
  return search(0, 0n, 0) ? chosen : null;
}
