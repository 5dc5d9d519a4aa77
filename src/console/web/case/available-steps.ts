import type { Case, FollowUp, NextStepName } from '../api/types';

/** A form to show: one of the server's next steps (Case.nextSteps), with the respondents it names. */
export type Step =
  | { kind: 'recordStudy' | 'issueRecommendation'; respondents: FollowUp[] }
  | { kind: 'decideSanction' | 'recordSanctionExecution' | 'declareFollowUpImpossible' | 'correctSanctionExecution'; respondent: FollowUp }
  | { kind: 'extendDeadline'; respondent: FollowUp; deadlineStep: string }
  | { kind: 'recordEscalation'; respondent: FollowUp; kinds: string[] }
  | { kind: 'erasePersonalData'; overrideLegalHold: boolean };

/** Where a form stands on the page: the lifecycle first, then the occasional steps per respondent, erasure last. */
const PLACE: Record<NextStepName, [group: number, within: number]> = {
  recordStudy: [0, 0],
  issueRecommendation: [1, 0],
  decideSanction: [2, 0],
  recordSanctionExecution: [3, 0],
  declareFollowUpImpossible: [3, 1],
  correctSanctionExecution: [4, 0],
  extendDeadline: [4, 1],
  recordEscalation: [4, 2],
  erasePersonalData: [5, 0],
  // Documents and letters have their own section (attaching-document/, generating-letter/), which reads these steps from Case.nextSteps.
  attachDocument: [6, 0],
  generateLetter: [6, 1],
};

/**
 * The forms to offer: exactly the steps the server says this officer may take now (asked of the
 * decider, src/case/next-steps.ts), with the respondents each names. The console keeps no copy of
 * who may do what; the server decides again when a form is sent.
 */
export function availableSteps(c: Case): Step[] {
  const respondent = new Map(c.respondents.map((r) => [r.respondentId, r]));
  const index = new Map(c.respondents.map((r, i) => [r.respondentId, i]));
  const placed: Array<{ step: Step; at: [number, number, number] }> = [];
  for (const next of c.nextSteps) {
    const named = next.respondentIds.flatMap((id) => respondent.get(id) ?? []);
    const at = (r: FollowUp | null): [number, number, number] => [PLACE[next.step][0], r ? index.get(r.respondentId)! : 0, PLACE[next.step][1]];
    switch (next.step) {
      case 'recordStudy':
      case 'issueRecommendation':
        if (named.length > 0) placed.push({ step: { kind: next.step, respondents: named }, at: at(null) });
        break;
      case 'extendDeadline':
        for (const r of named) placed.push({ step: { kind: next.step, respondent: r, deadlineStep: next.deadlineStep ?? '' }, at: at(r) });
        break;
      case 'recordEscalation':
        for (const r of named) placed.push({ step: { kind: next.step, respondent: r, kinds: next.escalationKinds ?? [] }, at: at(r) });
        break;
      case 'attachDocument':
      case 'generateLetter':
        break;
      case 'erasePersonalData':
        placed.push({ step: { kind: next.step, overrideLegalHold: next.overridesLegalHold === true }, at: at(null) });
        break;
      default:
        for (const r of named) placed.push({ step: { kind: next.step, respondent: r }, at: at(r) });
    }
  }
  const order = (a: [number, number, number], b: [number, number, number]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  return placed.sort((a, b) => order(a.at, b.at)).map((p) => p.step);
}
