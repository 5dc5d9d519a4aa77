import { KIND_ROUTES, RESPONDENT_KINDS, type RespondentKind } from '../../case/respondent-kinds';
import type { FollowUpFilter } from '../queries/filters.input';

/**
 * Figures about ASN stay what they were: unless the filter names respondent kinds, a summary counts the
 * civil-service track only (PNS, PPPK and OTHER). TNI, Polri and village respondents are counted when
 * asked for (`respondentKinds`, or grouped by RESPONDENT_KIND over the kinds asked for).
 */
export function figureFilter(filter: FollowUpFilter | undefined): FollowUpFilter {
  const given = filter?.respondentKinds;
  return { ...(filter ?? {}), respondentKinds: given && given.length > 0 ? given : ['CIVIL_SERVICE'] } as FollowUpFilter;
}

export function employmentsOf(kinds: readonly string[]): string[] {
  return RESPONDENT_KINDS.filter((k) => kinds.includes(k)).flatMap((k) => [...KIND_ROUTES[k].employments]);
}

/** The SQL CASE the RESPONDENT_KIND dimension groups by, written from the same table. */
export const respondentKindCases = (): Array<[RespondentKind, readonly string[]]> =>
  RESPONDENT_KINDS.map((k) => [k, KIND_ROUTES[k].employments]);
