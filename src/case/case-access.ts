import { forbidden } from './case-error';
import type { Agency } from './case-vocabulary';
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
  decideSanction: { agencies: ['BKN', 'KASN'], regionOf: 'the case handling unit' },
  recordSanctionExecution: { agencies: ['PPK'], regionOf: 'the PPK region of the sanction decision' },
  declareFollowUpImpossible: { agencies: ['PPK', 'BKN'], regionOf: 'the PPK region of the sanction decision' },
  erasePersonalData: { agencies: ['BAWASLU'], regionOf: 'the case handling unit' },
} as const satisfies Record<string, { agencies: readonly Agency[]; regionOf: string }>;

export type WriteOperation = keyof typeof WRITE_ACCESS;

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
