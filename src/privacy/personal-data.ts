import { mapPersonal, type EventLike } from './personal-fields';
import { isSealed, seal, unseal } from './sealing';

/**
 * Sealing and opening the personal fields of events (the list is in personal-fields.ts): the write
 * side stores them only sealed with the case's data key; every read path opens them with the key,
 * and without it (destroyed: erased) they read as the erased marker.
 */

/** NRP and NIK are sealed like the NIP, each bound to its own kind of field (personal-fields.ts). */
const identifierContext = (field: 'nrp' | 'nik', caseId: string, respondentId: string) => `${field}:${caseId}:${respondentId}`;

/** The event as it is stored: every personal value sealed (values sealed already are kept). */
export function sealEvent<E extends EventLike>(event: E, key: Buffer): E {
  return mapPersonal(event, (value, field, caseId, item) => (isSealed(value) ? value : seal(key, value, field.context(caseId, item))));
}

/**
 * The event as a reader sees it: sealed values opened with `key`; without the key, or once the case
 * was erased (`erased`: also for values a store written before sealing holds as plaintext), the
 * erased marker.
 */
export function openEvent<E extends EventLike>(event: E, key: Buffer | null, erased = false): E {
  return mapPersonal(event, (value, field, caseId, item) => {
    if (erased) return field.erasedAs;
    if (!isSealed(value)) return value;
    return key ? unseal(key, value, field.context(caseId, item)) : field.erasedAs;
  });
}

/** A case's history opened for reading: all of it reads as erased when the history holds an erasure. */
export function openHistory<E extends EventLike>(events: readonly E[], key: Buffer | null): E[] {
  const erased = events.some((e) => e.type === 'PersonalDataErased');
  return events.map((e) => openEvent(e, key, erased));
}

/** The reporter, or null when there is none or the key was destroyed (erased). */
export function openReporter<D extends { reporter: unknown }>(data: D, key: Buffer | null): D['reporter'] | null {
  return openEvent({ type: 'CaseReported', data }, key).data.reporter;
}

/** A respondent's NRP or NIK, or null when there is none or the key was destroyed (erased). */
export function openIdentifier(
  field: 'nrp' | 'nik',
  caseId: string,
  respondentId: string,
  value: string | null | undefined,
  key: Buffer | null,
): string | null {
  if (value === null || value === undefined) return null;
  if (!isSealed(value)) return value;
  return key ? unseal<string>(key, value, identifierContext(field, caseId, respondentId)) : null;
}
