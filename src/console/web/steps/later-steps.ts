import type { Case, FollowUp } from '../api/types';
import type { Session } from '../auth/session';
import { regionContains } from '../regions';
import { routeFor } from '../respondent-kinds';
import type { Step } from './available-steps';

/**
 * Who records which escalation (ESCALATION_BY_KIND in src/case/case-access.ts): Kemendagri and
 * KemenPANRB reprimand the regional head, BKN blocks and unblocks SIASN, KASN referred to the President.
 */
export const ESCALATED_BY: Record<string, string> = {
  KEMENDAGRI_REPRIMAND: 'KEMENDAGRI',
  KEMENPANRB_REPRIMAND: 'KEMENPANRB',
  SIASN_BLOCKED: 'BKN',
  SIASN_UNBLOCKED: 'BKN',
  REFERRED_TO_PRESIDENT: 'KASN',
};

/** Tracks that need nothing more (FINISHED in src/case/case-state.ts): with only these, a case is no longer under legal hold. */
export const FINISHED_STAGES = ['SANCTION_EXECUTED', 'NO_VIOLATION', 'FORWARDED', 'CLEARED', 'FOLLOW_UP_IMPOSSIBLE'];

/** The step whose due time runs at each stage (deadlineStepOf in src/case/case-state.ts). */
const DEADLINE_STEP: Record<string, string> = { REPORTED: 'STUDY', STUDIED: 'RECOMMENDATION', RECOMMENDED: 'SANCTION_DECISION', SANCTION_DECIDED: 'EXECUTION' };

export const deadlineStepOf = (stage: string): string | null => DEADLINE_STEP[stage] ?? null;

/**
 * The steps after the decree or beside the lifecycle: correcting a decree, extending a due time,
 * escalating a PPK that does not act, erasing personal data. The same guide as availableSteps,
 * from the access table in src/case/case-access.ts; the server decides again.
 */
export function laterSteps(c: Case, session: Session): Step[] {
  const steps: Step[] = [];
  const acts = (agencies: readonly string[]) => agencies.includes(session.agency);
  for (const r of c.respondents) {
    if (r.identityWithheld) continue;
    if (mayCorrect(c, r, session) && r.stage === 'SANCTION_EXECUTED' && r.decreeNumber) steps.push({ kind: 'correctSanctionExecution', respondent: r });
    const step = deadlineStepOf(r.stage);
    if (step && r.dueAt && r.waitingOn) {
      const route = routeFor(r.employment);
      const village = route.employments.includes('VILLAGE_HEAD');
      const ownSteps = step === 'SANCTION_DECISION' || step === 'EXECUTION';
      // BKN extends an ASN's decision and execution (EXTEND_DEADLINE_BY_STEP); other kinds their own body (extendsOwnSteps).
      const extenders = !ownSteps ? ['BAWASLU'] : route.employments.includes('PNS') ? ['BKN'] : route.extendsOwnSteps;
      const region = !village && step === 'EXECUTION' ? (r.ppk?.regionCode ?? r.ppkRegionCode ?? c.handlingUnit) : c.handlingUnit;
      if (acts(extenders) && regionContains(session.region, region)) steps.push({ kind: 'extendDeadline', respondent: r });
    }
    const kinds = routeFor(r.employment).escalations.filter(
      (kind) =>
        ESCALATED_BY[kind] === session.agency &&
        (kind === 'SIASN_UNBLOCKED' ? r.siasnBlocked === true : r.stage === 'SANCTION_DECIDED' && !(kind === 'SIASN_BLOCKED' && r.siasnBlocked === true)),
    );
    if (kinds.length > 0 && regionContains(session.region, r.ppkRegionCode ?? c.handlingUnit)) steps.push({ kind: 'recordEscalation', respondent: r, kinds: [...kinds] });
  }
  // Erasure (UU 27/2022): Bawaslu of the handling unit once every track is finished; an open case is under legal hold, which only national Bawaslu may override.
  if (session.agency === 'BAWASLU' && regionContains(session.region, c.handlingUnit) && !c.personalDataErasedAt) {
    const open = c.respondents.some((r) => !FINISHED_STAGES.includes(r.stage));
    if (!open || session.region === null) steps.push({ kind: 'erasePersonalData', overrideLegalHold: open });
  }
  return steps;
}

/** The PPK named in the decision corrects its own decree (the TNI and Polri theirs, in their region); BKN any ASN decree, as keeper of I'DIS. */
function mayCorrect(c: Case, r: FollowUp, session: Session): boolean {
  const route = routeFor(r.employment);
  const acts = (agencies: readonly string[]) => agencies.includes(session.agency);
  const ppkRegion = r.ppk?.regionCode ?? r.ppkRegionCode;
  if (acts(route.alsoDeclaresImpossible)) return regionContains(session.region, c.handlingUnit);
  if (!acts(route.executors)) return false;
  if (session.agency === 'PPK') return ppkRegion !== null && session.region === ppkRegion;
  return regionContains(session.region, ppkRegion ?? c.handlingUnit);
}
