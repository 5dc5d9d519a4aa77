import type { CaseEvent, DeadlineApplied } from './case-events';
import type { CaseState, OpenedCase, RespondentTrack } from './case-state';
import { tracksTouched } from './case-concurrency';

/** A track that enters a new stage, or gets a new due time, is on time again. */
const ON_TIME = { overdueSince: null, overdueFor: null, overdueVersion: null } as const;

/** The rule that counted a due time, and whether the count may still move; none when nobody waits or a letter set it. */
const countedBy = (deadline: DeadlineApplied | null) => ({ deadline, dueAtProvisional: deadline?.provisional === true });

/** Folds one event into the state. Pure and total: the write side and the projection share it. */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  const next = apply(state, event);
  if (next.status !== 'opened' || next === state) return next;
  // Each track remembers the last version that touched it: per-track concurrency (case-concurrency.ts).
  const touched = tracksTouched(event);
  return {
    ...next,
    respondents: next.respondents.map((r) => (touched === null || touched.includes(r.respondentId) ? { ...r, trackVersion: next.version } : r)),
  };
}

function apply(state: CaseState, event: CaseEvent): CaseState {
  const version = state.version + 1;
  if (event.type === 'CaseReported') {
    const d = event.data;
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
  }
  if (state.status !== 'opened') return state;
  const next: OpenedCase = { ...state, version };
  switch (event.type) {
    case 'CaseStudied': {
      const d = event.data;
      const byId = new Map(d.findings.map((f) => [f.respondentId, f]));
      return {
        ...next,
        studiedAt: d.studiedAt,
        respondents: state.respondents.map((r) => {
          const f = byId.get(r.respondentId);
          if (!f) return r;
          const stage = f.outcome === 'VIOLATION' ? 'STUDIED' : f.outcome;
          return {
            ...r,
            stage,
            since: d.studiedAt,
            dueAt: f.outcome === 'VIOLATION' ? d.recommendationDueAt : null,
            ...countedBy(f.outcome === 'VIOLATION' ? d.recommendationDeadline : null),
            ...ON_TIME,
            outcome: f.outcome,
            findingViolations: f.violations,
            findingNote: f.note,
          };
        }),
      };
    }
    case 'RecommendationIssued': {
      const d = event.data;
      return withTracks(next, d.respondentIds, (r) => ({
        ...r,
        stage: 'RECOMMENDED',
        since: d.issuedAt,
        dueAt: d.decisionDueAt,
        ...countedBy(d.decisionDeadline),
        ...ON_TIME,
        recommendation: { recipient: d.recipient, letterNumber: d.letterNumber, issuedAt: d.issuedAt },
      }));
    }
    case 'SanctionDecided': {
      const d = event.data;
      return withTracks(next, [d.respondentId], (r) => ({
        ...r,
        stage: 'SANCTION_DECIDED',
        since: d.decidedAt,
        dueAt: d.dueAt,
        ...countedBy(d.deadline),
        ...ON_TIME,
        decision: { decidedBy: d.decidedBy, letterNumber: d.letterNumber, decidedAt: d.decidedAt, sanction: d.sanction, ppk: d.ppk },
        followUpStatus: 'PENDING',
      }));
    }
    case 'RespondentCleared': {
      const d = event.data;
      return withTracks(next, [d.respondentId], (r) => ({
        ...r,
        stage: 'CLEARED',
        since: d.decidedAt,
        dueAt: null,
        ...countedBy(null),
        ...ON_TIME,
        decision: { decidedBy: d.decidedBy, letterNumber: d.letterNumber, decidedAt: d.decidedAt, sanction: null, ppk: null },
      }));
    }
    case 'SanctionExecuted': {
      const d = event.data;
      return withTracks(next, [d.respondentId], (r) => ({
        ...r,
        stage: 'SANCTION_EXECUTED',
        since: d.executedAt,
        dueAt: null,
        ...countedBy(null),
        ...ON_TIME,
        execution: { decreeNumber: d.decreeNumber, executedAt: d.executedAt, sanction: d.sanction },
        executionCorrection: null,
        followUpStatus: d.followUpStatus,
      }));
    }
    case 'SanctionExecutionCorrected': {
      const d = event.data;
      return withTracks(next, [d.respondentId], (r) => ({
        ...r,
        since: d.executedAt,
        execution: { decreeNumber: d.decreeNumber, executedAt: d.executedAt, sanction: d.sanction },
        executionCorrection: {
          reason: d.reason,
          correctedBy: d.correctedBy,
          replacedDecreeNumber: d.previous.decreeNumber,
          corrections: (r.executionCorrection?.corrections ?? 0) + 1,
        },
        followUpStatus: d.followUpStatus,
        // The corrected decree is another SK: the one attached before proves the replaced decree.
        documentKinds: (r.documentKinds ?? []).filter((k) => k !== 'DECREE'),
      }));
    }
    case 'FollowUpDeclaredImpossible': {
      const d = event.data;
      return withTracks(next, [d.respondentId], (r) => ({
        ...r,
        stage: 'FOLLOW_UP_IMPOSSIBLE',
        since: d.declaredAt,
        dueAt: null,
        ...countedBy(null),
        ...ON_TIME,
        followUpStatus: 'CANNOT_BE_ACTED_ON',
        impossibility: { reason: d.reason, note: d.note, declaredAt: d.declaredAt, declaredBy: d.declaredBy },
      }));
    }
    case 'PersonalDataErased':
      return { ...next, personalDataErasedAt: event.data.erasedAt };
    case 'DeadlineExtended': {
      const d = event.data;
      return withTracks(next, [d.respondentId], (r) => ({ ...r, dueAt: d.dueAt, ...countedBy(null), ...ON_TIME }));
    }
    case 'FollowUpOverdue': {
      const d = event.data;
      return withTracks(next, [d.respondentId], (r) => ({ ...r, overdueSince: d.dueAt, overdueFor: d.step, overdueVersion: version }));
    }
    case 'DueTimeRecomputed': {
      const d = event.data;
      return withTracks(next, [d.respondentId], (r) => ({ ...r, dueAt: d.dueAt, ...countedBy(d.deadline) }));
    }
    case 'OverdueWithdrawn': {
      const d = event.data;
      return withTracks(next, [d.respondentId], (r) => (r.overdueSince === d.dueAt ? { ...r, ...ON_TIME } : r));
    }
    case 'EscalationRecorded': {
      const d = event.data;
      return withTracks(next, [d.respondentId], (r) => ({
        ...r,
        escalation: { kind: d.kind, letterNumber: d.letterNumber, escalatedAt: d.escalatedAt, escalatedBy: d.escalatedBy },
        siasnBlocked: d.kind === 'SIASN_BLOCKED' ? true : d.kind === 'SIASN_UNBLOCKED' ? false : r.siasnBlocked === true,
      }));
    }
    // A document changes no stage: the case's version moves, and with a respondent that track's, which keeps its kind.
    case 'DocumentAttached': {
      const d = event.data;
      if (d.respondentId === null) return next;
      return withTracks(next, [d.respondentId], (r) => ((r.documentKinds ?? []).includes(d.kind) ? r : { ...r, documentKinds: [...(r.documentKinds ?? []), d.kind] }));
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function withTracks(state: OpenedCase, ids: string[], change: (r: RespondentTrack) => RespondentTrack): OpenedCase {
  return { ...state, respondents: state.respondents.map((r) => (ids.includes(r.respondentId) ? change(r) : r)) };
}

export function fold(events: readonly CaseEvent[], from: CaseState): CaseState {
  return events.reduce(evolve, from);
}
