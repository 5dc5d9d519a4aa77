import type { NewEvent } from '../../src/event-store/event-store';
import { seal } from '../../src/privacy/sealing';

/**
 * Events as Netra stored them before names and texts were sealed: only the reporter and the NIPs
 * sealed (with the contexts of that version), everything else in plaintext. Kept here, verbatim in
 * effect, so that a test can write such a store and bring it forward with the sealing copy.
 */
export function sealAsBefore(event: NewEvent, key: Buffer): NewEvent {
  if (event.type !== 'CaseReported') return event;
  const d = event.data as { caseId: string; reporter: unknown; respondents: Array<{ respondentId: string; nip: string | null }> };
  return {
    ...event,
    data: {
      ...event.data,
      reporter: d.reporter === null ? null : seal(key, d.reporter, `reporter:${d.caseId}`),
      respondents: d.respondents.map((r) => ({ ...r, nip: r.nip === null ? null : seal(key, r.nip, `nip:${d.caseId}:${r.respondentId}`) })),
    },
  };
}
