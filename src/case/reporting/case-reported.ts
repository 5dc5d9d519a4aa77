import type { DeadlineApplied, Election, Reporter, RespondentRecord } from '../case-records';
import type { CaseSource, ViolationCode } from '../case-vocabulary';
import { formatWib } from '../deadlines/wib';
import type { EventRules } from '../step';
import { countedBy, ON_TIME } from '../track-change';

export interface CaseReported {
  type: 'CaseReported';
  data: {
    caseId: string;
    registerNumber: string;
    source: CaseSource;
    election: Election;
    handlingUnit: string;
    receivedAt: string;
    knownAt: string;
    occurredAt: string | null;
    place: string | null;
    summary: string;
    violations: ViolationCode[];
    respondents: RespondentRecord[];
    /** Present for a laporan (REPORT), null for a temuan (FINDING); stored sealed (src/privacy). */
    reporter: Reporter | null;
    evidence: string[];
    studyDueAt: string;
    studyDeadline: DeadlineApplied;
    /**
     * A finding Bawaslu registered from a laporan received after the reporting limit: when that
     * report came in. Absent (older events) or null for every other case.
     */
    originalReport?: { receivedAt: string; reference: string | null } | null;
  };
}

/** The report opens the case: every respondent's track starts at REPORTED, its study due. */
export const CASE_REPORTED: EventRules<CaseReported> = {
    occurredAt: (e) => e.data.receivedAt,
    sealed: [
      // The contexts of the reporter and the NIP are the ones sealed since the first version.
      { path: 'reporter', erasedAsNull: true },
      { path: 'respondents.*.nip', erasedAsNull: true, context: 'nip' },
      // NRP (TNI/Polri) and NIK (village): identifiers like the NIP, each bound to its own kind of field.
      { path: 'respondents.*.nrp', erasedAsNull: true, context: 'nrp' },
      { path: 'respondents.*.nik', erasedAsNull: true, context: 'nik' },
      { path: 'respondents.*.name' },
      { path: 'respondents.*.position' },
      { path: 'summary' },
      { path: 'place' },
      { path: 'evidence.*' },
    ],
    timeline: {
      name: { id: 'Laporan/temuan dicatat', en: 'Report or finding recorded' },
      line: ({ data: d }) => {
        const what = d.source === 'REPORT' ? 'Report (laporan) received' : 'Finding (temuan) recorded';
        const late = d.originalReport ? `, taken up from a report received out of time on ${formatWib(new Date(d.originalReport.receivedAt))}` : '';
        return `${what} by ${d.handlingUnit}, ${d.respondents.length} respondent(s)${late}`;
      },
      details: ({ data: d }) => ({ respondentIds: d.respondents.map((r) => r.respondentId), source: d.source, handlingUnit: d.handlingUnit, lateReport: d.originalReport ? true : false }),
    },
    tracks: () => null,
    opens: (e, version) => {
      const d = e.data;
      return {
        status: 'opened',
        caseId: d.caseId,
        registerNumber: d.registerNumber,
        source: d.source,
        election: d.election,
        handlingUnit: d.handlingUnit,
        receivedAt: d.receivedAt,
        knownAt: d.knownAt,
        occurredAt: d.occurredAt,
        place: d.place,
        summary: d.summary,
        violations: d.violations,
        evidence: d.evidence,
        hasReporter: d.reporter !== null,
        studiedAt: null,
        personalDataErasedAt: null,
        version,
        respondents: d.respondents.map((r) => ({
          ...r,
          stage: 'REPORTED',
          since: d.receivedAt,
          dueAt: d.studyDueAt,
          ...countedBy(d.studyDeadline),
          outcome: null,
          findingViolations: [],
          findingNote: null,
          recommendation: null,
          decision: null,
          execution: null,
          followUpStatus: null,
          impossibility: null,
          ...ON_TIME,
          escalation: null,
          siasnBlocked: false,
          trackVersion: version,
        })),
      };
    },
};
