import { FOLLOW_UP_STATUSES, RESPONDENT_STAGES } from '../../case/case-vocabulary';
import { regionName } from '../../case/validation/regions';
import { SummaryDimension, type SummaryBucket } from '../models/summary.model';
import { rate, roundDays, wholeDays } from './figure-math';

/** Persons and the distinct cases they belong to. */
export interface Count {
  persons: number;
  cases: number;
}

/**
 * The raw figures of one bucket, as the read model's SQL or the recomputation from events produce
 * them: counts, and durations in whole milliseconds. `bucketFrom` shapes both alike.
 */
export interface BucketFigures {
  total: Count;
  byStage: ReadonlyMap<string, Count>;
  byStatus: ReadonlyMap<string, Count>;
  recommended: Count;
  decided: Count;
  actedOn: Count;
  waiting: Count;
  overdue: Count;
  executeMs: { median: number | null; p90: number | null };
  waitingMs: { median: number | null; p90: number | null };
  maxLateMs: number | null;
}

export type BucketKey = Partial<Record<SummaryDimension, string | null>>;

const none: Count = { persons: 0, cases: 0 };

export function bucketFrom(f: BucketFigures, key: BucketKey): SummaryBucket {
  const region = key.REGION ?? key.PROVINCE ?? null;
  return {
    key: {
      regionCode: region,
      regionName: region ? regionName(region) ?? null : null,
      ppk: key.PPK ?? null,
      violation: key.VIOLATION ?? null,
      election: key.ELECTION ?? null,
      waitingOn: key.WAITING_ON ?? null,
      respondentKind: key.RESPONDENT_KIND ?? null,
    },
    total: f.total.persons,
    cases: f.total.cases,
    byStage: RESPONDENT_STAGES.map((stage) => ({ stage, count: (f.byStage.get(stage) ?? none).persons, cases: (f.byStage.get(stage) ?? none).cases })),
    byStatus: FOLLOW_UP_STATUSES.map((status) => ({ status, count: (f.byStatus.get(status) ?? none).persons, cases: (f.byStatus.get(status) ?? none).cases })),
    recommended: f.recommended,
    decided: f.decided,
    actedOn: f.actedOn,
    waiting: f.waiting,
    overdue: f.overdue.persons,
    overdueCases: f.overdue.cases,
    actedOnRate: rate(f.actedOn.persons, f.decided.persons),
    medianDaysToExecute: roundDays(f.executeMs.median),
    p90DaysToExecute: roundDays(f.executeMs.p90),
    medianDaysWaiting: roundDays(f.waitingMs.median),
    p90DaysWaiting: roundDays(f.waitingMs.p90),
    maxDaysLate: wholeDays(f.maxLateMs),
    suppressed: [],
  };
}
