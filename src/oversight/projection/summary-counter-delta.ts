import type { Employment } from '../../case/case-vocabulary';
import { kindOf } from '../../case/respondent-kinds';
import { casesColumn, GROUP, GROUPINGS, grainOf, kindLabel, MEASURE, type BucketKey, type CountedRow, type CounterDelta, emptyDelta } from './summary-counters';

/**
 * A case's contribution to the summary counters (summary-counters.ts says what they are): addCase
 * adds it with a sign, countAll counts a whole set of rows from nothing.
 */

const ACTED_ON = new Set(['AS_RECOMMENDED', 'NOT_AS_RECOMMENDED']);
const ms = (d: Date | string | null | undefined) => (d === null || d === undefined ? null : d instanceof Date ? d.getTime() : Date.parse(d));

/** What `addCase` reads of a row, worked out once per row instead of once per grouping. */
interface Prepared {
  figures: string[];
  /** executed − decided, when both are set. */
  execute: number | null;
  waiting: boolean;
  /** The start of the wait (read when waiting). */
  since: number | null;
  /** The due time, when waiting and set. */
  due: number | null;
  kind: string;
  electionKind: string;
  electionYear: number;
  region: string | null | undefined;
  province: string;
  ppk: string;
  waitingOn: string;
  violations: readonly string[];
}

/** The count figures a person is in. */
function figuresOf(r: CountedRow): string[] {
  const out = ['total', `stage_${r.stage}`];
  if (r.followUpStatus) out.push(`status_${r.followUpStatus}`, 'decided');
  if (r.recommendedAt) out.push('recommended');
  if (r.followUpStatus && ACTED_ON.has(r.followUpStatus)) out.push('acted_on');
  if (r.waitingOn) out.push('waiting');
  return out;
}

const kinds = new Map<string, string>();
const kindOfEmployment = (employment: string) => {
  let kind = kinds.get(employment);
  if (kind === undefined) kinds.set(employment, (kind = kindOf(employment as Employment)));
  return kind;
};

function prepare(r: CountedRow): Prepared {
  const executed = ms(r.executedAt);
  const decided = ms(r.decidedAt);
  return {
    figures: figuresOf(r),
    execute: executed !== null && decided !== null ? executed - decided : null,
    waiting: !!r.waitingOn,
    since: r.waitingOn ? ms(r.since) : null,
    due: r.waitingOn ? ms(r.dueAt) : null,
    kind: kindOfEmployment(r.employment),
    electionKind: r.electionKind,
    electionYear: r.electionYear,
    region: r.regencyCode ?? r.provinceCode,
    province: r.provinceCode,
    ppk: r.ppkTitle ?? '',
    waitingOn: r.waitingOn ?? '',
    violations: r.violations,
  };
}

/** The key a person is counted under in one grouping (`violation` only with GROUP.VIOLATION). */
function keyOf(p: Prepared, grouping: number, violation: string): BucketKey {
  return {
    grouping,
    electionKind: grouping & GROUP.ELECTION ? p.electionKind : '',
    electionYear: grouping & GROUP.ELECTION ? p.electionYear : 0,
    region: grouping & GROUP.REGION ? (p.region as string) : '',
    province: grouping & (GROUP.REGION | GROUP.PROVINCE) ? p.province : '',
    ppk: grouping & GROUP.PPK ? p.ppk : '',
    violation,
    waitingOn: grouping & GROUP.WAITING_ON ? p.waitingOn : '',
    kind: p.kind,
  };
}

/** Array.join's text of a cell: null and undefined as nothing. */
const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : v);
const SEP = '\u001f';

export const bucketId = (k: BucketKey) => placeId(k) + cell(k.kind);
/** A bucket's id without its kind (bucketId = placeId + kind). */
const placeId = (k: BucketKey) =>
  `${k.grouping}${SEP}${cell(k.electionKind)}${SEP}${cell(k.electionYear)}${SEP}${cell(k.region)}${SEP}${cell(k.province)}${SEP}${cell(k.ppk)}${SEP}${cell(k.violation)}${SEP}${cell(k.waitingOn)}${SEP}`;

const CASES_COLUMNS = new Map<string, string>();
const casesColumnOf = (figure: string) => {
  let column = CASES_COLUMNS.get(figure);
  if (column === undefined) CASES_COLUMNS.set(figure, (column = casesColumn(figure)));
  return column;
};

/**
 * Adds `sign` × the contribution of one case (all its follow-up rows) to `delta`. The projection
 * calls it with −1 for the rows before a batch and +1 for the rows after it; an as-of answer from a
 * checkpoint (queries/summary-checkpoints.ts) only for the `groupings` it reads.
 */
