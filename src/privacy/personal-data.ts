import type { CaseReported, Reporter } from '../case/case-events';
import { isSealed, seal, unseal } from './sealing';

/**
 * Which fields of the events are personal data sealed with the case's key: the reporter's identity
 * and the respondents' NIP. Names of respondents stay readable: officers work with them.
 */

const reporterContext = (caseId: string) => `reporter:${caseId}`;
const nipContext = (caseId: string, respondentId: string) => `nip:${caseId}:${respondentId}`;

/** The event as it is stored: reporter and NIPs sealed. */
export function sealCaseReported(event: CaseReported, key: Buffer): CaseReported {
  const d = event.data;
  return {
    ...event,
    data: {
      ...d,
      reporter: d.reporter === null ? null : (seal(key, d.reporter, reporterContext(d.caseId)) as unknown as Reporter),
      respondents: d.respondents.map((r) => ({ ...r, nip: r.nip === null ? null : seal(key, r.nip, nipContext(d.caseId, r.respondentId)) })),
    },
  };
}

/** The reporter, or null when there is none or the key was destroyed (erased). */
export function openReporter(data: CaseReported['data'], key: Buffer | null): Reporter | null {
  if (data.reporter === null) return null;
  if (!isSealed(data.reporter)) return data.reporter;
  return key ? unseal<Reporter>(key, data.reporter, reporterContext(data.caseId)) : null;
}

/** A respondent's NIP, or null when there is none or the key was destroyed (erased). */
export function openNip(caseId: string, respondentId: string, nip: string | null, key: Buffer | null): string | null {
  if (nip === null || !isSealed(nip)) return nip;
  return key ? unseal<string>(key, nip, nipContext(caseId, respondentId)) : null;
}
