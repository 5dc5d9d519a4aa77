import { CASE_EVENT_TYPES as TYPES, type STEPS } from './steps';

export type { DeadlineApplied, Election, Ppk, Reporter, RespondentRecord } from './case-records';

/**
 * Every event of a case: the union of the events the steps in steps.ts declare, each in its own
 * folder. Events are plain data, named in the past tense, versioned by name (a breaking change gets `…V2`).
 */
export type CaseEvent = NonNullable<(typeof STEPS)[number]['types']>['event'];

export type CaseEventType = CaseEvent['type'];

export const CASE_EVENT_TYPES = TYPES as readonly CaseEventType[];

export const caseStreamId = (caseId: string) => `case-${caseId}`;
export const CASE_STREAM_PREFIX = 'case-';
