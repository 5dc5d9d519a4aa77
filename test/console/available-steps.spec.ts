import type { Case, FollowUp } from '../../src/console/web/api/types';
import { availableSteps, type Step } from '../../src/console/web/case/available-steps';
import type { Actor } from '../../src/case/decide-context';
import { nextSteps } from '../../src/case/next-steps';
import { aCaseWithFollowUpImpossible, anExecutedCase, anOverdueCase, aRecommendedCase, aReportedCase, bawaslu, bkn, escalationRecorded, kemendagri, ppk } from '../case/case-fixtures';
import { stateAfter, testContext } from '../case/given';
import type { CaseEvent } from '../../src/case/case';

/**
 * The case page's forms come from the server's Case.nextSteps, which asks the decider; here the
 * real decider answers (src/case/next-steps.ts, mapped as src/api/next-steps.resolver.ts does) and
 * the console turns the answer into forms, in the page's order, one per respondent where a step is.
 */
function formsFor(history: CaseEvent[], actor: Actor): Step[] {
  const state = stateAfter(...history);
  const respondents = state.status === 'opened' ? state.respondents.map((r) => ({ respondentId: r.respondentId, name: r.respondentId }) as FollowUp) : [];
  const steps = nextSteps(state, actor, testContext).map((s) => ({
    step: s.step,
    respondentIds: s.respondentIds,
    escalationKinds: s.escalationKinds ?? null,
    deadlineStep: s.deadlineStep ?? null,
    overridesLegalHold: s.overridesLegalHold ?? null,
  }));
  return availableSteps({ id: 'c', respondents, nextSteps: steps } as unknown as Case);
}
const names = (steps: Step[]) =>
  steps.map((s) => ('respondents' in s ? `${s.kind}:${s.respondents.map((r) => r.respondentId).join('+')}` : 'respondent' in s ? `${s.kind}:${s.respondent.respondentId}` : s.kind));

describe('console: the forms offered are the steps the server answers', () => {
  it('Bawaslu of the handling unit: one study form for both respondents, then an extension of each study’s due time', () => {
    const forms = formsFor(aReportedCase(), bawaslu('16.73'));
    expect(names(forms)).toEqual(['recordStudy:R1+R2', 'extendDeadline:R1', 'extendDeadline:R2']);
    expect(forms.filter((f) => f.kind === 'extendDeadline').map((f) => (f.kind === 'extendDeadline' ? f.deadlineStep : null))).toEqual(['STUDY', 'STUDY']);
  });

  it('Bawaslu of another region is offered no form; national Bawaslu also the erasure, only by overriding the legal hold', () => {
    expect(formsFor(aReportedCase(), bawaslu('16.74'))).toEqual([]);
    expect(formsFor(aReportedCase(), bawaslu(null)).at(-1)).toEqual({ kind: 'erasePersonalData', overrideLegalHold: true });
  });

  it('BKN: a decision per recommended respondent, before the occasional steps', () => {
    const forms = names(formsFor(aRecommendedCase(), bkn()));
    expect(forms.slice(0, 2)).toEqual(['decideSanction:R1', 'decideSanction:R2']);
    expect(forms.indexOf('declareFollowUpImpossible:R1')).toBeGreaterThan(forms.indexOf('decideSanction:R2'));
  });

  it('the named PPK after one decree: the other decree first, then the correction of the one recorded', () => {
    const forms = names(formsFor(anExecutedCase(), ppk('16.73')));
    expect(forms.indexOf('recordSanctionExecution:R2')).toBeLessThan(forms.indexOf('correctSanctionExecution:R1'));
    expect(forms).not.toContain('recordSanctionExecution:R1');
    expect(formsFor(anExecutedCase(), ppk('16.74'))).toEqual([]);
  });

  it('each respondent’s escalation form offers only the kinds this agency may record for that respondent', () => {
    const kindsOf = (steps: Step[]) => Object.fromEntries(steps.flatMap((s) => (s.kind === 'recordEscalation' ? [[s.respondent.respondentId, s.kinds]] : [])));
    expect(kindsOf(formsFor(anOverdueCase(), kemendagri()))).toEqual({ R1: ['KEMENDAGRI_REPRIMAND'], R2: ['KEMENDAGRI_REPRIMAND'] });
    // SIASN blocked for R1 only: BKN may lift it there, and block it for R2.
    const blocked = [...anOverdueCase(), escalationRecorded({ kind: 'SIASN_BLOCKED', respondentId: 'R1', escalatedBy: 'BKN' })];
    expect(kindsOf(formsFor(blocked, bkn()))).toEqual({ R1: ['SIASN_UNBLOCKED'], R2: ['SIASN_BLOCKED'] });
  });

  it('a finished track is offered no form', () => {
    expect(names(formsFor(aCaseWithFollowUpImpossible(), ppk('16.73'))).filter((f) => f.endsWith(':R1'))).toEqual([]);
  });
});
