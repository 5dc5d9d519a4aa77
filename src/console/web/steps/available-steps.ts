import type { Case, FollowUp } from '../api/types';
import type { Session } from '../auth/session';
import { regionContains } from '../regions';

/** A step this officer may take next on a case (shared/CONTRACT.md "Who may do what"). */
export type Step =
  | { kind: 'recordStudy'; respondents: FollowUp[] }
  | { kind: 'issueRecommendation'; respondents: FollowUp[] }
  | { kind: 'decideSanction'; respondent: FollowUp }
  | { kind: 'recordSanctionExecution'; respondent: FollowUp }
  | { kind: 'declareFollowUpImpossible'; respondent: FollowUp };

/**
 * The forms to offer, from the agency and region in the token and each track's stage. Only a
 * guide for the screen: the server decides again, and a refusal is shown at the form.
 */
export function availableSteps(c: Case, session: Session): Step[] {
  const steps: Step[] = [];
  const inHandlingUnit = regionContains(session.region, c.handlingUnit);
  const at = (stage: string) => c.respondents.filter((r) => r.stage === stage);
  if (session.agency === 'BAWASLU' && inHandlingUnit) {
    if (at('REPORTED').length > 0) steps.push({ kind: 'recordStudy', respondents: at('REPORTED') });
    const proven = at('STUDIED').filter((r) => r.outcome === 'VIOLATION');
    if (proven.length > 0) steps.push({ kind: 'issueRecommendation', respondents: proven });
  }
  if ((session.agency === 'BKN' || session.agency === 'KASN') && inHandlingUnit) {
    for (const respondent of at('RECOMMENDED')) steps.push({ kind: 'decideSanction', respondent });
  }
  for (const respondent of c.respondents) {
    const ppkHere = session.agency === 'PPK' && regionContains(session.region, respondent.ppkRegionCode);
    // A decree is recorded once; a corrected one is the API's correctSanctionExecution (no form here yet).
    if (ppkHere && respondent.stage === 'SANCTION_DECIDED') steps.push({ kind: 'recordSanctionExecution', respondent });
    const bknMayDeclare = session.agency === 'BKN' && (respondent.stage === 'RECOMMENDED' || respondent.stage === 'SANCTION_DECIDED');
    if ((ppkHere && respondent.stage === 'SANCTION_DECIDED') || bknMayDeclare) steps.push({ kind: 'declareFollowUpImpossible', respondent });
  }
  return steps;
}
