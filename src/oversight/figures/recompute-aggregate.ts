import type { Employment } from '../../case/case-vocabulary';
import { kindOf } from '../../case/respondent-kinds';
import { SummaryDimension, type SummaryBucket } from '../models/summary.model';
import { employmentsOf, figureFilter } from './figure-filter';
import type { FollowUpFilter } from '../queries/filters.input';
import { percentileCont } from './figure-math';
import { monthStart } from '../small-cells/months';
import { bucketFrom, type BucketFigures, type BucketKey, type Count } from './summary-buckets';

/** One respondent track as the recomputation sees it: plain facts folded from the events. */
export interface Person {
  caseId: string;
  stage: string;
  waitingOn: string | null;
  employment: string;
  since: number;
  dueAt: number | null;
  followUpStatus: string | null;
  recommended: boolean;
  decidedAt: number | null;
  executedAt: number | null;
  violations: readonly string[];
  ppk: string | null;
  ppkRegion: string | null;
  election: { kind: string; year: number };
  receivedAt: number;
  regionCode: string;
  provinceCode: string;
  regencyCode: string | null;
}

const within = (code: string | null, prefix: string) => code !== null && (code === prefix || code.startsWith(`${prefix}.`));
const isOverdue = (p: Person, at: number) => p.waitingOn !== null && p.dueAt !== null && p.dueAt < at;

/** The filter's conditions, written again over the folded facts (the read model's are SQL). */
export function matches(p: Person, f: FollowUpFilter, at: number): boolean {
  return (
    (!f.electionKind || p.election.kind === f.electionKind) &&
    (!f.electionYear || p.election.year === f.electionYear) &&
    (!f.regionPrefix || within(p.regionCode, f.regionPrefix)) &&
    (!f.ppkRegionPrefix || within(p.ppkRegion, f.ppkRegionPrefix)) &&
    (!f.violation || p.violations.includes(f.violation)) &&
    (!f.waitingOn || p.waitingOn === f.waitingOn) &&
    (f.overdue === undefined || f.overdue === null || isOverdue(p, at) === f.overdue) &&
    (!f.receivedFrom || p.receivedAt >= f.receivedFrom.getTime()) &&
    (!f.receivedTo || p.receivedAt <= f.receivedTo.getTime()) &&
    (!f.receivedFromMonth || p.receivedAt >= monthStart(f.receivedFromMonth, 'receivedFromMonth').getTime()) &&
    (!f.receivedToMonth || p.receivedAt < monthStart(f.receivedToMonth, 'receivedToMonth', true).getTime()) &&
    (!f.stage || p.stage === f.stage) &&
    (!f.followUpStatus || p.followUpStatus === f.followUpStatus) &&
    (!f.respondentKinds || employmentsOf(f.respondentKinds).includes(p.employment))
  );
}

/** The values a person is counted under for a dimension; several for violations (one per code). */
function valuesOf(p: Person, d: SummaryDimension): Array<string | null> {
  switch (d) {
    case SummaryDimension.REGION:
      return [p.regencyCode ?? p.provinceCode];
    case SummaryDimension.PROVINCE:
      return [p.provinceCode];
    case SummaryDimension.PPK:
      return [p.ppk || null];
    case SummaryDimension.VIOLATION:
      return [...p.violations];
    case SummaryDimension.ELECTION:
      return [`${p.election.kind} ${p.election.year}`];
    case SummaryDimension.WAITING_ON:
      return [p.waitingOn];
    case SummaryDimension.RESPONDENT_KIND:
      return [kindOf(p.employment as Employment)];
  }
}

function keysOf(p: Person, dims: SummaryDimension[]): BucketKey[] {
  return dims.reduce<BucketKey[]>((keys, d) => keys.flatMap((key) => valuesOf(p, d).map((v) => ({ ...key, [d]: v }))), [{}]);
}

export function aggregate(all: Person[], groupBy: SummaryDimension[], filter: FollowUpFilter, asOf: Date): { overall: SummaryBucket; buckets: SummaryBucket[] } {
  const at = asOf.getTime();
  const persons = all.filter((p) => matches(p, figureFilter(filter), at));
  const dims = [...new Set(groupBy)];
  const groups = new Map<string, { key: BucketKey; persons: Person[] }>();
  if (dims.length > 0) {
    for (const p of persons) {
      for (const key of keysOf(p, dims)) {
        const id = JSON.stringify(dims.map((d) => key[d]));
        const group = groups.get(id) ?? { key, persons: [] };
        group.persons.push(p);
        groups.set(id, group);
      }
    }
  }
  return {
    overall: bucketFrom(figures(persons, at), {}),
    buckets: [...groups.values()].map(({ key, persons: members }) => bucketFrom(figures(members, at), key)),
  };
}

function count(persons: Person[], predicate: (p: Person) => boolean): Count {
  const chosen = persons.filter(predicate);
  return { persons: chosen.length, cases: new Set(chosen.map((p) => p.caseId)).size };
}

const sorted = (values: number[]) => values.sort((a, b) => a - b);

function figures(persons: Person[], at: number): BucketFigures {
  const by = (field: 'stage' | 'followUpStatus') => {
    const values = new Set(persons.map((p) => p[field]).filter((v): v is string => v !== null));
    return new Map([...values].map((v) => [v, count(persons, (p) => p[field] === v)]));
  };
  const executed = persons.filter((p) => p.executedAt !== null && p.decidedAt !== null);
  const toExecute = sorted(executed.map((p) => p.executedAt! - p.decidedAt!));
  const waiting = sorted(persons.filter((p) => p.waitingOn !== null).map((p) => at - p.since));
  const late = persons.filter((p) => isOverdue(p, at)).map((p) => at - p.dueAt!);
  return {
    total: count(persons, () => true),
    byStage: by('stage'),
    byStatus: by('followUpStatus'),
    recommended: count(persons, (p) => p.recommended),
    decided: count(persons, (p) => p.followUpStatus !== null),
    actedOn: count(persons, (p) => p.followUpStatus === 'AS_RECOMMENDED' || p.followUpStatus === 'NOT_AS_RECOMMENDED'),
    waiting: count(persons, (p) => p.waitingOn !== null),
    overdue: count(persons, (p) => isOverdue(p, at)),
    executeMs: { median: percentileCont(toExecute, 0.5), p90: percentileCont(toExecute, 0.9) },
    waitingMs: { median: percentileCont(waiting, 0.5), p90: percentileCont(waiting, 0.9) },
    maxLateMs: late.length > 0 ? late.reduce((max, ms) => Math.max(max, ms)) : null,
  };
}
