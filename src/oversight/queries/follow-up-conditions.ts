import { sql, type SQL } from 'drizzle-orm';
import { mayReadAll } from '../../case/case-access';
import type { Actor } from '../../case/decide-context';
import { employmentsOf } from '../figures/figure-filter';
import type { CaseFilter, FollowUpFilter } from './filters.input';
import type { ReadSource } from './read-source';

/** SQL conditions over rm_follow_ups (alias f) joined to rm_cases (alias c). */

const within = (column: SQL, prefix: string) => sql`(${column} = ${prefix} OR ${column} LIKE ${prefix + '.%'})`;

/**
 * A regional unit sees a case when one of its region codes lies inside the unit's region. What a
 * caller may see is decided by the case as it is now, also when asking about the past.
 */
export function scopeCondition(actor: Actor | null, source?: ReadSource): SQL | null {
  if (actor === null || mayReadAll(actor)) return null;
  const inRegion = within(sql`code`, actor.region!);
  if (source?.asOf) return sql`EXISTS (SELECT 1 FROM rm_cases s, unnest(s.scope_codes) AS code WHERE s.id = c.id AND ${inRegion})`;
  return sql`EXISTS (SELECT 1 FROM unnest(c.scope_codes) AS code WHERE ${inRegion})`;
}

export const isWaiting = sql`f.waiting_on IS NOT NULL`;
export const overdueAt = (now: Date) => sql`(f.waiting_on IS NOT NULL AND f.due_at < ${now.toISOString()}::timestamptz)`;

export function followUpConditions(filter: FollowUpFilter | undefined, actor: Actor | null, source: ReadSource): SQL[] {
  const f = filter ?? {};
  const now = source.at;
  const conditions: Array<SQL | null> = [
    scopeCondition(actor, source),
    f.electionKind ? sql`f.election_kind = ${f.electionKind}` : null,
    f.electionYear ? sql`f.election_year = ${f.electionYear}` : null,
    f.regionPrefix ? within(sql`f.region_code`, f.regionPrefix) : null,
    f.ppkRegionPrefix ? within(sql`f.ppk_region`, f.ppkRegionPrefix) : null,
    f.violation ? sql`${f.violation} = ANY(f.violations)` : null,
    f.waitingOn ? sql`f.waiting_on = ${f.waitingOn}` : null,
    f.overdue === true ? overdueAt(now) : f.overdue === false ? sql`NOT coalesce(${overdueAt(now)}, false)` : null,
    f.respondentNip ? sql`f.nip = ${f.respondentNip}` : null,
    f.receivedFrom ? sql`f.case_received_at >= ${f.receivedFrom.toISOString()}::timestamptz` : null,
    f.receivedTo ? sql`f.case_received_at <= ${f.receivedTo.toISOString()}::timestamptz` : null,
    f.stage ? sql`f.stage = ${f.stage}` : null,
    f.followUpStatus ? sql`f.follow_up_status = ${f.followUpStatus}` : null,
    f.caseId ? sql`f.case_id = ${f.caseId}` : null,
    f.respondentKinds ? sql`f.employment IN (${sql.join(employmentsOf(f.respondentKinds).map((e) => sql`${e}`), sql`, `)})` : null,
  ];
  return conditions.filter((c): c is SQL => c !== null);
}

/** A case matches when it does and, for per-person filters, one of its respondents does. */
export function caseConditions(filter: CaseFilter | undefined, actor: Actor | null, source: ReadSource): SQL[] {
  const f = filter ?? {};
  const perPerson = followUpConditions(
    { violation: f.violation, waitingOn: f.waitingOn, overdue: f.overdue, respondentNip: f.respondentNip, regionPrefix: f.regionPrefix, respondentKinds: f.respondentKinds },
    null,
    source,
  );
  const conditions: Array<SQL | null> = [
    scopeCondition(actor, source),
    f.electionKind ? sql`c.election_kind = ${f.electionKind}` : null,
    f.electionYear ? sql`c.election_year = ${f.electionYear}` : null,
    f.stage ? sql`c.stage = ${f.stage}` : null,
    f.receivedFrom ? sql`c.received_at >= ${f.receivedFrom.toISOString()}::timestamptz` : null,
    f.receivedTo ? sql`c.received_at <= ${f.receivedTo.toISOString()}::timestamptz` : null,
    perPerson.length > 0 ? sql`EXISTS (SELECT 1 FROM ${source.followUps} f WHERE f.case_id = c.id AND ${sql.join(perPerson, sql` AND `)})` : null,
  ];
  return conditions.filter((c): c is SQL => c !== null);
}

export const whereAll = (conditions: SQL[]) => (conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``);
