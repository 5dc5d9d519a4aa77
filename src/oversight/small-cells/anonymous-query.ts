import { badInput } from '../../case/case-error';
import { SummaryDimension } from '../models/summary.model';
import type { FollowUpFilter } from '../queries/filters.input';
import { ANONYMOUS_DIMENSIONS } from './anonymous-summary';
import { monthStart } from './months';

/** The only filters a caller without a token may narrow figures by: coarse, so every answer is a union of whole cells. */
const ANONYMOUS_FILTERS = new Set(['electionKind', 'electionYear', 'regionPrefix', 'receivedFromMonth', 'receivedToMonth']);
const PROVINCE_OR_REGENCY = /^\d{2}(\.\d{2})?$/;

/**
 * Refuses, naming the field, what would let an anonymous caller narrow figures below whole cells:
 * a filter on a case, a person, a stage or a day; a district or village; an instant in the past;
 * grouping by PPK, violation or the agency waited on. `prefix` is how the transport names fields
 * (`filter.` in GraphQL, nothing in an export's query string).
 */
export function assertAnonymousQuery(groupBy: readonly SummaryDimension[], filter: FollowUpFilter | undefined, asOf: Date | null, prefix: string): void {
  for (const [field, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === null) continue;
    if (!ANONYMOUS_FILTERS.has(field)) {
      throw badInput(`${prefix}${field}`, `needs a bearer token; without one figures may be narrowed only by ${[...ANONYMOUS_FILTERS].join(', ')}`, 'filter.needsToken', {
        allowed: [...ANONYMOUS_FILTERS].join(','),
      });
    }
  }
  if (filter?.regionPrefix && !PROVINCE_OR_REGENCY.test(filter.regionPrefix)) {
    throw badInput(`${prefix}regionPrefix`, 'must be a province or a regency/city (e.g. 16 or 16.73) without a bearer token', 'filter.regionLevel');
  }
  if (filter?.receivedFromMonth && filter.receivedToMonth && monthStart(filter.receivedFromMonth, `${prefix}receivedFromMonth`) > monthStart(filter.receivedToMonth, `${prefix}receivedToMonth`)) {
    throw badInput(`${prefix}receivedToMonth`, 'must not be before receivedFromMonth', 'filter.monthOrder');
  }
  const refused = groupBy.find((d) => !ANONYMOUS_DIMENSIONS.includes(d));
  if (refused) throw badInput('groupBy', `${refused} needs a bearer token; without one figures may be grouped only by ${ANONYMOUS_DIMENSIONS.join(', ')}`, 'filter.needsToken', {
      allowed: ANONYMOUS_DIMENSIONS.join(','),
    });
  if (asOf !== null) throw badInput('asOf', 'needs a bearer token; without one figures are those of now', 'filter.needsToken', { allowed: '' });
}
