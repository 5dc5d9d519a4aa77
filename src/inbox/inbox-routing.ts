import type { Agency, Employment } from '../case/case-vocabulary';
import { kindOf, KIND_ROUTES } from '../case/respondent-kinds';

/**
 * What reached which unit: a pure function of the case's history. A unit is an agency and its region
 * (null = national), the same pair a token names. Only what the case's events say is used, never the
 * read model, so the inbox, its rebuild and the notifications agree on who received what.
 */
export interface Unit {
  agency: Agency;
  region: string | null;
}

export const INBOX_KINDS = ['CASE_REPORTED', 'RECOMMENDATION_RECEIVED', 'SANCTION_DECIDED', 'RESPONDENT_CLEARED', 'SANCTION_EXECUTED', 'DEADLINE_PASSED'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** The little of a case that routing needs: where it is handled and where each respondent belongs. No name, no NIP. */
export interface CaseRoute {
  handlingUnit: string;
  registerNumber: string;
  respondents: Record<string, { employment: Employment; institutionRegionCode: string | null; ppkRegion: string | null; decidedBy: string | null }>;
}

/** Facts an inbox line shows besides its respondents: numbers, steps and times, never free text. */
export interface InboxDetails {
  letterNumber?: string;
  decreeNumber?: string;
  recipient?: string;
  step?: string;
  dueAt?: string;
  waitingOn?: string;
  ppkTitle?: string;
}

export interface Delivery {
  unit: Unit;
  kind: InboxKind;
  respondentIds: string[];
  occurredAt: string;
  details: InboxDetails;
}

interface EventLike {
  type: string;
  data: Record<string, unknown>;
}

const str = (v: unknown): string => String(v);
const national = (agency: Agency): Unit => ({ agency, region: null });
/** A regency or city: the first two segments of a Kemendagri code. */
const regencyOf = (code: string) => code.split('.').slice(0, 2).join('.');

/** The route after an event (null before the case was reported). */
export function evolveRoute(route: CaseRoute | null, event: EventLike): CaseRoute | null {
  const d = event.data;
  if (event.type === 'CaseReported') {
    const respondents: CaseRoute['respondents'] = {};
    for (const r of d.respondents as Array<Record<string, unknown>>) {
      respondents[str(r.respondentId)] = {
        employment: r.employment as Employment,
        institutionRegionCode: (r.institutionRegionCode as string | null) ?? null,
        ppkRegion: null,
        decidedBy: null,
      };
    }
    return { handlingUnit: str(d.handlingUnit), registerNumber: str(d.registerNumber), respondents };
  }
  if (route === null) return null;
  if (event.type === 'SanctionDecided' || event.type === 'RespondentCleared') {
    const id = str(d.respondentId);
    const respondent = route.respondents[id];
    if (!respondent) return route;
    const ppk = d.ppk as { regionCode: string } | undefined;
    return { ...route, respondents: { ...route.respondents, [id]: { ...respondent, ppkRegion: ppk?.regionCode ?? respondent.ppkRegion, decidedBy: str(d.decidedBy) } } };
  }
  return route;
}

/** The events deliveriesOf routes to someone: the others reach nobody, and a reader may pass them over without reading their case. */
export const ROUTED_EVENTS: ReadonlySet<string> = new Set(['CaseReported', 'RecommendationIssued', 'SanctionDecided', 'RespondentCleared', 'SanctionExecuted', 'FollowUpOverdue']);

/** Who an event reaches, given the route as it stood before it. Most events reach nobody (ROUTED_EVENTS). */
export function deliveriesOf(route: CaseRoute | null, event: EventLike): Delivery[] {
  // The set is the rule the outbox passes events over by: an event missing from it reaches nobody here either.
  if (!ROUTED_EVENTS.has(event.type)) return [];
  const d = event.data;
  if (event.type === 'CaseReported') {
    const next = evolveRoute(null, event)!;
    return [{ unit: { agency: 'BAWASLU', region: next.handlingUnit }, kind: 'CASE_REPORTED', respondentIds: Object.keys(next.respondents), occurredAt: str(d.receivedAt), details: {} }];
  }
  if (route === null) return [];
  const one = (id: unknown) => [str(id)];
  switch (event.type) {
    case 'RecommendationIssued': {
      const ids = (d.respondentIds as string[]).map(str);
      const details = { letterNumber: str(d.letterNumber), recipient: str(d.recipient) };
      if (d.recipient !== 'REGIONAL_HEAD') return [{ unit: national(d.recipient as Agency), kind: 'RECOMMENDATION_RECEIVED', respondentIds: ids, occurredAt: str(d.issuedAt), details }];
      // A village respondent's recommendation goes to the bupati/walikota of the village's regency.
      const byRegion = new Map<string, string[]>();
      for (const id of ids) {
        const region = regencyOf(route.respondents[id]?.institutionRegionCode ?? route.handlingUnit);
        byRegion.set(region, [...(byRegion.get(region) ?? []), id]);
      }
      return [...byRegion].map(([region, respondentIds]) => ({ unit: { agency: 'PPK' as Agency, region }, kind: 'RECOMMENDATION_RECEIVED' as const, respondentIds, occurredAt: str(d.issuedAt), details }));
    }
    case 'SanctionDecided': {
      const respondent = route.respondents[str(d.respondentId)];
      const executor = respondent ? KIND_ROUTES[kindOf(respondent.employment)].executors[0] : 'PPK';
      const ppk = d.ppk as { title: string; regionCode: string };
      const details = { letterNumber: str(d.letterNumber), dueAt: str(d.dueAt), ppkTitle: ppk.title };
      return [{ unit: { agency: executor, region: ppk.regionCode }, kind: 'SANCTION_DECIDED', respondentIds: one(d.respondentId), occurredAt: str(d.decidedAt), details }];
    }
    case 'RespondentCleared':
      return [{ unit: { agency: 'BAWASLU', region: route.handlingUnit }, kind: 'RESPONDENT_CLEARED', respondentIds: one(d.respondentId), occurredAt: str(d.decidedAt), details: { letterNumber: str(d.letterNumber) } }];
    case 'SanctionExecuted': {
      const decidedBy = route.respondents[str(d.respondentId)]?.decidedBy as Agency | null | undefined;
      if (!decidedBy || decidedBy === 'PPK') return [];
      return [{ unit: national(decidedBy), kind: 'SANCTION_EXECUTED', respondentIds: one(d.respondentId), occurredAt: str(d.executedAt), details: { decreeNumber: str(d.decreeNumber) } }];
    }
    case 'FollowUpOverdue': {
      const unit = waitingUnit(route, str(d.respondentId), d.waitingOn as Agency);
      const details = { step: str(d.step), dueAt: str(d.dueAt), waitingOn: str(d.waitingOn) };
      return [{ unit, kind: 'DEADLINE_PASSED', respondentIds: one(d.respondentId), occurredAt: str(d.detectedAt), details }];
    }
    default:
      return [];
  }
}

/** The unit a late step waits on: Bawaslu where the case is handled, the executor where the decision names it, BKN/KASN nationally. */
function waitingUnit(route: CaseRoute, respondentId: string, waitingOn: Agency): Unit {
  if (waitingOn === 'BAWASLU') return { agency: waitingOn, region: route.handlingUnit };
  const ppkRegion = route.respondents[respondentId]?.ppkRegion ?? null;
  if (ppkRegion !== null && ['PPK', 'TNI', 'POLRI'].includes(waitingOn)) return { agency: waitingOn, region: ppkRegion };
  return national(waitingOn);
}

/** `PPK:16.73`, `BKN`: how configuration and logs name a unit. */
export const unitKey = (unit: Unit) => (unit.region === null ? unit.agency : `${unit.agency}:${unit.region}`);
