/**
 * The dashboard's GraphQL: public followUpSummary reads only (aggregates, never a name or NIP), so
 * everything here answers for any signed-in agency within its region, and even without a token.
 */

const PAIR = '{ persons cases }';

const FIGURES = `
  total cases overdue overdueCases actedOnRate maxDaysLate
  recommended ${PAIR} decided ${PAIR} actedOn ${PAIR} waiting ${PAIR}
  byStage { stage count cases }`;

/**
 * Everything shown for one choice of filters, in one request; `overall` carries the asOf and log
 * position the figures were computed at. The election and province lists ignore the filters.
 */
export const DASHBOARD_QUERY = `query Dashboard(
  $filter: FollowUpFilter, $ppkFilter: FollowUpFilter, $provinceFilter: FollowUpFilter,
  $regionBy: [SummaryDimension!]!, $asOf: DateTime
) {
  overall: followUpSummary(filter: $filter, asOf: $asOf) { asOf current position overall { ${FIGURES} } }
  waiting: followUpSummary(groupBy: [WAITING_ON], filter: $filter, asOf: $asOf) { buckets { key { waitingOn } total cases overdue } }
  regions: followUpSummary(groupBy: $regionBy, filter: $filter, asOf: $asOf) { buckets { key { regionCode regionName } ${FIGURES} } }
  ppks: followUpSummary(groupBy: [PPK], filter: $ppkFilter, asOf: $asOf) { buckets { key { ppk } total overdue overdueCases maxDaysLate } }
  elections: followUpSummary(groupBy: [ELECTION]) { buckets { key { election } } }
  provinces: followUpSummary(groupBy: [PROVINCE], filter: $provinceFilter) { buckets { key { regionCode regionName } } }
}`;

/** The acted-on curve: one followUpSummary per point in time (aliases p0, p1, …) in one request. */
export function curveQuery(points: number): string {
  const variables = Array.from({ length: points }, (_, i) => `$t${i}: DateTime!`).join(', ');
  const fields = Array.from(
    { length: points },
    (_, i) => `p${i}: followUpSummary(filter: $filter, asOf: $t${i}) { asOf overall { total decided { persons } actedOn { persons } actedOnRate } }`,
  ).join('\n  ');
  return `query Curve($filter: FollowUpFilter, ${variables}) {\n  ${fields}\n}`;
}
