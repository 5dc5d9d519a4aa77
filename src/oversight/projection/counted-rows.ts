import type { CountedRow } from './summary-counters';

/**
 * Whether two sets of a case's follow-up rows count the same: every field the summary counters read
 * (CountedRow) equal, instants by their time (the stored rows come back as dates or text, the planned
 * ones as dates), the rows matched in any order. A case's contribution to the counters is a function
 * of these fields alone (summary-counters.ts), so when they are equal the batch's −1 and +1 cancel
 * exactly and the projection skips both: most steps rewrite a case's rows without moving a figure.
 */
export function sameCounted(before: readonly CountedRow[], after: readonly CountedRow[]): boolean {
  if (before.length !== after.length) return false;
  const unmatched = [...before];
  for (const row of after) {
    const i = unmatched.findIndex((old) => sameRow(old, row));
    if (i < 0) return false;
    unmatched.splice(i, 1);
  }
  return true;
}

const TEXT = ['employment', 'stage', 'waitingOn', 'followUpStatus', 'ppkTitle', 'provinceCode', 'regencyCode', 'electionKind', 'electionYear'] as const;
const INSTANTS = ['since', 'dueAt', 'recommendedAt', 'decidedAt', 'executedAt'] as const;

/** Every field of CountedRow is compared (caseId is the case's own): one added there fails to compile here until it is. */
type Compared = (typeof TEXT)[number] | (typeof INSTANTS)[number] | 'violations' | 'caseId';
export const EVERY_FIELD_COMPARED: Record<Exclude<keyof CountedRow, Compared>, never> = {};

function sameRow(a: CountedRow, b: CountedRow): boolean {
  for (const field of TEXT) if ((a[field] ?? null) !== (b[field] ?? null)) return false;
  for (const field of INSTANTS) if (instant(a[field]) !== instant(b[field])) return false;
  const x = a.violations ?? [];
  const y = b.violations ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

const instant = (d: Date | string | null | undefined): number | null => (d === null || d === undefined ? null : d instanceof Date ? d.getTime() : Date.parse(d));
