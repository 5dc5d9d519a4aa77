import { forbidden } from './case-error';
import type { Agency, DeadlineStep, EscalationKind } from './case-vocabulary';
import type { Actor } from './decide-context';
import { regionContains } from './validation/regions';

/**
 * Who may do what (shared/CONTRACT.md "Who may do what"): the single table the decider and the read
 * side consult. A unit acts on what lies inside its region (Kemendagri code-prefix match).
 */
export const WRITE_ACCESS = {
  reportCase: { agencies: ['BAWASLU'], regionOf: 'the case handling unit' },
  recordStudy: { agencies: ['BAWASLU'], regionOf: 'the case handling unit' },
  issueRecommendation: { agencies: ['BAWASLU'], regionOf: 'the case handling unit' },
  /** Which one depends on the respondent's kind (respondent-kinds.ts): KASN/BKN for ASN, TNI, POLRI, the PPK for a village. */
  decideSanction: { agencies: ['BKN', 'KASN', 'TNI', 'POLRI', 'PPK'], regionOf: 'the case handling unit (for a village respondent, its region)' },
  recordSanctionExecution: { agencies: ['PPK', 'TNI', 'POLRI'], regionOf: 'the PPK region of the sanction decision' },
  declareFollowUpImpossible: { agencies: ['PPK', 'BKN', 'TNI', 'POLRI'], regionOf: 'the PPK region of the sanction decision' },
  erasePersonalData: { agencies: ['BAWASLU'], regionOf: 'the case handling unit' },
  /** Which of the two depends on the step: EXTEND_DEADLINE_BY_STEP. */
  extendDeadline: { agencies: ['BAWASLU', 'BKN', 'TNI', 'POLRI'], regionOf: 'the region of the step (handling unit, or the PPK region for execution)' },
  /** Which one depends on the kind: ESCALATION_BY_KIND. */
  recordEscalation: { agencies: ['KEMENDAGRI', 'KEMENPANRB', 'BKN', 'KASN'], regionOf: 'the PPK region of the sanction decision' },
  /** Netra's own deadline process; no token can claim the NETRA agency. */
  markOverdue: { agencies: ['NETRA'], regionOf: 'the case handling unit' },
} as const satisfies Record<string, { agencies: readonly Agency[]; regionOf: string }>;

export type WriteOperation = keyof typeof WRITE_ACCESS;

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

/** Agencies that read every case whatever their region claim. */
export const READ_ALL_AGENCIES: readonly Agency[] = ['BKN', 'KASN', 'OVERSIGHT'];

export function assertAgencyMay(actor: Actor, operation: WriteOperation): void {
  const allowed: readonly Agency[] = WRITE_ACCESS[operation].agencies;
  if (!allowed.includes(actor.agency)) {
    throw forbidden(`${actor.agency} may not ${operation}; only ${allowed.join(' or ')}`);
  }
}

export function assertRegionMay(actor: Actor, operation: WriteOperation, regionCode: string): void {
  if (!regionContains(actor.region, regionCode)) {
    throw forbidden(
      `${actor.agency} unit ${actor.region} may not ${operation} for ${WRITE_ACCESS[operation].regionOf} ${regionCode}, outside its region`,
    );
  }
}

/** A case is visible to national readers, and to units whose region contains one of its region codes. */
export function mayReadAll(actor: Actor): boolean {
  return actor.region === null || READ_ALL_AGENCIES.includes(actor.agency);
}

export function mayRead(actor: Actor, scopeCodes: readonly string[]): boolean {
  return mayReadAll(actor) || scopeCodes.some((code) => regionContains(actor.region, code));
}

/** Only the handling Bawaslu unit (or a Bawaslu unit above it) may see who reported. */
export function maySeeReporter(actor: Actor | null, handlingUnit: string): boolean {
  return actor !== null && actor.agency === 'BAWASLU' && regionContains(actor.region, handlingUnit);
}
