import { badInput, forbidden, list } from './case-error';
import {
  ASN_SANCTION_KINDS,
  ESCALATION_KINDS,
  SANCTION_KINDS,
  POLRI_SANCTION_KINDS,
  TNI_SANCTION_KINDS,
  VILLAGE_SANCTION_KINDS,
  type Agency,
  type Employment,
  type EscalationKind,
  type RecommendationRecipient,
  type SanctionKind,
} from './case-vocabulary';
import type { Actor } from './decide-context';
import { oneOf } from './input-rules';

/**
 * Respondents who are not ASN (shared/DOMAIN.md §2): village heads and officials, TNI and Polri members.
 * Their track has the same stages, deadlines, overdue records and follow-up statuses; what differs is
 * the identifier, the body Bawaslu's recommendation goes to, who decides and carries out the punishment,
 * and which punishments exist. One row per kind, so the decider, the read side and the console read the
 * same table.
 *
 * - CIVIL_SERVICE (PNS, PPPK, and OTHER, which has always gone this way): NIP; KASN/BKN decide, the PPK
 *   executes by decree (PP 94/2021, PP 42/2004).
 * - TNI: NRP; Bawaslu forwards to the TNI, where the superior entitled to punish (Ankum, UU 25/2014 Pasal
 *   1 and 9) decides and carries out a military disciplinary punishment; the military police (Puspom)
 *   examine. Which TNI office receives Bawaslu's letter is **unconfirmed** (DOMAIN.md §2): the recipient
 *   is the value TNI and the acting agency a token with agency TNI, whatever office holds it.
 * - POLRI: NRP; Bawaslu forwards to Polri, whose Propam (Divisi Profesi dan Pengamanan) examines and
 *   whose superiors punish under PP 2/2003. The path is **unconfirmed** in the same way: agency POLRI.
 * - VILLAGE (VILLAGE_HEAD, VILLAGE_OFFICIAL): NIK or none; Bawaslu recommends to the bupati/walikota
 *   (REGIONAL_HEAD), who decides and imposes the Village Law's sanctions (UU 6/2014 Pasal 30 and 52).
 *   In Netra that is the PPK of the regency (a token with agency PPK): the same office, the regional head.
 *   For a village official UU 6/2014 Pasal 53 has the village head dismiss after consulting the camat;
 *   Netra records the regional head's decision and action, as Bawaslu addresses it.
 */
export const RESPONDENT_KINDS = ['CIVIL_SERVICE', 'TNI', 'POLRI', 'VILLAGE'] as const;
export type RespondentKind = (typeof RESPONDENT_KINDS)[number];

export type IdentifierField = 'nip' | 'nrp' | 'nik';

export interface KindRoute {
  employments: readonly Employment[];
  /** The one identifier this kind of respondent may carry (optional, as the NIP always was). */
  identifier: IdentifierField;
  recipients: readonly RecommendationRecipient[];
  /** Who decides on Bawaslu's recommendation (decideSanction); KASN only before 24 Aug 2024. */
  deciders: readonly Agency[];
  /** Who records the punishment carried out (recordSanctionExecution) and may declare it impossible. */
  executors: readonly Agency[];
  /** Who besides the executor may declare follow-up impossible (BKN for ASN), also before deciding. */
  alsoDeclaresImpossible: readonly Agency[];
  /** Who may extend the decision and execution due times; the regional head never extends its own. */
  extendsOwnSteps: readonly Agency[];
  /** Region levels of the official named to carry out the punishment (`ppk.regionCode`). */
  executorLevels: ReadonlyArray<'PROVINCE' | 'REGENCY'>;
  sanctions: readonly SanctionKind[];
  /** Escalations that exist for this kind: SIASN and KASN concern ASN only; Kemendagri supervises the regional head. */
  escalations: readonly EscalationKind[];
  /** The words Bawaslu's letter and the console use for the body. */
  body: string;
}

