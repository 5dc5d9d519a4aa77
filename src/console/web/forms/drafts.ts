import { currentSession, onSessionChange } from '../auth/session';

/**
 * What an officer typed into a step form, kept in this tab's memory (never in storage: notes and
 * letter numbers are case data) until the step is sent or the officer signs out. Reloading a case
 * after a CONFLICT remounts its forms; they start from the draft rather than empty.
 */
const drafts = new Map<string, unknown>();
/** Per case and step: the version a form was based on when the server answered CONFLICT. */
const conflicts = new Map<string, number>();

onSessionChange(() => {
  if (!currentSession()) {
    drafts.clear();
    conflicts.clear();
  }
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
  conflicts.delete(`${caseId}/${step}`);
}

/** A step refused with CONFLICT: the version its form was based on, so the reloaded form can say what changed since. */
export function noteConflict(caseId: string, step: string, baseVersion: number): void {
  conflicts.set(`${caseId}/${step}`, baseVersion);
}

export function conflictBase(caseId: string, step: string): number | undefined {
  return conflicts.get(`${caseId}/${step}`);
}
