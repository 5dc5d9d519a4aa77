import { FOLLOW_UP_STATUSES, RESPONDENT_STAGES } from '../../case/case-vocabulary';
import { RESPONDENT_KINDS } from '../../case/respondent-kinds';
import type { followUps } from '../read-model/schema';
import { DAY_MS } from '../figures/figure-math';

/**
 * The counters `followUpSummary` reads instead of aggregating every follow-up row: for every
 * grouping (a subset of election, province or region, PPK, violation, agency waited on) and every
 * value of it, per respondent kind, the persons and distinct cases of each count, and the
 * distributions its percentiles, overdue counts and maximum lateness are read from.
 *
 * Pure: a case's contribution is a function of its follow-up rows alone, so the projection adds
 * the new contribution and subtracts the old one in the transaction that writes the rows. Distinct
 * cases stay exact because a case is counted once per bucket inside its own contribution.
 *
 * Every bucket is per respondent kind, and one case may have respondents of several kinds: summing
 * the kinds' distinct-case counts would count such a case once per kind (CI's property test,
 * seed 1475051532). So a case with persons of kinds T = {k1, k2, …} in a bucket also writes, for
 * every subset of T with two kinds or more, an overlap row (kind `k1+k2…`, no persons) holding
 * ±1 per case figure its kinds all share: inclusion–exclusion, so the sum over every kind set
 * inside the kinds asked for (kindSets) is the number of distinct cases.
 */

/** Grouping bits. REGION rows also carry the province (a regency lies in one province). */
export const GROUP = { ELECTION: 1, PROVINCE: 2, REGION: 4, PPK: 8, VIOLATION: 16, WAITING_ON: 32 } as const;

/** The finer dimensions: region level, PPK, violation, agency waited on. Election and kind split cases by nothing finer. */
const FINE = [GROUP.PROVINCE | GROUP.REGION, GROUP.PPK, GROUP.VIOLATION, GROUP.WAITING_ON];
const fineCount = (grouping: number) => FINE.filter((bit) => grouping & bit).length;

/**
 * Every grouping kept: by election or not, and by at most one finer dimension (PROVINCE and REGION
 * never both: REGION rows carry the province). Each grouping kept costs the projection a row write
 * per bucket a case moves in; combinations of two or more finer dimensions are rare questions and
 * aggregate the rows instead (summary-from-counters.ts).
 */
export const MAX_FINE = 1;
export const GROUPINGS: readonly number[] = Array.from({ length: 64 }, (_, m) => m).filter((m) => !(m & GROUP.PROVINCE && m & GROUP.REGION) && fineCount(m) <= MAX_FINE);
const KEPT = new Set(GROUPINGS);
export const isKept = (grouping: number) => KEPT.has(grouping);

/** The person and case counts, in this column order (the same names the row aggregation gives them). */
export const COUNT_FIGURES: readonly string[] = [
  'total',
  ...RESPONDENT_STAGES.map((s) => `stage_${s}`),
  ...FOLLOW_UP_STATUSES.map((s) => `status_${s}`),
  'recommended',
  'decided',
  'acted_on',
  'waiting',
];
/** Column name of a figure's case count: `total` pairs with `cases`. */
export const casesColumn = (figure: string) => (figure === 'total' ? 'cases' : `${figure}_cases`);

/**
 * Distributions: 0 days to execute (executed − decided, per person), 1 the start of the current wait
 * (since, per waiting person), 2 the due time (per waiting person with one), 3 per case the earliest
 * due time among its waiting persons in the bucket. Values are whole milliseconds, kept exactly,
 * split into grains so that a percentile reads the one grain its rank falls into. In an overlap row
 * (kinds k1+k2…) a case's value is the latest of its kinds' earliest due times (overdue in every one
 * of those kinds exactly when it lies before the instant asked about): under CASE_DUE for an odd number
 * of kinds, under 4 CASE_DUE_EXCESS, to be subtracted, for an even number.
 */
export const MEASURE = { EXECUTE: 0, SINCE: 1, DUE: 2, CASE_DUE: 3, CASE_DUE_EXCESS: 4 } as const;

/** The kind column of a set of kinds: single kinds as they are, overlaps joined by `+` in RESPONDENT_KINDS order. */
export const kindLabel = (kinds: Iterable<string>) => {
  const set = new Set(kinds);
  return RESPONDENT_KINDS.filter((k) => set.has(k)).join('+');
};

/** Every kind column a question about these kinds sums when it is not grouped by kind: each non-empty subset. */
export function kindSets(kinds: readonly string[]): string[] {
  const known = RESPONDENT_KINDS.filter((k) => kinds.includes(k));
  const out: string[] = [];
  for (let m = 1; m < 1 << known.length; m++) out.push(kindLabel(known.filter((_, i) => m & (1 << i))));
  return out;
}

/**
 * Grain width per grouping: a day where a bucket holds many persons (national, per election),
 * wider as the grouping gets finer, one grain for the finest (their buckets hold few persons).
 */
export function grainMs(grouping: number): number {
  const fine = fineCount(grouping);
  return fine === 0 ? DAY_MS : fine === 1 ? 8 * DAY_MS : fine === 2 ? 64 * DAY_MS : Number.POSITIVE_INFINITY;
}
export const grainOf = (grouping: number, value: number) => {
  const width = grainMs(grouping);
  return Number.isFinite(width) ? Math.floor(value / width) : 0;
};

/** The fields of a follow-up row the counters read (rm_follow_ups as followUpRow writes it). */
export type CountedRow = Pick<
  typeof followUps.$inferInsert,
  | 'caseId'
  | 'employment'
  | 'stage'
  | 'waitingOn'
  | 'since'
  | 'dueAt'
  | 'followUpStatus'
  | 'recommendedAt'
  | 'decidedAt'
  | 'executedAt'
  | 'violations'
  | 'ppkTitle'
  | 'provinceCode'
  | 'regencyCode'
  | 'electionKind'
  | 'electionYear'
>;

export interface BucketKey {
  grouping: number;
  electionKind: string;
  electionYear: number;
  region: string;
  province: string;
  ppk: string;
  violation: string;
  waitingOn: string;
  kind: string;
}

export interface CounterRow extends BucketKey {
  bucket: string;
  /** figure column → count (persons, and `…_cases` / `cases` for distinct cases). */
  counts: Record<string, number>;
}

export interface ValueRow extends BucketKey {
  bucket: string;
  measure: number;
  grain: number;
  /** Values added (positive multiplicity) or removed (negative), in no order. */
  values: Map<number, number>;
}

/** Additions minus removals, keyed by bucket (and measure/grain for values): what a batch writes. */
export interface CounterDelta {
  counts: Map<string, CounterRow>;
  values: Map<string, ValueRow>;
}

export const emptyDelta = (): CounterDelta => ({ counts: new Map(), values: new Map() });
