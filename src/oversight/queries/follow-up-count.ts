import { sql, type SQL } from 'drizzle-orm';
import { mayReadAll } from '../../case/case-access';
import { FOLLOW_UP_STATUSES, KASN_DISSOLVED_AT, RESPONDENT_STAGES } from '../../case/case-vocabulary';
import type { Actor } from '../../case/decide-context';
import { GROUP } from '../projection/summary-counters';
import { ODD_REGION_CODE, SCOPE_PREFIXES, SEVERAL_SCOPE_CODES } from '../read-model/region-shape';
import type { FollowUpFilter } from './filters.input';
import { filterConditions, whereAll } from './follow-up-conditions';
import type { ReadSource } from './read-source';

/**
 * followUps' `totalCount` from the summary counters (projection/summary-counters.ts) where they
 * give it exactly, instead of counting the rows (at 100,000 cases a province and a status match
 * ~60,000 rows: a parallel sequential scan of ~40–70 ms). The counters are written in the
 * transaction that writes the rows, so a statement sees both at one snapshot.
 *
 * A person figure (`total`, `stage_X`, `status_X`) of a bucket counts the tracks in it; summed over
 * the single-kind rows (overlap rows hold no persons) it counts every track whatever its kind, which
 * is what followUps lists. Served: now (not as of a date, not before KASN's dissolution: the agency
 * waited on depends on the instant), filtered by nothing but election kind and year, at most one of
 * stage and status, and at most one of a province or regency prefix (`PP`, `PP.KK`) and the agency
 * waited on. Anything else counts the rows (countRows).
 *
 * A region prefix reads the PROVINCE bucket (province_code is the first two characters of the
 * region code) or the REGION bucket (regency_code ?? province_code; the regency is `PP.KK` of a
 * well-formed code). For a dotted Kemendagri code both are exactly `region_code = P OR region_code
 * LIKE 'P.%'`. For any other code they may differ (`1601`: province 16, not within `16`), so the
 * rows with such codes — none in a well-formed history, found through a partial index over them —
 * are taken out of the bucket's figure and those the filter matches put back.
 *
 * A regional unit of a province or regency R (need-to-know: the rows of every case with a scope code
 * within R) is served the same way, R as the prefix, when its filter names no region and no agency
 * waited on. A row's counting region (PPK region ?? institution region ?? handling unit) is one of its
 * case's scope codes (case-access.ts caseScope: handling unit, PPK and institution regions), so a row
 * within R always lies in a case the unit sees, and a case with one scope code has every row in that
 * code: only the rows of cases with several scope codes, inside R's scope, can lie outside R. Those
 * are added, the cases found through an index over their codes' prefixes (rm_cases_scope_prefixes_idx).
 * What a row shows is not decided here: the page's rows still pass forViewer.
 */
const SERVED = new Set(['electionKind', 'electionYear', 'regionPrefix', 'waitingOn', 'stage', 'followUpStatus']);
const PROVINCE = /^\d{2}$/;
const REGENCY = /^\d{2}\.\d{2}$/;
const within = (column: SQL, prefix: string) => sql`(${column} = ${prefix} OR ${column} LIKE ${prefix + '.%'})`;

/** The statement that answers the count (one row, `n`) from the counters, or null when they do not serve the filter. */
export function countFromCounters(filter: FollowUpFilter | undefined, actor: Actor | null, source: ReadSource): SQL | null {
  const f = filter ?? {};
  if (source.asOf !== null || actor === null || source.at < KASN_DISSOLVED_AT) return null;
  // A regional unit's scope is its region; a region filter of its own would also hide the respondents it may not see (respondentVisible).
  const scope = mayReadAll(actor) ? null : actor.region!;
  if (scope !== null && (f.regionPrefix || f.waitingOn || (!PROVINCE.test(scope) && !REGENCY.test(scope)))) return null;
  for (const [field, value] of Object.entries(f)) if (value !== undefined && value !== null && !SERVED.has(field)) return null;
  // The same truthiness as filterConditions: a filter field it ignores is ignored here.
  if (f.stage && f.followUpStatus) return null;
  if (f.stage && !RESPONDENT_STAGES.includes(f.stage as never)) return null;
  if (f.followUpStatus && !FOLLOW_UP_STATUSES.includes(f.followUpStatus as never)) return null;
  const figure = f.stage ? `stage_${f.stage}` : f.followUpStatus ? `status_${f.followUpStatus}` : 'total';
  const prefix = scope ?? (f.regionPrefix || null);
  if (prefix !== null && !PROVINCE.test(prefix) && !REGENCY.test(prefix)) return null;
  if (prefix !== null && f.waitingOn) return null;

  let grouping = 0;
  const keys: SQL[] = [];
  if (f.electionKind || f.electionYear) grouping |= GROUP.ELECTION;
  if (f.electionKind) keys.push(sql`election_kind = ${f.electionKind}`);
  if (f.electionYear) keys.push(sql`election_year = ${f.electionYear}`);
  if (f.waitingOn) (grouping |= GROUP.WAITING_ON), keys.push(sql`waiting_on = ${f.waitingOn}`);
  // Which bucket a follow-up row lies in, for the correction below.
  let inBucket: SQL | null = null;
  if (prefix !== null && PROVINCE.test(prefix)) {
    grouping |= GROUP.PROVINCE;
    keys.push(sql`province = ${prefix}`);
    inBucket = sql`f.province_code = ${prefix}`;
  } else if (prefix !== null) {
    grouping |= GROUP.REGION;
    keys.push(sql`region = ${prefix}`);
    inBucket = sql`coalesce(f.regency_code, f.province_code) = ${prefix}`;
  }
  const counted = sql`SELECT coalesce(sum(${sql.raw(`"${figure}"`)}), 0) FROM rm_summary_counts
    WHERE dims = ${grouping} AND kind NOT LIKE '%+%'${sql.join(keys.map((k) => sql` AND ${k}`), sql``)}`;
  if (inBucket === null) return sql`SELECT (${counted})::bigint AS n`;
  // The rows with a code of another shape: those the bucket counted out, those the filter matches in.
  const others = filterConditions({ ...f, regionPrefix: undefined }, source.at);
  const odd = sql`SELECT count(*) FILTER (WHERE ${within(sql`f.region_code`, prefix!)}) - count(*) FILTER (WHERE ${inBucket})
    FROM rm_follow_ups f ${whereAll([sql.raw(ODD_REGION_CODE), ...others])}`;
  if (scope === null) return sql`SELECT (${counted})::bigint + (${odd})::bigint AS n`;
  return sql`SELECT (${counted})::bigint + (${odd})::bigint + (${outsideInScope(scope, others)})::bigint AS n`;
}

/**
 * The rows a unit of region R sees whose counting region lies outside R: rows of the cases with several
 * scope codes, one of them within R (the partial index's predicate and expression, so it is read).
 */
function outsideInScope(region: string, conditions: SQL[]): SQL {
  const cases = sql`SELECT s.id FROM rm_cases s WHERE ${sql.raw(SEVERAL_SCOPE_CODES)} AND ${sql.raw(SCOPE_PREFIXES)} @> ARRAY[${region}]::text[]`;
  return sql`SELECT count(*) FROM rm_follow_ups f ${whereAll([sql`f.case_id IN (${cases})`, sql`NOT ${within(sql`f.region_code`, region)}`, ...conditions])}`;
}
