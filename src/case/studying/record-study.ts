import { assertAgencyMay, assertRegionMay } from '../case-access';
import { badInput, list } from '../case-error';
import type { CaseState, OpenedCase } from '../case-state';
import { STUDY_OUTCOMES, type StudyOutcome, VIOLATION_CODES, type ViolationCode } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import { iso, listOf, oneOf, optionalText, pastInstant } from '../input-rules';
import { openedCase, refuseStage, trackOf } from '../opened-case';
import { assertNotBefore } from '../validation/dates';
import type { DeadlineApplied } from '../case-records';
import type { Step, StepAccess } from '../step';
import { ON_TIME, countedBy } from '../track-change';

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

export interface RecordStudy {
  type: 'RecordStudy';
  actor: Actor;
  caseId: string;
  input: {
    studiedAt: string;
    findings: Array<{ respondentId: string; outcome: string; violations?: string[] | null; note?: string | null }>;
  };
}

const ACCESS: StepAccess<'recordStudy'> = { operation: 'recordStudy', agencies: ['BAWASLU'], regionOf: 'the case handling unit' };

/** Bawaslu's kajian: an outcome for every respondent — a not-proven finding is a fact others rely on. */
export function recordStudy(command: RecordStudy, state: CaseState, ctx: DecideContext): CaseStudied[] {
  const { actor, input } = command;
  const opened = openedCase(state, command.caseId);
  assertAgencyMay(actor, ACCESS);
  assertRegionMay(actor, ACCESS, opened.handlingUnit);

  const studiedAt = pastInstant(input.studiedAt, 'studiedAt', ctx.now);
  const findings = findingsOf(opened, input.findings);
  if (opened.studiedAt !== null) refuseStage(opened, null, 'record a study', 'stage REPORTED (a case is studied once)', 'recordStudy', ['REPORTED']);
  assertNotBefore(studiedAt, 'studiedAt', new Date(opened.receivedAt), 'receivedAt');

  const proven = findings.some((f) => f.outcome === 'VIOLATION');
  const recommendation = proven ? ctx.deadline(opened.election.kind, 'RECOMMENDATION', studiedAt) : null;
  return [
    {
      type: 'CaseStudied',
      data: {
        caseId: opened.caseId,
        studiedAt: iso(studiedAt),
        findings,
        recommendationDueAt: recommendation ? iso(recommendation.dueAt) : null,
        recommendationDeadline: recommendation?.applied ?? null,
      },
    },
  ];
}

function findingsOf(state: OpenedCase, findings: RecordStudy['input']['findings']): StudyFinding[] {
  if (!Array.isArray(findings) || findings.length === 0) throw badInput('findings', 'must give a finding for every respondent', 'findings.required');
  const seen = new Set<string>();
  const result = findings.map((f, i) => {
    const field = `findings[${i}]`;
    const track = trackOf(state, f.respondentId, `${field}.respondentId`);
    if (seen.has(track.respondentId)) throw badInput(`${field}.respondentId`, `gives ${track.respondentId} twice`, 'findings.repeated', { respondentId: track.respondentId });
    seen.add(track.respondentId);
    const outcome = oneOf(f.outcome, STUDY_OUTCOMES, `${field}.outcome`);
    const violations = listOf(f.violations ?? [], VIOLATION_CODES, `${field}.violations`);
    if (outcome !== 'VIOLATION' && violations.length > 0) {
      throw badInput(`${field}.violations`, `are only named for outcome VIOLATION, not ${outcome}`, 'findings.violationsNotForOutcome', { outcome });
    }
    // A proven finding names what was proven: nothing in the domain makes the reported list proven by default.
    if (outcome === 'VIOLATION' && violations.length === 0) {
      throw badInput(`${field}.violations`, `must name at least one proven violation for outcome VIOLATION (${track.respondentId})`, 'findings.violationsRequired', { respondentId: track.respondentId });
    }
    return {
      respondentId: track.respondentId,
      outcome,
      violations,
      note: optionalText(f.note, `${field}.note`, 4000),
    };
  });
  const missing = state.respondents.filter((r) => !seen.has(r.respondentId)).map((r) => r.respondentId);
  if (missing.length > 0) throw badInput('findings', `must cover every respondent; missing ${missing.join(', ')}`, 'findings.missing', { respondentIds: list(missing) });
  return result;
}

/** The step, as steps.ts gathers it: its command, who may take it, its decision and its events. */
export const studying: Step<RecordStudy, CaseStudied> = {
  command: 'RecordStudy',
  access: ACCESS,
  decide: recordStudy,
  events: {
    CaseStudied: {
      occurredAt: (e) => e.data.studiedAt,
      sealed: [{ path: 'findings.*.note' }],
      timeline: {
        name: { id: 'Kajian dicatat', en: 'Study recorded' },
        line: ({ data: d }) => `Study (kajian) completed: ${d.findings.map((f) => `${f.respondentId} ${f.outcome}`).join(', ')}`,
        details: ({ data: d }) => ({
          respondentIds: d.findings.map((f) => f.respondentId),
          findings: d.findings.map((f) => ({ respondentId: f.respondentId, outcome: f.outcome, violations: f.violations })),
        }),
      },
      tracks: () => null,
      endsWait: true,
      evolve: (state, e) => {
        const d = e.data;
        const byId = new Map(d.findings.map((f) => [f.respondentId, f]));
        return {
          ...state,
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
      },
    },
  },
  offers: (trial) => {
    // A study is recorded once for the whole case, with a finding for every respondent.
    const reported = trial.state.respondents.filter((r) => r.stage === 'REPORTED');
    const findings = trial.state.respondents.map((r) => ({ respondentId: r.respondentId, outcome: 'NO_VIOLATION' }));
    if (reported.length === 0 || !trial.accepts({ type: 'RecordStudy', ...trial.base, input: { studiedAt: trial.now.toISOString(), findings } })) return [];
    return [{ respondentIds: reported.map((r) => r.respondentId) }];
  },
};
