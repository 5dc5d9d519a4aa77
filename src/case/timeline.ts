import type { Agency, CaseSource, DeadlineStep, EscalationKind, FollowUpStatus, ImpossibilityReason, OverdueWithdrawalReason, SanctionKind, StudyOutcome, ViolationCode } from './case-vocabulary';

/**
 * A timeline line as data, for a client that writes it in its own language: which respondents
 * (ids within the case: the client names those it may see), codes of sanctions, violations,
 * outcomes and reasons, agencies, region codes, letter and decree numbers. No personal data: no
 * names, NIPs, notes or reasons typed by officers (those stay in the description and the case).
 */
export interface TimelineDetails {
  respondentIds: string[];
  /** The officer who recorded the step (event metadata `actorName`); shown as TimelineEntry.actorName, not in details. */
  actorName?: string;
  /** About a respondent outside the caller's region: only the kind of step is told. */
  withheld?: boolean;
  /** The agency that took the step (decided, executed, declared, extended, escalated). */
  actor?: Agency;
  source?: CaseSource;
  handlingUnit?: string;
  lateReport?: boolean;
  findings?: Array<{ respondentId: string; outcome: StudyOutcome; violations: ViolationCode[] }>;
  recipient?: string;
  letterNumber?: string;
  sanction?: SanctionKind;
  previousSanction?: SanctionKind;
  decreeNumber?: string;
  previousDecreeNumber?: string;
  ppkTitle?: string;
  ppkRegionCode?: string;
  followUpStatus?: FollowUpStatus;
  impossibilityReason?: ImpossibilityReason;
  step?: DeadlineStep;
  waitingOn?: Agency;
  dueAt?: string;
  previousDueAt?: string;
  escalation?: EscalationKind;
  legalHoldOverridden?: boolean;
  calendarYear?: number;
  provisional?: boolean;
  withdrawalReason?: OverdueWithdrawalReason;
}

/**
 * How an event reads on a case's timeline, declared beside the event in its step's folder
 * (src/oversight/projection/timeline-entry.ts and timeline-details.ts read it through the registry).
 */
export interface TimelineWording<E> {
  /**
   * The event's name in both languages, as the console titles its timeline line and the server's
   * words list it (`npm run console-types` writes them to case/event-names.ts, which the console bundles).
   */
  name: { id: string; en: string };
  /** The line in English: a short description without personal data (the date is given apart). */
  line(event: E): string;
  /** The line as data (TimelineDetails). */
  details(event: E): TimelineDetails;
  /**
   * Only an event about one respondent (its `data.respondentId`): what a caller outside that
   * respondent's region reads instead of the line — the kind of step, nothing that places the person.
   */
  withheld?: string;
}
