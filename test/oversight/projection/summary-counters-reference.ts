/* eslint-disable */
/**
 * The summary counters' addCase as it was before session 9 (commit 7f689fc), kept as the reference
 * that the faster one (src/oversight/projection/summary-counters.ts) must equal on any rows. Only the
 * algorithm is kept here (figures, keys, bucket ids, overlaps, values); the groupings, figures,
 * measures, grains and types are the module's own, which the faster version did not change.
 */
import { FOLLOW_UP_STATUSES, RESPONDENT_STAGES, type Employment } from '../../../src/case/case-vocabulary';
import { kindOf } from '../../../src/case/respondent-kinds';
import {
  casesColumn,
  emptyDelta,
  GROUP,
  GROUPINGS,
  grainOf,
  kindLabel,
  kindSets,
  MEASURE,
  type BucketKey,
  type CounterDelta,
  type CountedRow,
} from '../../../src/oversight/projection/summary-counters';

export { emptyDelta, type CounterDelta };

const ACTED_ON = new Set(['AS_RECOMMENDED', 'NOT_AS_RECOMMENDED']);
const ms = (d: Date | string | null | undefined) => (d === null || d === undefined ? null : d instanceof Date ? d.getTime() : Date.parse(d));

/** The count figures a person is in. */
function figuresOf(r: CountedRow): string[] {
  const out = ['total', `stage_${r.stage}`];
  if (r.followUpStatus) out.push(`status_${r.followUpStatus}`, 'decided');
  if (r.recommendedAt) out.push('recommended');
  if (r.followUpStatus && ACTED_ON.has(r.followUpStatus)) out.push('acted_on');
  if (r.waitingOn) out.push('waiting');
  return out;
}

/** The keys a person is counted under in one grouping: one per violation code (as SQL's unnest), none without violations. */
function keysOf(r: CountedRow, grouping: number): BucketKey[] {
  const base = {
    grouping,
    electionKind: grouping & GROUP.ELECTION ? r.electionKind : '',
    electionYear: grouping & GROUP.ELECTION ? r.electionYear : 0,
    region: grouping & GROUP.REGION ? (r.regencyCode ?? r.provinceCode) : '',
    province: grouping & (GROUP.REGION | GROUP.PROVINCE) ? r.provinceCode : '',
    ppk: grouping & GROUP.PPK ? (r.ppkTitle ?? '') : '',
    waitingOn: grouping & GROUP.WAITING_ON ? (r.waitingOn ?? '') : '',
    kind: kindOf(r.employment as Employment),
  };
  if (!(grouping & GROUP.VIOLATION)) return [{ ...base, violation: '' }];
  return r.violations.map((violation) => ({ ...base, violation }));
}

export const bucketId = (k: BucketKey) =>
  [k.grouping, k.electionKind, k.electionYear, k.region, k.province, k.ppk, k.violation, k.waitingOn, k.kind].join('\u001f');

/**
 * Adds `sign` × the contribution of one case (all its follow-up rows) to `delta`. The projection
 * calls it with −1 for the rows before a batch and +1 for the rows after it.
 */
export function addCase(delta: CounterDelta, rows: readonly CountedRow[], sign: 1 | -1): void {
  for (const grouping of GROUPINGS) {
    // Per bucket of this case: persons per figure, the figures any person is in (cases), the earliest due time.
    const buckets = new Map<string, CaseBucket>();
    for (const r of rows) {
      const figures = figuresOf(r);
      const executed = ms(r.executedAt);
      const decided = ms(r.decidedAt);
      const due = r.waitingOn ? ms(r.dueAt) : null;
      for (const key of keysOf(r, grouping)) {
        const id = bucketId(key);
        let b = buckets.get(id);
        if (!b) buckets.set(id, (b = { key, persons: new Map(), earliestDue: null }));
        for (const f of figures) b.persons.set(f, (b.persons.get(f) ?? 0) + 1);
        if (executed !== null && decided !== null) addValue(delta, key, id, MEASURE.EXECUTE, executed - decided, sign);
        if (r.waitingOn) addValue(delta, key, id, MEASURE.SINCE, ms(r.since)!, sign);
        if (due !== null) {
          addValue(delta, key, id, MEASURE.DUE, due, sign);
          b.earliestDue = b.earliestDue === null ? due : Math.min(b.earliestDue, due);
        }
      }
    }
    for (const [id, b] of buckets) {
      let row = delta.counts.get(id);
      if (!row) delta.counts.set(id, (row = { ...b.key, bucket: id, counts: {} }));
      for (const [figure, persons] of b.persons) {
        row.counts[figure] = (row.counts[figure] ?? 0) + sign * persons;
        row.counts[casesColumn(figure)] = (row.counts[casesColumn(figure)] ?? 0) + sign;
      }
      if (b.earliestDue !== null) addValue(delta, b.key, id, MEASURE.CASE_DUE, b.earliestDue, sign);
    }
    addOverlaps(delta, buckets.values(), sign);
  }
}

interface CaseBucket {
  key: BucketKey;
  persons: Map<string, number>;
  earliestDue: number | null;
}

/** The inclusion–exclusion rows of one case in one grouping: per bucket, every set of two or more of its kinds there. */
function addOverlaps(delta: CounterDelta, buckets: Iterable<CaseBucket>, sign: 1 | -1): void {
  const byPlace = new Map<string, CaseBucket[]>();
  for (const b of buckets) {
    const place = bucketId({ ...b.key, kind: '' });
    const list = byPlace.get(place);
    if (list) list.push(b);
    else byPlace.set(place, [b]);
  }
  for (const kinds of byPlace.values()) {
    if (kinds.length < 2) continue;
    for (let m = 1; m < 1 << kinds.length; m++) {
      const set = kinds.filter((_, i) => m & (1 << i));
      if (set.length < 2) continue;
      const odd = set.length % 2 === 1;
      const key = { ...set[0].key, kind: kindLabel(set.map((b) => b.key.kind)) };
      const id = bucketId(key);
      let row = delta.counts.get(id);
      if (!row) delta.counts.set(id, (row = { ...key, bucket: id, counts: {} }));
      for (const figure of set[0].persons.keys()) {
        if (!set.every((b) => (b.persons.get(figure) ?? 0) > 0)) continue;
        const column = casesColumn(figure);
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
  const id = `${bucket}\u001f${measure}\u001f${grain}`;
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
