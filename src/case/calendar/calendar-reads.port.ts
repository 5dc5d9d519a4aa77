import type { CaseState } from '../case-state';

/** What the calendar process and its health check ask the read side; src/oversight implements it (queries/process-reads.ts). */
export const CALENDAR_READS = Symbol('CALENDAR_READS');

/** Due times whose working-day count runs through [from, to) (ISO instants), or those still provisional. */
export type RecountSelection = { from: string; to: string } | 'provisional';

export interface CalendarReads {
  /** Waits (at most `ms`) until the read model applied the log up to `position`; false when it did not get there. */
  waitFor(position: bigint, ms: number): Promise<boolean>;
  /** How many waiting tracks have a provisional due time. */
  provisionalDueTimes(): Promise<number>;
  /** Folded states of at most `limit` cases with a waiting, dated track in `selection`, in case id order after `after`. */
  recountPage(selection: RecountSelection, after: string, limit: number): Promise<CaseState[]>;
}
