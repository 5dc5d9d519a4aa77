import { currentSession, onSessionChange } from '../auth/session';

/**
 * What an officer typed into a step form, kept in this tab's memory (never in storage: notes and
 * letter numbers are case data) until the step is sent or the officer signs out. Reloading a case
 * after a CONFLICT remounts its forms; they start from the draft rather than empty.
 */
const drafts = new Map<string, unknown>();

onSessionChange(() => {
  if (!currentSession()) drafts.clear();
});

/** One form of one case, for one respondent where the step is per respondent. */
export const draftKey = (caseId: string, step: string, respondentId?: string) => `${caseId}/${step}/${respondentId ?? ''}`;

export function readDraft<T>(key: string): T | undefined {
  return drafts.get(key) as T | undefined;
}

export function keepDraft(key: string, values: unknown): void {
  drafts.set(key, values);
}

/** A step sent: its forms on the case start afresh. */
export function discardDrafts(caseId: string, step: string): void {
  for (const key of drafts.keys()) if (key.startsWith(draftKey(caseId, step, ''))) drafts.delete(key);
}
