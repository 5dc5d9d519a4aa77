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
const executorOf = (sanction: SanctionKind) => KIND_ROUTES[RESPONDENT_KINDS.find((k) => KIND_ROUTES[k].sanctions.includes(sanction)) ?? 'CIVIL_SERVICE'].executors[0];

/** A line of a case's timeline: when it happened in the world, and a short description without personal data. */
export function timelineEntry(event: CaseEvent): { occurredAt: string; description: string } {
  return { occurredAt: occurredAt(event), description: describe(event) };
}

function describe(event: CaseEvent): string {
  switch (event.type) {
    case 'CaseReported': {
      const d = event.data;
      const what = d.source === 'REPORT' ? 'Report (laporan) received' : 'Finding (temuan) recorded';
      return `${what} by ${d.handlingUnit}, ${d.respondents.length} respondent(s)`;
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
  }
}

export const asCaseEvent = (event: RecordedEvent) => event as unknown as CaseEvent;
