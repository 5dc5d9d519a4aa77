import { sql, type SQL } from 'drizzle-orm';
import { mayReadAll } from '../../case/case-access';
import { KASN_DISSOLVED_AT } from '../../case/case-vocabulary';
import type { Actor } from '../../case/decide-context';
import { employmentsOf } from '../figures/figure-filter';
import type { CaseFilter, FollowUpFilter } from './filters.input';
import type { ReadSource } from './read-source';
import { monthStart } from '../small-cells/months';

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

/**
 * The join to the case rows, which only the scope condition reads (as `c`): none for a caller who
 * reads every case. Every follow-up row and version has its case row (the projection writes, and
 * rewrites, a case's rows in one transaction and never removes a case), so leaving the join out
 * drops no row; at 100k cases it was a hash join over every case on every summary and count.
 */
export function casesJoin(actor: Actor | null): SQL {
  return actor !== null && !mayReadAll(actor) ? sql` JOIN rm_cases c ON c.id = f.case_id` : sql``;
}

/**
 * SQL for case-access.ts `maySeeRespondent` over a follow-up row f (same rule, same order): null when
 * the caller sees every respondent of every case it reads. Filters on what is withheld from a caller
 * (a NIP; in listings also a respondent's region or PPK region) match only respondents it may see,
 * or the answer would say what the row hides.
 */
export function respondentVisible(actor: Actor | null): SQL | null {
  if (actor === null) return sql`false`;
  if (mayReadAll(actor)) return null;
  const region = actor.region!;
  const own = sql`(${within(sql`f.institution_region`, region)} OR ${within(sql`f.ppk_region`, region)}
    OR (f.institution_region IS NULL AND f.ppk_region IS NULL AND ${within(sql`f.handling_unit`, region)}))`;
  return actor.agency === 'BAWASLU' ? sql`(${within(sql`f.handling_unit`, region)} OR ${own})` : own;
}

export const isWaiting = sql`f.waiting_on IS NOT NULL`;

/** The agency a track waits on as it was at `at`: the rows say BKN, which was KASN before 24 Aug 2024. */
export const waitingOnAt = (at: Date): SQL =>
  at < KASN_DISSOLVED_AT ? sql`(CASE WHEN f.waiting_on = 'BKN' THEN 'KASN' ELSE f.waiting_on END)` : sql`f.waiting_on`;
export const overdueAt = (now: Date) => sql`(f.waiting_on IS NOT NULL AND f.due_at < ${now.toISOString()}::timestamptz)`;

/**
 * `listing`: the answer lists respondents (followUps, cases, the follow-ups export), so region filters
 * count as identifying too; aggregates (followUpSummary) only restrict the NIP.
 */
export function followUpConditions(filter: FollowUpFilter | undefined, actor: Actor | null, source: ReadSource, listing = true): SQL[] {
  const f = filter ?? {};
  // A respondent's kind is withheld with its employment, so in listings a kind filter identifies too.
  const identifying = Boolean(f.respondentNip) || (listing && Boolean(f.regionPrefix || f.ppkRegionPrefix || f.respondentKinds));
  const conditions: Array<SQL | null> = [scopeCondition(actor, source), identifying ? respondentVisible(actor) : null, ...filterConditions(f, source.at)];
  return conditions.filter((c): c is SQL => c !== null);
}

/** The filter's own conditions over f, without the caller's scope. */
export function filterConditions(f: FollowUpFilter, now: Date): SQL[] {
  const conditions: Array<SQL | null> = [
    f.electionKind ? sql`f.election_kind = ${f.electionKind}` : null,
    f.electionYear ? sql`f.election_year = ${f.electionYear}` : null,
    f.regionPrefix ? within(sql`f.region_code`, f.regionPrefix) : null,
    f.ppkRegionPrefix ? within(sql`f.ppk_region`, f.ppkRegionPrefix) : null,
    f.violation ? sql`${f.violation} = ANY(f.violations)` : null,
    f.waitingOn ? sql`${waitingOnAt(now)} = ${f.waitingOn}` : null,
    f.overdue === true ? overdueAt(now) : f.overdue === false ? sql`NOT coalesce(${overdueAt(now)}, false)` : null,
    f.respondentNip ? sql`f.nip = ${f.respondentNip}` : null,
    f.receivedFrom ? sql`f.case_received_at >= ${f.receivedFrom.toISOString()}::timestamptz` : null,
    f.receivedTo ? sql`f.case_received_at <= ${f.receivedTo.toISOString()}::timestamptz` : null,
    f.receivedFromMonth ? sql`f.case_received_at >= ${monthStart(f.receivedFromMonth, 'receivedFromMonth').toISOString()}::timestamptz` : null,
    f.receivedToMonth ? sql`f.case_received_at < ${monthStart(f.receivedToMonth, 'receivedToMonth', true).toISOString()}::timestamptz` : null,
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
  const perPerson = filterConditions(
    { violation: f.violation, waitingOn: f.waitingOn, overdue: f.overdue, respondentNip: f.respondentNip, regionPrefix: f.regionPrefix, respondentKinds: f.respondentKinds },
    source.at,
  );
  // The case scope is checked below, on c; a NIP or region filter may only match a respondent the caller sees.
  const visible = f.respondentNip || f.regionPrefix || f.respondentKinds ? respondentVisible(actor) : null;
  if (visible) perPerson.push(visible);
  const conditions: Array<SQL | null> = [
    scopeCondition(actor, source),
    f.electionKind ? sql`c.election_kind = ${f.electionKind}` : null,
    f.electionYear ? sql`c.election_year = ${f.electionYear}` : null,
    f.stage ? sql`c.stage = ${f.stage}` : null,
    f.receivedFrom ? sql`c.received_at >= ${f.receivedFrom.toISOString()}::timestamptz` : null,
    f.receivedTo ? sql`c.received_at <= ${f.receivedTo.toISOString()}::timestamptz` : null,
    f.receivedFromMonth ? sql`c.received_at >= ${monthStart(f.receivedFromMonth, 'receivedFromMonth').toISOString()}::timestamptz` : null,
    f.receivedToMonth ? sql`c.received_at < ${monthStart(f.receivedToMonth, 'receivedToMonth', true).toISOString()}::timestamptz` : null,
    perPerson.length > 0 ? sql`EXISTS (SELECT 1 FROM ${source.followUps} f WHERE f.case_id = c.id AND ${sql.join(perPerson, sql` AND `)})` : null,
  ];
  return conditions.filter((c): c is SQL => c !== null);
}

export const whereAll = (conditions: SQL[]) => (conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``);
