import type { CaseEvent } from './case-events';

/**
 * When an event took effect in the world: the date the agency recorded for its step (the decree's
 * date, not the day it was typed in). Overdue takes effect at the missed due time.
 */
export function occurredAt(event: CaseEvent): string {
  switch (event.type) {
    case 'CaseReported':
      return event.data.receivedAt;
    case 'CaseStudied':
      return event.data.studiedAt;
    case 'RecommendationIssued':
      return event.data.issuedAt;
    case 'SanctionDecided':
    case 'RespondentCleared':
      return event.data.decidedAt;
    case 'SanctionExecuted':
      return event.data.executedAt;
    case 'FollowUpDeclaredImpossible':
      return event.data.declaredAt;
    case 'PersonalDataErased':
      return event.data.erasedAt;
    case 'DeadlineExtended':
      return event.data.extendedAt;
    case 'FollowUpOverdue':
      return event.data.dueAt;
    case 'EscalationRecorded':
      return event.data.escalatedAt;
  }
}

/**
 * The instant from which a case's `n`-th event counts in "as of" figures: its own date, or the
 * latest date before it in the same case when that is later. The running maximum makes "the case as
 * of T" a prefix of its history, so asking about T never folds an event without one before it.
 */
export function effectiveFrom(previous: number | null, event: CaseEvent): number {
  const own = Date.parse(occurredAt(event));
  return previous === null ? own : Math.max(previous, own);
}
