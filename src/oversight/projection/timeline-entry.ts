import type { CaseEvent } from '../../case/case';
import { occurredAt } from '../../case/case-effective-time';
import type { SanctionKind } from '../../case/case-vocabulary';
import { formatWib } from '../../case/deadlines/wib';
import { KIND_ROUTES, RESPONDENT_KINDS } from '../../case/respondent-kinds';
import type { RecordedEvent } from '../../event-store/event-store';

const ESCALATION: Record<string, string> = {
  KEMENDAGRI_REPRIMAND: 'Kemendagri reprimanded the PPK',
  KEMENPANRB_REPRIMAND: 'KemenPANRB reprimanded the PPK',
  SIASN_BLOCKED: 'BKN blocked the personnel data in SIASN',
  SIASN_UNBLOCKED: 'BKN unblocked the personnel data in SIASN',
  REFERRED_TO_PRESIDENT: 'KASN referred the case to the President',
};

/** Who carries out a sanction, from its kind: the PPK for ASN and village respondents, the TNI, Polri. */
export const executorOf = (sanction: SanctionKind) => KIND_ROUTES[RESPONDENT_KINDS.find((k) => KIND_ROUTES[k].sanctions.includes(sanction)) ?? 'CIVIL_SERVICE'].executors[0];

const WITHDRAWAL: Record<string, string> = {
  DUE_TIME_RECOMPUTED: 'due time recounted',
  DEADLINE_EXTENDED: 'deadline extended',
  BACKDATED_STEP: 'step taken before the due time, entered late',
};

/** A line of a case's timeline: when it happened in the world, and a short description without personal data. */
export function timelineEntry(event: CaseEvent): { occurredAt: string; description: string } {
  return { occurredAt: occurredAt(event), description: describe(event) };
}

function describe(event: CaseEvent): string {
  switch (event.type) {
    case 'CaseReported': {
      const d = event.data;
      const what = d.source === 'REPORT' ? 'Report (laporan) received' : 'Finding (temuan) recorded';
      const late = d.originalReport ? `, taken up from a report received out of time on ${formatWib(new Date(d.originalReport.receivedAt))}` : '';
      return `${what} by ${d.handlingUnit}, ${d.respondents.length} respondent(s)${late}`;
    }
    case 'CaseStudied': {
      const d = event.data;
      const outcomes = d.findings.map((f) => `${f.respondentId} ${f.outcome}`).join(', ');
      return `Study (kajian) completed: ${outcomes}`;
    }
    case 'RecommendationIssued': {
      const d = event.data;
      return `Recommendation ${d.letterNumber} to ${d.recipient} for ${d.respondentIds.join(', ')}`;
    }
    case 'SanctionDecided': {
      const d = event.data;
      // KASN/BKN recommend to the PPK; the TNI, Polri and the regional head decide for their own respondents.
      const verb = d.decidedBy === 'KASN' || d.decidedBy === 'BKN' ? 'recommended' : 'decided';
      return `${d.decidedBy} ${verb} ${d.sanction} for ${d.respondentId} to ${d.ppk.title} (${d.letterNumber})`;
    }
    case 'RespondentCleared': {
      const d = event.data;
      return `${d.decidedBy} cleared ${d.respondentId} (${d.letterNumber})`;
    }
    case 'SanctionExecuted': {
      const d = event.data;
      return `${executorOf(d.sanction)} executed ${d.sanction} for ${d.respondentId} by decree ${d.decreeNumber}: ${d.followUpStatus}`;
    }
    case 'SanctionExecutionCorrected': {
      const d = event.data;
      return `${d.correctedBy} corrected the decree for ${d.respondentId}: ${d.previous.decreeNumber} (${d.previous.sanction}) replaced by ${d.decreeNumber} (${d.sanction}): ${d.followUpStatus}`;
    }
    case 'PersonalDataErased': {
      const d = event.data;
      const hold = d.legalHoldOverridden ? ' (legal hold overridden)' : '';
      return `Personal data erased: reporter identity and NIPs destroyed${hold}`;
    }
    case 'FollowUpDeclaredImpossible': {
      const d = event.data;
      return `${d.declaredBy} declared follow-up impossible for ${d.respondentId}: ${d.reason}`;
    }
    case 'DeadlineExtended': {
      const d = event.data;
      return `${d.extendedBy} extended the ${d.step} deadline for ${d.respondentId} from ${formatWib(new Date(d.previousDueAt))} to ${formatWib(new Date(d.dueAt))}: ${d.legalBasis}`;
    }
    case 'FollowUpOverdue': {
      const d = event.data;
      return `Overdue: ${d.step} for ${d.respondentId} still waits on ${d.waitingOn} after its due time ${formatWib(new Date(d.dueAt))}`;
    }
    case 'EscalationRecorded': {
      const d = event.data;
      return `${ESCALATION[d.kind] ?? d.kind} for ${d.respondentId} (${d.letterNumber})`;
    }
    case 'DueTimeRecomputed': {
      const d = event.data;
      const still = d.deadline.provisional === true ? ' (still provisional)' : '';
      return `Due time of ${d.step} for ${d.respondentId} recounted from ${formatWib(new Date(d.previousDueAt))} to ${formatWib(new Date(d.dueAt))}${still}: holiday calendar ${d.calendarYear} published (${d.legalBasis})`;
    }
    case 'DocumentAttached': {
      const d = event.data;
      return `Document attached by ${d.attachedBy}: ${d.kind} (${d.contentType}, ${d.size} bytes, SHA-256 ${d.sha256.slice(0, 12)}…)${d.respondentId ? ` for ${d.respondentId}` : ''}`;
    }
    case 'OverdueWithdrawn': {
      const d = event.data;
      return `Overdue record withdrawn: ${d.step} for ${d.respondentId} due ${formatWib(new Date(d.dueAt))} (${WITHDRAWAL[d.reason]}): ${d.explanation}`;
    }
  }
}

/** The one respondent an event is about, for the events that are about one. */
export function respondentOf(event: CaseEvent): string | null {
  switch (event.type) {
    case 'SanctionDecided':
    case 'RespondentCleared':
    case 'SanctionExecuted':
    case 'FollowUpDeclaredImpossible':
    case 'DeadlineExtended':
    case 'FollowUpOverdue':
    case 'EscalationRecorded':
      return event.data.respondentId;
    case 'DocumentAttached':
      return event.data.respondentId;
    default:
      return null;
  }
}

const WITHHELD_STEP: Record<string, string> = {
  SanctionDecided: 'a sanction was decided',
  RespondentCleared: 'the respondent was cleared',
  SanctionExecuted: 'the PPK recorded its decree',
  FollowUpDeclaredImpossible: 'follow-up was declared impossible',
  DeadlineExtended: 'a deadline was extended',
  FollowUpOverdue: 'a deadline passed',
  EscalationRecorded: 'an escalation was recorded',
  DocumentAttached: 'a document was attached',
};

/**
 * The line a caller reads about a respondent it may not see (case-access.ts `maySeeRespondent`):
 * what kind of step, and the respondent's id within the case — no PPK, letter, decree, sanction,
 * reason or legal basis, which name or place the person.
 */
export function withheldDescription(event: CaseEvent): string {
  return `${respondentOf(event)} (another respondent outside your region): ${WITHHELD_STEP[event.type] ?? event.type}`;
}

export const asCaseEvent = (event: RecordedEvent) => event as unknown as CaseEvent;
