import { forbidden, list, notFound } from './case-error';
import type { CaseState, OpenedCase } from './case-state';
import type { Agency, DeadlineStep, EscalationKind } from './case-vocabulary';
import type { Actor } from './decide-context';
import type { StepAccess } from './step';
import { regionContains } from './validation/regions';

/**
 * Who may do what (shared/CONTRACT.md "Who may do what"): the decider and the read side consult these
 * rules. Each step's own row (which agencies, in which region) is in its folder, as its `access`;
 * steps.ts gathers them into the table, WRITE_ACCESS. A unit acts on what lies inside its region
 * (Kemendagri code-prefix match).
 */

/**
 * Who may extend a due time (shared/DOMAIN.md §4: "an extension is an event with its legal basis").
 * Bawaslu extends its own study (UU 1/2015 Pasal 134: +2 days to request more information; UU 7/2017
 * Pasal 454: up to 14 working days) and its own recommendation; BKN its own decision, and the PPK's
 * execution, whose due date its letter set. The PPK never extends its own deadline: it is the
 * handoff most often late, and its escalation path starts at the due time. KASN no longer operates
 * (24 Aug 2024), so an extension recorded now is BKN's. For respondents who are not ASN the decision and
 * execution steps follow KIND_ROUTES.extendsOwnSteps (respondent-kinds.ts): the TNI and Polri extend their own,
 * and Bawaslu the regional head's, who never extends its own (as the PPK).
 */
export const EXTEND_DEADLINE_BY_STEP: Record<DeadlineStep, readonly Agency[]> = {
  STUDY: ['BAWASLU'],
  RECOMMENDATION: ['BAWASLU'],
  SANCTION_DECISION: ['BKN'],
  EXECUTION: ['BKN'],
};

/**
 * Who records which escalation of a PPK that does not act (shared/DOMAIN.md §2–3): Kemendagri and
 * KemenPANRB reprimand the regional head; BKN blocks and unblocks the respondent's personnel data in
 * SIASN (Peraturan BKN 1/2023); KASN referred to the President, before it was dissolved on 24 Aug 2024.
 */
export const ESCALATION_BY_KIND: Record<EscalationKind, Agency> = {
  KEMENDAGRI_REPRIMAND: 'KEMENDAGRI',
  KEMENPANRB_REPRIMAND: 'KEMENPANRB',
  SIASN_BLOCKED: 'BKN',
  SIASN_UNBLOCKED: 'BKN',
  REFERRED_TO_PRESIDENT: 'KASN',
};

/**
 * Who publishes a year's holiday calendar: the national KemenPANRB unit. The Minister of PANRB
 * co-signs the SKB 3 Menteri that sets the civil service's holidays and collective leave each year,
 * so KemenPANRB is the agency that answers for those dates; a regional unit may not publish.
 */
export const CALENDAR_PUBLISHERS: readonly Agency[] = ['KEMENPANRB'];

export function assertMayPublishCalendar(actor: Actor): void {
  if (!CALENDAR_PUBLISHERS.includes(actor.agency) || actor.region !== null) {
    throw forbidden(`${actor.agency}${actor.region ? ` unit ${actor.region}` : ''} may not publish the holiday calendar; only a national ${CALENDAR_PUBLISHERS.join(' or ')} unit`, 'access.calendarPublisher', {
      agency: actor.agency,
      region: actor.region,
      allowed: list(CALENDAR_PUBLISHERS),
    });
  }
}

/** Agencies that read every case whatever their region claim. */
export const READ_ALL_AGENCIES: readonly Agency[] = ['BKN', 'KASN', 'OVERSIGHT'];

export function assertAgencyMay(actor: Actor, { operation, agencies: allowed }: StepAccess): void {
  if (!allowed.includes(actor.agency)) {
    throw forbidden(`${actor.agency} may not ${operation}; only ${allowed.join(' or ')}`, 'access.agency', { agency: actor.agency, operation, allowed: list(allowed) });
  }
}

export function assertRegionMay(actor: Actor, { operation, regionOf }: StepAccess, regionCode: string): void {
  if (!regionContains(actor.region, regionCode)) {
    throw forbidden(
      `${actor.agency} unit ${actor.region} may not ${operation} for ${regionOf} ${regionCode}, outside its region`,
      'access.region',
      { agency: actor.agency, region: actor.region, operation, regionCode },
    );
  }
}

