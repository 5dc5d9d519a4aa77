import { randomUUID } from 'node:crypto';
import type { Actor } from '../case/decide-context';
import type { AccessRead } from './access-audit';

/** The fields of a respondent that identify the person: what the access audit records as read (names, never values). */
export const PERSONAL_FIELDS = ['name', 'nip', 'nrp', 'nik', 'position', 'institution'] as const;

interface RespondentLike {
  caseId: string;
  respondentId: string;
  name: string | null;
  nip: string | null;
  nrp?: string | null;
  nik?: string | null;
  position: string | null;
  institution: string | null;
}

/** The reads a whole respondent answer makes: the personal fields it carries with a value. */
export function respondentReads(actor: Actor, via: string, request: string, respondents: readonly RespondentLike[], fields: readonly string[] = PERSONAL_FIELDS): AccessRead[] {
  return respondents.map((r) => ({
    actor,
    via,
    request,
    caseId: r.caseId,
    respondentId: r.respondentId,
    fields: fields.filter((f) => r[f as keyof RespondentLike] !== null && r[f as keyof RespondentLike] !== undefined),
  }));
}

const REQUESTS = new WeakMap<object, string>();

/** One id per request (its GraphQL context, or the call), so that a request's reads of a case are one record. */
export function requestKey(holder: object): string {
  let key = REQUESTS.get(holder);
  if (!key) REQUESTS.set(holder, (key = randomUUID()));
  return key;
}

export const newRequestKey = () => randomUUID();
