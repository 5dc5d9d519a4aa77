import type { Case, FollowUp } from '../api/types';
import type { Session } from '../auth/session';
import { regionContains } from '../regions';
import { routeFor } from '../respondent-kinds';
import { laterSteps } from './later-steps';

/** A step this officer may take next on a case (shared/CONTRACT.md "Who may do what"). */
export type Step =
  | { kind: 'recordStudy'; respondents: FollowUp[] }
  | { kind: 'issueRecommendation'; respondents: FollowUp[] }
  | { kind: 'decideSanction'; respondent: FollowUp }
  | { kind: 'recordSanctionExecution'; respondent: FollowUp }
  | { kind: 'declareFollowUpImpossible'; respondent: FollowUp }
  | { kind: 'correctSanctionExecution'; respondent: FollowUp }
  | { kind: 'extendDeadline'; respondent: FollowUp }
  | { kind: 'recordEscalation'; respondent: FollowUp; kinds: string[] }
  | { kind: 'erasePersonalData'; overrideLegalHold: boolean };

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
  for (const respondent of c.respondents) {
    const route = routeFor(respondent.employment);
    const acts = (agencies: readonly string[]) => agencies.includes(session.agency);
    // The regional head decides for the villages of its own region; the national bodies by the handling unit.
    const decidingRegion = route.deciders.includes('PPK') ? (respondent.institutionRegionCode ?? c.handlingUnit) : c.handlingUnit;
    const mayDecide = acts(route.deciders) && regionContains(session.region, decidingRegion);
    if (mayDecide && respondent.stage === 'RECOMMENDED') steps.push({ kind: 'decideSanction', respondent });
  }
  for (const respondent of c.respondents) {
    // A respondent withheld from this officer (outside its region) is not one it acts on.
    if (respondent.identityWithheld) continue;
    const route = routeFor(respondent.employment);
    const acts = (agencies: readonly string[]) => agencies.includes(session.agency);
    const executorHere = acts(route.executors) && regionContains(session.region, respondent.ppkRegionCode);
    // A decree is recorded once; a corrected one replaces it (correctSanctionExecution).
    if (executorHere && respondent.stage === 'SANCTION_DECIDED') steps.push({ kind: 'recordSanctionExecution', respondent });
    // Whoever received the recommendation may also declare before deciding: BKN for ASN, the TNI, Polri, the regional head.
    const receiver = acts(route.alsoDeclaresImpossible) || (acts(route.executors) && acts(route.deciders));
    const decidingRegion = route.deciders.includes('PPK') ? (respondent.institutionRegionCode ?? c.handlingUnit) : c.handlingUnit;
    const receiverMayDeclare =
      receiver &&
      ((respondent.stage === 'RECOMMENDED' && regionContains(session.region, decidingRegion)) ||
        (respondent.stage === 'SANCTION_DECIDED' && (acts(route.alsoDeclaresImpossible) || executorHere)));
    if ((executorHere && respondent.stage === 'SANCTION_DECIDED') || receiverMayDeclare) steps.push({ kind: 'declareFollowUpImpossible', respondent });
  }
  steps.push(...laterSteps(c, session));
  return steps;
}
