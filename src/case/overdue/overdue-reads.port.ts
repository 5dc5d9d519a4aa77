import type { CaseState } from '../case-state';

/** What the deadline process asks the read side; src/oversight implements it (queries/process-reads.ts). */
export const OVERDUE_READS = Symbol('OVERDUE_READS');

export interface OverdueReads {
  /** Folded states of at most `limit` cases with a waiting track past its due time and no overdue record for that due time. */
  overdueCases(now: Date, limit: number): Promise<CaseState[]>;
}
