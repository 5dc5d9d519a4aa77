import type { CaseEvent } from '../../case/case';
import { occurredAt } from '../../case/case-effective-time';
import { rulesOf } from '../../case/steps';
import type { RecordedEvent } from '../../event-store/event-store';

/**
 * A line of a case's timeline: when it happened in the world, and a short description without
 * personal data, in the words the event's step declares (its `timeline` in the step's folder).
 */
export function timelineEntry(event: CaseEvent): { occurredAt: string; description: string } {
  return { occurredAt: occurredAt(event), description: rulesOf(event).timeline.line(event) };
}

/** The one respondent an event is about, for the events that are about one (their step words a withheld line). */
export function respondentOf(event: CaseEvent): string | null {
  if (rulesOf(event).timeline.withheld === undefined) return null;
  return (event.data as { respondentId?: string | null }).respondentId ?? null;
}

/**
 * The line a caller reads about a respondent it may not see (case-access.ts `maySeeRespondent`):
 * what kind of step, and the respondent's id within the case — no PPK, letter, decree, sanction,
 * reason or legal basis, which name or place the person.
 */
export function withheldDescription(event: CaseEvent): string {
  return `${respondentOf(event)} (another respondent outside your region): ${rulesOf(event).timeline.withheld ?? event.type}`;
}

export const asCaseEvent = (event: RecordedEvent) => event as unknown as CaseEvent;
