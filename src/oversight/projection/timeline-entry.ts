import type { CaseEvent } from '../../case/case';
import type { RecordedEvent } from '../../event-store/event-store';

/** A line of a case's timeline: when it happened in the world, and a short description without personal data. */
export function timelineEntry(event: CaseEvent): { occurredAt: string; description: string } {
  switch (event.type) {
    case 'CaseReported': {
      const d = event.data;
      const what = d.source === 'REPORT' ? 'Report (laporan) received' : 'Finding (temuan) recorded';
      return { occurredAt: d.receivedAt, description: `${what} by ${d.handlingUnit}, ${d.respondents.length} respondent(s)` };
    }
    case 'CaseStudied': {
      const d = event.data;
      const outcomes = d.findings.map((f) => `${f.respondentId} ${f.outcome}`).join(', ');
      return { occurredAt: d.studiedAt, description: `Study (kajian) completed: ${outcomes}` };
    }
    case 'RecommendationIssued': {
      const d = event.data;
      return {
        occurredAt: d.issuedAt,
        description: `Recommendation ${d.letterNumber} to ${d.recipient} for ${d.respondentIds.join(', ')}`,
      };
    }
    case 'SanctionDecided': {
      const d = event.data;
      return {
        occurredAt: d.decidedAt,
        description: `${d.decidedBy} recommended ${d.sanction} for ${d.respondentId} to ${d.ppk.title} (${d.letterNumber})`,
      };
    }
    case 'RespondentCleared': {
      const d = event.data;
      return { occurredAt: d.decidedAt, description: `${d.decidedBy} cleared ${d.respondentId} (${d.letterNumber})` };
    }
    case 'SanctionExecuted': {
      const d = event.data;
      return {
        occurredAt: d.executedAt,
        description: `PPK executed ${d.sanction} for ${d.respondentId} by decree ${d.decreeNumber}: ${d.followUpStatus}`,
      };
    }
    case 'PersonalDataErased': {
      const d = event.data;
      const hold = d.legalHoldOverridden ? ' (legal hold overridden)' : '';
      return { occurredAt: d.erasedAt, description: `Personal data erased: reporter identity and NIPs destroyed${hold}` };
    }
    case 'FollowUpDeclaredImpossible': {
      const d = event.data;
      return { occurredAt: d.declaredAt, description: `${d.declaredBy} declared follow-up impossible for ${d.respondentId}: ${d.reason}` };
    }
  }
}

export const asCaseEvent = (event: RecordedEvent) => event as unknown as CaseEvent;
