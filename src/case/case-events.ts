import type {
  Agency,
  CaseSource,
  DocumentContentType,
  DocumentKind,
  DeadlineStep,
  ElectionKind,
  EscalationKind,
  Employment,
  FollowUpStatus,
  ImpossibilityReason,
  RecommendationRecipient,
  SanctionKind,
  StudyOutcome,
  ViolationCode,
} from './case-vocabulary';

/** Events are plain data, named in the past tense, versioned by name (a breaking change gets `…V2`). */

export interface Election {
  kind: ElectionKind;
  year: number;
  /** Kemendagri code of the electoral area: a province or a regency/city. */
  regionCode: string;
}

export interface RespondentRecord {
  respondentId: string;
  name: string;
  /** NIP of an ASN (PNS, PPPK); sealed when stored, like NRP and NIK (src/privacy). */
  nip: string | null;
  /** NRP of a TNI or Polri member; absent in events recorded before respondents who are not ASN. */
  nrp?: string | null;
  /** NIK of a village head or official; absent in older events. */
  nik?: string | null;
  employment: Employment;
  position: string | null;
  institution: string;
  institutionRegionCode: string | null;
}

export interface Reporter {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

/** Which rule set a due date, so a later policy change never rewrites it. */
export interface DeadlineApplied {
  policyVersion: string;
  days: number;
  unit: 'CALENDAR' | 'WORKING';
  basis: string;
  /**
   * True when a working-day count ran through a year whose holiday decree was not in Netra's calendar:
   * the due time is recounted when that year is published (DueTimeRecomputed). Absent in older events.
   */
  provisional?: boolean;
}

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

export interface StudyFinding {
  respondentId: string;
  outcome: StudyOutcome;
  violations: ViolationCode[];
  note: string | null;
}

export interface CaseStudied {
  type: 'CaseStudied';
  data: {
    caseId: string;
    studiedAt: string;
    findings: StudyFinding[];
    /** Due date of the recommendation for respondents with a proven violation; null when there is none. */
    recommendationDueAt: string | null;
    recommendationDeadline: DeadlineApplied | null;
  };
}

export interface RecommendationIssued {
  type: 'RecommendationIssued';
  data: {
    caseId: string;
    respondentIds: string[];
    recipient: RecommendationRecipient;
    letterNumber: string;
    issuedAt: string;
    decisionDueAt: string;
    decisionDeadline: DeadlineApplied;
  };
}

export interface Ppk {
  /**
   * e.g. "Walikota Lubuk Linggau" — the regional head acting as Pejabat Pembina Kepegawaian; for a TNI or
   * Polri member the commander who punishes (e.g. "Dandim 0406/Lubuklinggau"), for a village respondent
   * the bupati/walikota.
   */
  title: string;
  regionCode: string;
}

export interface SanctionDecided {
  type: 'SanctionDecided';
  data: {
    caseId: string;
    respondentId: string;
    /** KASN/BKN for ASN; the TNI, Polri or the regional head (PPK) for the others (respondent-kinds.ts). */
    decidedBy: Extract<Agency, 'KASN' | 'BKN' | 'TNI' | 'POLRI' | 'PPK'>;
    letterNumber: string;
    decidedAt: string;
    sanction: SanctionKind;
    ppk: Ppk;
    dueAt: string;
    /** Null when the decision letter set the due date itself. */
    deadline: DeadlineApplied | null;
  };
}

export interface RespondentCleared {
  type: 'RespondentCleared';
  data: {
    caseId: string;
    respondentId: string;
    decidedBy: Extract<Agency, 'KASN' | 'BKN' | 'TNI' | 'POLRI' | 'PPK'>;
    letterNumber: string;
    decidedAt: string;
  };
}

export interface SanctionExecuted {
  type: 'SanctionExecuted';
  data: {
    caseId: string;
    respondentId: string;
    decreeNumber: string;
    executedAt: string;
    sanction: SanctionKind;
    followUpStatus: Extract<FollowUpStatus, 'AS_RECOMMENDED' | 'NOT_AS_RECOMMENDED'>;
  };
}

/** A recorded decree replaced by a corrected one: what it corrects, and why. The status follows the new decree. */
export interface SanctionExecutionCorrected {
  type: 'SanctionExecutionCorrected';
  data: {
    caseId: string;
    respondentId: string;
    decreeNumber: string;
    executedAt: string;
    sanction: SanctionKind;
    followUpStatus: Extract<FollowUpStatus, 'AS_RECOMMENDED' | 'NOT_AS_RECOMMENDED'>;
    reason: string;
    correctedBy: Extract<Agency, 'PPK' | 'BKN' | 'TNI' | 'POLRI'>;
    /** The decree this one replaces, as it was recorded. */
    previous: {
      decreeNumber: string;
      executedAt: string;
      sanction: SanctionKind;
      followUpStatus: Extract<FollowUpStatus, 'AS_RECOMMENDED' | 'NOT_AS_RECOMMENDED'>;
    };
  };
}

export interface FollowUpDeclaredImpossible {
  type: 'FollowUpDeclaredImpossible';
  data: {
    caseId: string;
    respondentId: string;
    reason: ImpossibilityReason;
    note: string;
    declaredAt: string;
    declaredBy: Extract<Agency, 'PPK' | 'BKN' | 'TNI' | 'POLRI'>;
  };
}

/** UU 27/2022 (PDP): the case's data key was destroyed; its sealed personal data can never be read again. */
export interface PersonalDataErased {
  type: 'PersonalDataErased';
  data: {
    caseId: string;
    erasedAt: string;
    reason: string;
    /** True when a national Bawaslu unit erased while the case was still open (legal hold overridden). */
    legalHoldOverridden: boolean;
  };
}

/** A due time was moved by the agency allowed to (case-access.ts), with its legal basis. */
export interface DeadlineExtended {
  type: 'DeadlineExtended';
  data: {
    caseId: string;
    respondentId: string;
    step: DeadlineStep;
    previousDueAt: string;
    dueAt: string;
    legalBasis: string;
    extendedBy: Agency;
    extendedAt: string;
  };
}

/**
 * The deadline process saw `dueAt` pass while the step still waited on `waitingOn`. Recorded once
 * per track, step and due time: its command id is derived from them (src/case/overdue).
 */
export interface FollowUpOverdue {
  type: 'FollowUpOverdue';
  data: {
    caseId: string;
    respondentId: string;
    step: DeadlineStep;
    dueAt: string;
    waitingOn: Agency;
    /** When Netra noticed: later than dueAt by up to a scan interval, or more if it was down. */
    detectedAt: string;
  };
}

/** A PPK that does not act is reprimanded, the respondent's SIASN data blocked (or unblocked), or the case referred to the President. */
export interface EscalationRecorded {
  type: 'EscalationRecorded';
  data: {
    caseId: string;
    respondentId: string;
    kind: EscalationKind;
    letterNumber: string;
    escalatedAt: string;
    note: string | null;
    escalatedBy: Agency;
  };
}

/**
 * A due time counted in working days was counted again because the holiday calendar of a year it
 * runs through was published (src/case/calendar): recorded by Netra's calendar process with the
 * decree that changed it. The rule (days, unit, basis) is the one the first count used.
 */
export interface DueTimeRecomputed {
  type: 'DueTimeRecomputed';
  data: {
    caseId: string;
    respondentId: string;
    step: DeadlineStep;
    previousDueAt: string;
    dueAt: string;
    deadline: DeadlineApplied;
    /** The published year that changed the count, and its decree (e.g. the SKB number). */
    calendarYear: number;
    legalBasis: string;
    recomputedAt: string;
  };
}

/** Why an overdue record no longer holds. */
export type OverdueWithdrawalReason = 'DUE_TIME_RECOMPUTED' | 'DEADLINE_EXTENDED' | 'BACKDATED_STEP';

/**
 * An earlier FollowUpOverdue turned out untrue: the due time it missed was recounted or extended to
 * a later one, or the step was in fact taken by then (entered late, dated before the due time).
 * The overdue event stays in the log; this one says it no longer stands, and why.
 */
export interface OverdueWithdrawn {
  type: 'OverdueWithdrawn';
  data: {
    caseId: string;
    respondentId: string;
    step: DeadlineStep;
    /** The due time of the withdrawn record, and its version in the case stream. */
    dueAt: string;
    overdueVersion: number | null;
    reason: OverdueWithdrawalReason;
    explanation: string;
    withdrawnBy: Agency;
    withdrawnAt: string;
  };
}

/**
 * A file attached to the case (issue 18), content-addressed: the ledger covers its SHA-256, size and
 * sniffed type, and `npm run verify` holds the stored bytes against them. The bytes are sealed with
 * the case's data key in the blob store; the file name is personal free text, sealed like a note.
 */
export interface DocumentAttached {
  type: 'DocumentAttached';
  data: {
    caseId: string;
    documentId: string;
    /** Hex SHA-256 of the plaintext bytes. */
    sha256: string;
    size: number;
    contentType: DocumentContentType;
    name: string;
    kind: DocumentKind;
    /** The respondent's track it belongs to; null for the case as a whole. */
    respondentId: string | null;
    attachedAt: string;
    attachedBy: Agency;
    /**
     * A letter Netra generated (src/case/generating-letter): the respondents whose names it shows.
     * Only a caller who sees each of them lists or downloads it. Absent on uploads.
     */
    namedRespondentIds?: string[];
  };
}

export type CaseEvent =
  | CaseReported
  | DocumentAttached
  | PersonalDataErased
  | CaseStudied
  | RecommendationIssued
  | SanctionDecided
  | RespondentCleared
  | SanctionExecuted
  | SanctionExecutionCorrected
  | FollowUpDeclaredImpossible
  | DeadlineExtended
  | FollowUpOverdue
  | EscalationRecorded
  | DueTimeRecomputed
  | OverdueWithdrawn;

export type CaseEventType = CaseEvent['type'];

export const CASE_EVENT_TYPES: readonly CaseEventType[] = [
  'CaseReported',
  'CaseStudied',
  'RecommendationIssued',
  'SanctionDecided',
  'RespondentCleared',
  'SanctionExecuted',
  'FollowUpDeclaredImpossible',
  'PersonalDataErased',
  'DeadlineExtended',
  'FollowUpOverdue',
  'EscalationRecorded',
  'DueTimeRecomputed',
  'OverdueWithdrawn',
  'SanctionExecutionCorrected',
  'DocumentAttached',
];

export const caseStreamId = (caseId: string) => `case-${caseId}`;
export const CASE_STREAM_PREFIX = 'case-';