export const KIND_ROUTES: Record<RespondentKind, KindRoute> = {
  CIVIL_SERVICE: {
    employments: ['PNS', 'PPPK', 'OTHER'],
    identifier: 'nip',
    recipients: ['KASN', 'BKN'],
    deciders: ['BKN', 'KASN'],
    executors: ['PPK'],
    alsoDeclaresImpossible: ['BKN'],
    extendsOwnSteps: ['BKN'],
    executorLevels: ['PROVINCE', 'REGENCY'],
    sanctions: ASN_SANCTION_KINDS,
    escalations: ESCALATION_KINDS,
    body: 'KASN/BKN, then the PPK',
  },
  TNI: {
    employments: ['TNI'],
    identifier: 'nrp',
    recipients: ['TNI'],
    deciders: ['TNI'],
    executors: ['TNI'],
    alsoDeclaresImpossible: [],
    extendsOwnSteps: ['TNI'],
    executorLevels: ['PROVINCE', 'REGENCY'],
    sanctions: TNI_SANCTION_KINDS,
    escalations: [],
    body: 'the TNI (Ankum)',
  },
  POLRI: {
    employments: ['POLRI'],
    identifier: 'nrp',
    recipients: ['POLRI'],
    deciders: ['POLRI'],
    executors: ['POLRI'],
    alsoDeclaresImpossible: [],
    extendsOwnSteps: ['POLRI'],
    executorLevels: ['PROVINCE', 'REGENCY'],
    sanctions: POLRI_SANCTION_KINDS,
    escalations: [],
    body: 'Polri (Propam)',
  },
  VILLAGE: {
    employments: ['VILLAGE_HEAD', 'VILLAGE_OFFICIAL'],
    identifier: 'nik',
    recipients: ['REGIONAL_HEAD'],
    deciders: ['PPK'],
    executors: ['PPK'],
    alsoDeclaresImpossible: [],
    extendsOwnSteps: ['BAWASLU'],
    executorLevels: ['REGENCY'],
    sanctions: VILLAGE_SANCTION_KINDS,
    escalations: ['KEMENDAGRI_REPRIMAND'],
    body: 'the bupati/walikota',
  },
};

export function kindOf(employment: Employment): RespondentKind {
  return RESPONDENT_KINDS.find((k) => KIND_ROUTES[k].employments.includes(employment)) ?? 'CIVIL_SERVICE';
}

export const routeOf = (employment: Employment): KindRoute => KIND_ROUTES[kindOf(employment)];

/** Employments counted in the figures unless a filter asks for others: ASN figures stay what they were. */
export const DEFAULT_FIGURE_EMPLOYMENTS: readonly Employment[] = KIND_ROUTES.CIVIL_SERVICE.employments;

/** A sanction this kind of respondent can be given: a civil-service demotion is no punishment for a TNI sergeant. */
export function sanctionFor(value: unknown, employment: Employment, field: string): SanctionKind {
  const sanction = oneOf(value, SANCTION_KINDS, field);
  const route = routeOf(employment);
  if (!route.sanctions.includes(sanction)) {
    throw badInput(field, `${sanction} is not a sanction for ${employment}; it is one of ${route.sanctions.join(', ')}`, 'sanction.notForEmployment', {
      sanction,
      employment,
      allowed: list(route.sanctions),
    });
  }
  return sanction;
}

export function assertDecider(actor: Actor, route: KindRoute, employment: Employment): void {
  if (!route.deciders.includes(actor.agency)) {
    throw forbidden(`${actor.agency} may not decideSanction for a respondent who is ${employment}; only ${route.deciders.join(' or ')}`, 'access.employment', {
      agency: actor.agency,
      operation: 'decideSanction',
      employment,
      allowed: list(route.deciders),
    });
  }
}

export function assertExecutor(actor: Actor, route: KindRoute, employment: Employment, operation: string): void {
  if (!route.executors.includes(actor.agency)) {
    throw forbidden(`${actor.agency} may not ${operation} for a respondent who is ${employment}; only ${route.executors.join(' or ')}`, 'access.employment', {
      agency: actor.agency,
      operation,
      employment,
      allowed: list(route.executors),
    });
  }
}

/** Who carries out a sanction, from its kind: the PPK for ASN and village respondents, the TNI, Polri. */
export const executorOf = (sanction: SanctionKind): Agency =>
  KIND_ROUTES[RESPONDENT_KINDS.find((k) => KIND_ROUTES[k].sanctions.includes(sanction)) ?? 'CIVIL_SERVICE'].executors[0];
