import type { CaseReported, Reporter } from '../case/case-events';
import { isSealed, seal, unseal } from './sealing';

/**
 * Which fields of the events are personal data sealed with the case's key: the reporter's identity
 * and the respondents' NIP, NRP (TNI/Polri) and NIK (village). Names of respondents stay readable: officers
 * work with them.
 */

const reporterContext = (caseId: string) => `reporter:${caseId}`;
const nipContext = (caseId: string, respondentId: string) => `nip:${caseId}:${respondentId}`;
/** NRP and NIK are sealed like the NIP, each bound to its own kind of field. */
const identifierContext = (field: 'nrp' | 'nik', caseId: string, respondentId: string) => `${field}:${caseId}:${respondentId}`;

/** The event as it is stored: reporter and NIPs sealed. */
export function sealCaseReported(event: CaseReported, key: Buffer): CaseReported {
  const d = event.data;
  return {
    ...event,
    data: {
      ...d,
      reporter: d.reporter === null ? null : (seal(key, d.reporter, reporterContext(d.caseId)) as unknown as Reporter),
      respondents: d.respondents.map((r) => ({
        ...r,
        nip: r.nip === null ? null : seal(key, r.nip, nipContext(d.caseId, r.respondentId)),
        ...(typeof r.nrp === 'string' ? { nrp: seal(key, r.nrp, identifierContext('nrp', d.caseId, r.respondentId)) } : {}),
        ...(typeof r.nik === 'string' ? { nik: seal(key, r.nik, identifierContext('nik', d.caseId, r.respondentId)) } : {}),
      })),
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
