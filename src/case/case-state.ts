import type { DeadlineApplied, Election, Ppk, RespondentRecord } from './case-records';
import { KASN_DISSOLVED_AT } from './case-vocabulary';
import type {
  Agency,
  CaseSource,
  CaseStage,
  DeadlineStep,
  DocumentKind,
  EscalationKind,
  FollowUpStatus,
  ImpossibilityReason,
  RecommendationRecipient,
  RespondentStage,
  SanctionKind,
  StudyOutcome,
  ViolationCode,
} from './case-vocabulary';

import { kindOf, routeOf } from './respondent-kinds';

/** One respondent's own track through the lifecycle (shared/DOMAIN.md §3). */
export interface RespondentTrack extends RespondentRecord {
  stage: RespondentStage;
  /** When the track entered its current stage. */
  since: string;
  /** Due time of the step the track is waiting for; null when nobody has to act. */
  dueAt: string | null;
  /** The rule that counted dueAt; null when a letter or an extension set it (or in states folded before it was kept). */
  deadline?: DeadlineApplied | null;
  /** dueAt was counted through a year whose holiday decree Netra does not have yet. */
  dueAtProvisional?: boolean;
  outcome: StudyOutcome | null;
  findingViolations: ViolationCode[];
  findingNote: string | null;
  recommendation: { recipient: RecommendationRecipient; letterNumber: string; issuedAt: string } | null;
  decision: {
    decidedBy: Agency;
    letterNumber: string;
    decidedAt: string;
    sanction: SanctionKind | null;
    ppk: Ppk | null;
  } | null;
  execution: { decreeNumber: string; executedAt: string; sanction: SanctionKind } | null;
  /** Set when the decree in force corrects an earlier one (SanctionExecutionCorrected). */
  executionCorrection?: { reason: string; correctedBy: Agency; replacedDecreeNumber: string; corrections: number } | null;
  followUpStatus: FollowUpStatus | null;
  impossibility: { reason: ImpossibilityReason; note: string; declaredAt: string; declaredBy: Agency } | null;
  /** The due time Netra recorded as missed (FollowUpOverdue); null while on time, reset by a new stage or an extension. */
  overdueSince: string | null;
  /** The step that is late when overdueSince is set. */
  overdueFor: DeadlineStep | null;
  /** Stream version of that FollowUpOverdue, so a withdrawal names the record it withdraws. */
  overdueVersion?: number | null;
  /** The latest escalation recorded for this track. */
  escalation: { kind: EscalationKind; letterNumber: string; escalatedAt: string; escalatedBy: Agency } | null;
  /** True between SIASN_BLOCKED and SIASN_UNBLOCKED. */
  siasnBlocked: boolean;
  /** The case version of the latest event that touched this track (or the whole case): what CONFLICT is judged on. */
  trackVersion: number;
  /** Kinds of the documents attached to this track (a corrected decree drops DECREE: its SK is another); absent in states folded before. */
  documentKinds?: DocumentKind[];
}

export interface OpenedCase {
  status: 'opened';
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
  evidence: string[];
  hasReporter: boolean;
  studiedAt: string | null;
  /** When the reporter identity and NIPs were crypto-shredded; null while they are kept. */
  personalDataErasedAt: string | null;
  respondents: RespondentTrack[];
  /** Number of events folded so far: the stream version. */
  version: number;
}

export type CaseState = { status: 'empty'; version: 0 } | OpenedCase;

export const initialState = (): CaseState => ({ status: 'empty', version: 0 });

const TRACK_ORDER: Record<RespondentStage, number> = {
  REPORTED: 0,
  STUDIED: 1,
  RECOMMENDED: 2,
  SANCTION_DECIDED: 3,
  SANCTION_EXECUTED: 4,
  NO_VIOLATION: 5,
  FORWARDED: 5,
  CLEARED: 5,
  FOLLOW_UP_IMPOSSIBLE: 5,
};

const FINISHED: readonly RespondentStage[] = [
  'SANCTION_EXECUTED',
  'NO_VIOLATION',
  'FORWARDED',
  'CLEARED',
  'FOLLOW_UP_IMPOSSIBLE',
];

export const isFinished = (stage: RespondentStage) => FINISHED.includes(stage);

/** The case is where its least advanced open track is; closed once every track is finished. */
export function caseStage(respondents: readonly RespondentTrack[]): CaseStage {
  const open = respondents.filter((r) => !isFinished(r.stage));
  if (open.length === 0) {
    return respondents.some((r) => r.stage === 'SANCTION_EXECUTED') ? 'SANCTION_EXECUTED' : 'CLOSED';
  }
  const least = open.reduce((a, b) => (TRACK_ORDER[b.stage] < TRACK_ORDER[a.stage] ? b : a));
  return least.stage as CaseStage;
}

/** The agency that must act next on a track, or null when nobody has to. */
export function waitingOn(track: RespondentTrack, at?: Date): Agency | null {
  switch (track.stage) {
    case 'REPORTED':
    case 'STUDIED':
      return 'BAWASLU';
    case 'RECOMMENDED':
      // KASN stopped operating on 24 Aug 2024: a recommendation it never decided waits on BKN from then on.
      // Respondents who are not ASN wait on the body that handles them (respondent-kinds.ts).
      if (kindOf(track.employment) !== 'CIVIL_SERVICE') return routeOf(track.employment).deciders[0];
      return at !== undefined && at < KASN_DISSOLVED_AT ? 'KASN' : 'BKN';
    case 'SANCTION_DECIDED':
      return routeOf(track.employment).executors[0];
    default:
      return null;
  }
}

/** The step whose due time a track waits for, or null when nobody has to act. */
export function deadlineStepOf(stage: RespondentStage): DeadlineStep | null {
  switch (stage) {
    case 'REPORTED':
      return 'STUDY';
    case 'STUDIED':
      return 'RECOMMENDATION';
    case 'RECOMMENDED':
      return 'SANCTION_DECISION';
    case 'SANCTION_DECIDED':
      return 'EXECUTION';
    default:
      return null;
  }
}

export function findTrack(state: OpenedCase, respondentId: string): RespondentTrack | undefined {
  return state.respondents.find((r) => r.respondentId === respondentId);
}

/**
 * The document a stage is not proven without (issue 18): a decree recorded without its SK is
 * "recorded, document missing". Auditors (BPK's SIPTL, BKN's SBT) accept "acted on" only with it.
 */
export const REQUIRED_DOCUMENT: Partial<Record<RespondentStage, DocumentKind>> = { SANCTION_EXECUTED: 'DECREE' };

/** The kind of document the track's stage needs and the track lacks, or null. */
export function missingDocument(track: Pick<RespondentTrack, 'stage' | 'documentKinds'>): DocumentKind | null {
  const required = REQUIRED_DOCUMENT[track.stage];
  return required && !(track.documentKinds ?? []).includes(required) ? required : null;
}
