import { assertAgencyMay, assertRegionMay } from '../case-access';
import { badInput, list } from '../case-error';
import type { CaseStudied, StudyFinding } from '../case-events';
import type { CaseState, OpenedCase } from '../case-state';
import { STUDY_OUTCOMES, VIOLATION_CODES } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import { iso, listOf, oneOf, optionalText, pastInstant } from '../input-rules';
import { openedCase, refuseStage, trackOf } from '../opened-case';
import { assertNotBefore } from '../validation/dates';

export interface RecordStudy {
  type: 'RecordStudy';
  actor: Actor;
  caseId: string;
  input: {
    studiedAt: string;
    findings: Array<{ respondentId: string; outcome: string; violations?: string[] | null; note?: string | null }>;
  };
}

/** Bawaslu's kajian: an outcome for every respondent — a not-proven finding is a fact others rely on. */
export function recordStudy(command: RecordStudy, state: CaseState, ctx: DecideContext): CaseStudied[] {
  const { actor, input } = command;
  const opened = openedCase(state, command.caseId);
  assertAgencyMay(actor, 'recordStudy');
  assertRegionMay(actor, 'recordStudy', opened.handlingUnit);

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
