import type { CaseEvent } from '../../case/case';
import type { OverdueWithdrawalReason } from '../../case/correcting/overdue-withdrawn';
import type { Agency, CaseSource, DeadlineStep, EscalationKind, FollowUpStatus, ImpossibilityReason, SanctionKind, StudyOutcome, ViolationCode } from '../../case/case-vocabulary';
import { executorOf } from './timeline-entry';

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

export function timelineDetails(event: CaseEvent): TimelineDetails {
  switch (event.type) {
    case 'CaseReported': {
      const d = event.data;
      const ids = d.respondents.map((r) => r.respondentId);
      return { respondentIds: ids, source: d.source, handlingUnit: d.handlingUnit, lateReport: d.originalReport ? true : false };
    }
    case 'CaseStudied':
      return {
        respondentIds: event.data.findings.map((f) => f.respondentId),
        findings: event.data.findings.map((f) => ({ respondentId: f.respondentId, outcome: f.outcome, violations: f.violations })),
      };
    case 'RecommendationIssued': {
      const d = event.data;
      return { respondentIds: d.respondentIds, recipient: d.recipient, letterNumber: d.letterNumber };
    }
    case 'SanctionDecided': {
      const d = event.data;
      const ppk = { ppkTitle: d.ppk.title, ppkRegionCode: d.ppk.regionCode };
      return { respondentIds: [d.respondentId], actor: d.decidedBy, sanction: d.sanction, letterNumber: d.letterNumber, dueAt: d.dueAt, ...ppk };
    }
    case 'RespondentCleared':
      return { respondentIds: [event.data.respondentId], actor: event.data.decidedBy, letterNumber: event.data.letterNumber };
    case 'SanctionExecuted': {
      const d = event.data;
      return { respondentIds: [d.respondentId], actor: executorOf(d.sanction), sanction: d.sanction, decreeNumber: d.decreeNumber, followUpStatus: d.followUpStatus };
    }
    case 'SanctionExecutionCorrected': {
      const d = event.data;
      return {
        respondentIds: [d.respondentId],
        actor: d.correctedBy,
        sanction: d.sanction,
        decreeNumber: d.decreeNumber,
        followUpStatus: d.followUpStatus,
        previousSanction: d.previous.sanction,
        previousDecreeNumber: d.previous.decreeNumber,
      };
    }
    case 'PersonalDataErased':
      return { respondentIds: [], legalHoldOverridden: event.data.legalHoldOverridden };
    case 'FollowUpDeclaredImpossible':
      return { respondentIds: [event.data.respondentId], actor: event.data.declaredBy, impossibilityReason: event.data.reason };
    case 'DeadlineExtended': {
      const d = event.data;
      return { respondentIds: [d.respondentId], actor: d.extendedBy, step: d.step, previousDueAt: d.previousDueAt, dueAt: d.dueAt };
    }
    case 'FollowUpOverdue': {
      const d = event.data;
      return { respondentIds: [d.respondentId], step: d.step, waitingOn: d.waitingOn, dueAt: d.dueAt };
    }
    case 'EscalationRecorded': {
      const d = event.data;
      return { respondentIds: [d.respondentId], actor: d.escalatedBy, escalation: d.kind, letterNumber: d.letterNumber };
    }
    case 'DueTimeRecomputed': {
      const d = event.data;
      const provisional = d.deadline.provisional === true;
      return { respondentIds: [d.respondentId], step: d.step, previousDueAt: d.previousDueAt, dueAt: d.dueAt, calendarYear: d.calendarYear, provisional };
    }
    case 'OverdueWithdrawn': {
      const d = event.data;
      return { respondentIds: [d.respondentId], step: d.step, dueAt: d.dueAt, withdrawalReason: d.reason };
    }
    case 'DocumentAttached':
      return { respondentIds: event.data.respondentId ? [event.data.respondentId] : [], actor: event.data.attachedBy };
  }
}

/** What a caller outside the respondent's region reads: the respondent's id within the case and nothing that places the person. */
export const withheldDetails = (respondentId: string | null): TimelineDetails => ({ respondentIds: respondentId ? [respondentId] : [], withheld: true });