export function addCase(delta: CounterDelta, rows: readonly CountedRow[], sign: 1 | -1, groupings: readonly number[] = GROUPINGS): void {
  if (rows.length === 0) return;
  const prepared = rows.map(prepare);
  const severalKinds = prepared.some((p) => p.kind !== prepared[0].kind);
  for (const grouping of groupings) {
    // Per bucket of this case: persons per figure, the figures any person is in (cases), the earliest due time.
    const buckets = new Map<string, CaseBucket>();
    for (const p of prepared) {
      const violations = grouping & GROUP.VIOLATION ? p.violations : NO_VIOLATION;
      for (const violation of violations) {
        const key = keyOf(p, grouping, violation);
        const place = placeId(key);
        const id = place + p.kind;
        let b = buckets.get(id);
        if (!b) buckets.set(id, (b = { key, place, persons: new Map(), earliestDue: null }));
        for (const f of p.figures) b.persons.set(f, (b.persons.get(f) ?? 0) + 1);
        if (p.execute !== null) addValue(delta, b.key, id, MEASURE.EXECUTE, p.execute, sign);
        if (p.waiting) addValue(delta, b.key, id, MEASURE.SINCE, p.since!, sign);
        if (p.due !== null) {
          addValue(delta, b.key, id, MEASURE.DUE, p.due, sign);
          b.earliestDue = b.earliestDue === null ? p.due : Math.min(b.earliestDue, p.due);
        }
      }
    }
    for (const [id, b] of buckets) {
      let row = delta.counts.get(id);
      if (!row) delta.counts.set(id, (row = { ...b.key, bucket: id, counts: {} }));
      const counts = row.counts;
      for (const [figure, persons] of b.persons) {
        const column = casesColumnOf(figure);
        counts[figure] = (counts[figure] ?? 0) + sign * persons;
        counts[column] = (counts[column] ?? 0) + sign;
      }
      if (b.earliestDue !== null) addValue(delta, b.key, id, MEASURE.CASE_DUE, b.earliestDue, sign);
    }
    // Overlap rows need two kinds in one bucket's place: never with one kind in the whole case.
    if (severalKinds) addOverlaps(delta, buckets.values(), sign);
  }
}

const NO_VIOLATION: readonly string[] = [''];

interface CaseBucket {
  key: BucketKey;
  /** bucketId of the key without its kind. */
  place: string;
  persons: Map<string, number>;
  earliestDue: number | null;
}

/** The inclusion–exclusion rows of one case in one grouping: per bucket, every set of two or more of its kinds there. */
function addOverlaps(delta: CounterDelta, buckets: Iterable<CaseBucket>, sign: 1 | -1): void {
  const byPlace = new Map<string, CaseBucket[]>();
  for (const b of buckets) {
    const list = byPlace.get(b.place);
    if (list) list.push(b);
    else byPlace.set(b.place, [b]);
  }
  for (const kinds of byPlace.values()) {
    if (kinds.length < 2) continue;
    for (let m = 1; m < 1 << kinds.length; m++) {
      const set = kinds.filter((_, i) => m & (1 << i));
      if (set.length < 2) continue;
      const odd = set.length % 2 === 1;
      const key = { ...set[0].key, kind: kindLabel(set.map((b) => b.key.kind)) };
      const id = set[0].place + key.kind;
      let row = delta.counts.get(id);
      if (!row) delta.counts.set(id, (row = { ...key, bucket: id, counts: {} }));
      for (const figure of set[0].persons.keys()) {
        if (!set.every((b) => (b.persons.get(figure) ?? 0) > 0)) continue;
        const column = casesColumnOf(figure);
        row.counts[column] = (row.counts[column] ?? 0) + (odd ? sign : -sign);
      }
      if (set.every((b) => b.earliestDue !== null)) {
        addValue(delta, key, id, odd ? MEASURE.CASE_DUE : MEASURE.CASE_DUE_EXCESS, Math.max(...set.map((b) => b.earliestDue!)), sign);
      }
    }
  }
}

function addValue(delta: CounterDelta, key: BucketKey, bucket: string, measure: number, value: number, sign: number): void {
  const grain = grainOf(key.grouping, value);
  const id = `${bucket}${SEP}${measure}${SEP}${grain}`;
  let row = delta.values.get(id);
  if (!row) delta.values.set(id, (row = { ...key, bucket, measure, grain, values: new Map() }));
  row.values.set(value, (row.values.get(value) ?? 0) + sign);
}

/** The counters of a whole set of rows, from nothing: what a recount (or a rebuild) gives. */
export function countAll(rows: readonly CountedRow[]): CounterDelta {
  const delta = emptyDelta();
  const byCase = new Map<string, CountedRow[]>();
  for (const r of rows) {
    const list = byCase.get(r.caseId);
    if (list) list.push(r);
    else byCase.set(r.caseId, [r]);
  }
  for (const caseRows of byCase.values()) addCase(delta, caseRows, 1);
  return delta;
}