/**
 * The PPK of exactly the region a sanction decision names executes it (CONTRACT.md): a governor's
 * decision by the province's PPK, a bupati's or walikota's by that regency's or city's. A province
 * PPK does not act for the regional heads below it (each is a PPK of its own, shared/DOMAIN.md §2),
 * and a PPK token without a region (a minister) for no regional head.
 */
export function assertNamedPpk(actor: Actor, { operation }: StepAccess, ppkRegion: string): void {
  if (actor.region !== ppkRegion) {
    throw forbidden(`PPK unit ${actor.region ?? 'national'} may not ${operation}: the decision is addressed to the PPK of ${ppkRegion}`, 'access.namedPpk', {
      region: actor.region,
      operation,
      ppkRegion,
    });
  }
}

/** A case is visible to national readers, and to units whose region contains one of its region codes. */
export function mayReadAll(actor: Actor): boolean {
  return actor.region === null || READ_ALL_AGENCIES.includes(actor.agency);
}

export function mayRead(actor: Actor, scopeCodes: readonly string[]): boolean {
  return mayReadAll(actor) || scopeCodes.some((code) => regionContains(actor.region, code));
}

/** The region codes that make a regional unit see a case: its handling unit, the PPK regions and institutions of its respondents. */
export function caseScope(state: OpenedCase): string[] {
  const codes = new Set<string>([state.handlingUnit]);
  for (const r of state.respondents) {
    if (r.decision?.ppk) codes.add(r.decision.ppk.regionCode);
    if (r.institutionRegionCode) codes.add(r.institutionRegionCode);
  }
  return [...codes].sort();
}

/**
 * Read permission comes before every other check of a step: a caller that may not read the case
 * learns nothing from the refusal (its handling unit, PPK regions, respondents, version or which
 * command ids were used) — it is NOT_FOUND, exactly as a case that does not exist.
 */
export function assertMayReadCase(actor: Actor, state: CaseState, caseId: string): asserts state is OpenedCase {
  if (state.status !== 'opened' || !mayRead(actor, caseScope(state))) throw notFound(`no case ${caseId}`, 'case.notFound');
}

/** What places a respondent in a region: the PPK a decision names for it and its institution. */
export interface RespondentPlace {
  institutionRegionCode: string | null;
  ppkRegionCode: string | null;
}

/**
 * Who sees whom (CONTRACT.md "a respondent's identity"), the one rule every read path applies:
 * the handling Bawaslu unit (or a Bawaslu unit above it), national units, BKN, KASN and OVERSIGHT
 * see every respondent of a case they read; any other regional unit sees the respondents of its own
 * region — whose institution or named PPK lies in it, or, where neither is known, whose case is
 * handled in it — and the others only as "another respondent outside your region".
 */
export function maySeeEveryRespondent(actor: Actor | null, handlingUnit: string): boolean {
  if (actor === null) return false;
  return mayReadAll(actor) || (actor.agency === 'BAWASLU' && regionContains(actor.region, handlingUnit));
}

export function maySeeRespondent(actor: Actor | null, handlingUnit: string, respondent: RespondentPlace): boolean {
  if (actor === null) return false;
  if (maySeeEveryRespondent(actor, handlingUnit)) return true;
  return respondentRegions(handlingUnit, respondent).some((code) => regionContains(actor.region, code));
}

export function respondentRegions(handlingUnit: string, respondent: RespondentPlace): string[] {
  const codes = [respondent.institutionRegionCode, respondent.ppkRegionCode].filter((c): c is string => c !== null && c !== undefined);
  return codes.length > 0 ? codes : [handlingUnit];
}

/** Only the handling Bawaslu unit (or a Bawaslu unit above it) may see who reported. */
export function maySeeReporter(actor: Actor | null, handlingUnit: string): boolean {
  return actor !== null && actor.agency === 'BAWASLU' && regionContains(actor.region, handlingUnit);
}

/** Who reads the access audit (who read whose personal data): a national Bawaslu unit, or a national inspector (OVERSIGHT). */
export function mayReadAccessAudit(actor: Actor): boolean {
  return actor.region === null && (actor.agency === 'BAWASLU' || actor.agency === 'OVERSIGHT');
}
