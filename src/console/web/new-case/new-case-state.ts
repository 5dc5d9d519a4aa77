import { identifierOf } from '../respondent-kinds';
import { fromLocalInput, toLocalInput, zoneOf } from '../../../words/zones';

/** The new-case form as the officer fills it in; `reportCaseInput` turns it into the API's ReportCaseInput. */
export interface RespondentDraft {
  /** Only for React's list keys: respondents are added and removed. */
  key: number;
  name: string;
  /** NIP, NRP or NIK: which one follows the employment (respondent-kinds.ts). */
  nip: string;
  employment: string;
  position: string;
  institution: string;
  institutionRegionCode: string;
}

export interface NewCaseDraft {
  source: 'REPORT' | 'FINDING';
  electionKind: string;
  electionYear: string;
  electionRegionCode: string;
  handlingUnit: string;
  registerNumber: string;
  occurredAt: string;
  knownAt: string;
  receivedAt: string;
  place: string;
  summary: string;
  violations: string[];
  respondents: RespondentDraft[];
  evidence: string[];
  reporter: { name: string; address: string; phone: string; email: string };
}

let nextKey = 1;

export function emptyRespondent(): RespondentDraft {
  return { key: nextKey++, name: '', nip: '', employment: 'PNS', position: '', institution: '', institutionRegionCode: '' };
}

export function initialDraft(unit: string | null, now: Date): NewCaseDraft {
  const local = toLocalInput(now, zoneOf(unit));
  return {
    source: 'REPORT',
    // Chosen from the elections Netra knows (the `elections` query): none until the officer picks one.
    electionKind: '',
    electionYear: '',
    electionRegionCode: unit ?? '',
    handlingUnit: unit ?? '',
    registerNumber: '',
    occurredAt: '',
    knownAt: local,
    receivedAt: local,
    place: '',
    summary: '',
    violations: [],
    respondents: [emptyRespondent()],
    evidence: [],
    reporter: { name: '', address: '', phone: '', email: '' },
  };
}

/** Empty optional fields are left out, so the API's own defaults and rules apply. */
const optional = (key: string, value: string) => (value.trim() === '' ? {} : { [key]: value.trim() });

export function reportCaseInput(d: NewCaseDraft): Record<string, unknown> {
  const zone = zoneOf(d.handlingUnit);
  return {
    source: d.source,
    election: { kind: d.electionKind, year: Number(d.electionYear), regionCode: d.electionRegionCode.trim() },
    handlingUnit: d.handlingUnit.trim(),
    ...optional('registerNumber', d.registerNumber),
    ...optional('occurredAt', fromLocalInput(d.occurredAt, zone)),
    knownAt: fromLocalInput(d.knownAt, zone),
    receivedAt: fromLocalInput(d.receivedAt, zone),
    ...optional('place', d.place),
    summary: d.summary,
    violations: d.violations,
    respondents: d.respondents.map((r) => ({
      name: r.name,
      employment: r.employment,
      institution: r.institution,
      ...optional(identifierOf(r.employment), r.nip),
      ...optional('position', r.position),
      ...optional('institutionRegionCode', r.institutionRegionCode),
    })),
    evidence: d.evidence,
    // A temuan is Bawaslu's own: sending a reporter with it would be refused.
    ...(d.source === 'REPORT'
      ? {
          reporter: {
            name: d.reporter.name,
            ...optional('address', d.reporter.address),
            ...optional('phone', d.reporter.phone),
            ...optional('email', d.reporter.email),
          },
        }
      : {}),
  };
}
