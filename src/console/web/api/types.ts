/** The shapes of src/schema.graphql the console reads (enums as strings: the labels know them). */

export interface Ppk {
  title: string;
  regionCode: string;
  regionName: string | null;
}

export interface FollowUp {
  respondentId: string;
  caseId: string;
  /** "Another respondent outside your region": identity, region, letters and sanctions are null. */
  identityWithheld: boolean;
  name: string | null;
  nip: string | null;
  nrp: string | null;
  nik: string | null;
  employment: string | null;
  position: string | null;
  institution: string | null;
  institutionRegionCode: string | null;
  stage: string;
  waitingOn: string | null;
  since: string;
  dueAt: string | null;
  dueAtProvisional: boolean;
  overdue: boolean;
  daysLate: number | null;
  daysWaiting: number | null;
  outcome: string | null;
  violations: string[];
  recommendationRecipient: string | null;
  recommendationLetter: string | null;
  recommendedAt: string | null;
  recommendedSanction: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionLetter: string | null;
  ppk: Ppk | null;
  ppkRegionCode: string | null;
  executedSanction: string | null;
  executedAt: string | null;
  decreeNumber: string | null;
  followUpStatus: string | null;
  impossibleReason: string | null;
  siasnBlocked: boolean | null;
  latestEscalation: { kind: string; letterNumber: string; escalatedAt: string; escalatedBy: string } | null;
}

/** A timeline line as data (TimelineDetails in src/schema.graphql); null on lines projected before it existed. */
export interface TimelineDetails {
  respondentIds: string[];
  withheld: boolean;
  actor: string | null;
  source: string | null;
  handlingUnit: string | null;
  handlingUnitName: string | null;
  lateReport: boolean | null;
  findings: Array<{ respondentId: string; outcome: string; violations: string[] }> | null;
  recipient: string | null;
  letterNumber: string | null;
  sanction: string | null;
  previousSanction: string | null;
  decreeNumber: string | null;
  previousDecreeNumber: string | null;
  ppkTitle: string | null;
  ppkRegionCode: string | null;
  ppkRegionName: string | null;
  followUpStatus: string | null;
  impossibilityReason: string | null;
  step: string | null;
  waitingOn: string | null;
  dueAt: string | null;
  previousDueAt: string | null;
  escalation: string | null;
  legalHoldOverridden: boolean | null;
  calendarYear: number | null;
  provisional: boolean | null;
  withdrawalReason: string | null;
}

export interface TimelineEntry {
  details: TimelineDetails | null;
  version: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  agency: string;
  unit: string | null;
  /** The officer who recorded it (token `name` claim); null where none was recorded. */
  actorName: string | null;
  description: string;
  /** An overdue record an OverdueWithdrawn says no longer stands. */
  withdrawn: boolean;
}

export interface Case {
  id: string;
  registerNumber: string;
  source: 'REPORT' | 'FINDING';
  stage: string;
  summary: string;
  violations: string[];
  evidence: string[];
  place: string | null;
  version: number;
  receivedAt: string;
  knownAt: string;
  occurredAt: string | null;
  handlingUnit: string;
  handlingUnitName: string | null;
  personalDataErasedAt: string | null;
  election: { kind: string; year: number; regionCode: string };
  /** null unless the caller is the handling Bawaslu unit (or above it): never guessed at. */
  reporter: { name: string; address: string | null; phone: string | null; email: string | null } | null;
  respondents: FollowUp[];
  timeline: TimelineEntry[];
}

export type QueueRow = Pick<FollowUp, 'respondentId' | 'caseId' | 'identityWithheld' | 'name' | 'institution' | 'stage' | 'dueAt' | 'dueAtProvisional' | 'overdue' | 'daysLate' | 'daysWaiting'> & {
  ppk: { title: string } | null;
};

export interface CaseHeader {
  id: string;
  registerNumber: string;
  handlingUnit: string;
  handlingUnitName: string | null;
}

/** The decree in force corrects an earlier one (correctSanctionExecution); `reason` is personal data, shown like a name. */
export interface DecreeCorrection {
  correctedBy: string;
  corrections: number;
  reason: string;
  replacedDecreeNumber: string;
}

// Merged into FollowUp above (declaration merging): set when the decree in force is a corrected one.
export interface FollowUp {
  decreeCorrection: DecreeCorrection | null;
}

/** One holiday of a calendar year: a WIB day written YYYY-MM-DD. */
export interface Holiday {
  date: string;
  kind: 'NATIONAL' | 'COLLECTIVE_LEAVE' | 'ELECTION_DAY';
  name: string;
}

/** A year of the holiday calendar (CalendarYear in src/schema.graphql); publishedAt null: from Netra's data file. */
export interface CalendarYear {
  year: number;
  status: 'COMPLETE' | 'PROVISIONAL';
  publishedAt: string | null;
  publishedBy: string | null;
  legalBasis: { decree: string; signedAt: string | null; source: string };
  holidays: Holiday[];
}

export interface CalendarPublication {
  calendarYear: CalendarYear;
  recomputedDueTimes: number;
  withdrawnOverdueRecords: number;
  replayed: boolean;
}
