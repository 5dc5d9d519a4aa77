import { Inject, Injectable, Optional } from '@nestjs/common';
import { CLOCK, systemClock, type Clock } from '../../config/clock';
import { sql, type SQL } from 'drizzle-orm';
import { badInput } from '../../case/case-error';
import type { Actor } from '../../case/decide-context';
import type { CaseView, TimelineEntryView } from '../models/case.model';
import type { CaseConnection, FollowUpConnection } from '../models/connections.model';
import type { FollowUpView } from '../models/follow-up.model';
import { READ_DB, type ReadDb } from '../../storage/read-db';
import type { CaseFilter, FollowUpFilter } from './filters.input';
import { caseConditions, casesJoin, followUpConditions, scopeCondition, whereAll } from './follow-up-conditions';
import { readSource, type ReadSource } from './read-source';
import { countFromCounters } from './follow-up-count';
import { decodeCursor, encodeCursor, toCase, toFollowUp, toTimelineEntry } from './row-mapping';
import { readCheckpoint } from '../projection/projection-runner';
import { forViewer } from './respondent-view';

/** A case without its lazily resolved parts; `asOf` tells those resolvers which moment the case is shown at. */
export type CaseSummaryView = Omit<CaseView, 'respondents' | 'timeline' | 'reporter'> & { asOf?: Date | null };
/** Where a follow-up sits in the followUps order: (case received, case id, respondent id), descending. */
export interface FollowUpKey {
  receivedAt: string;
  caseId: string;
  respondentId: string;
}
/** A follow-up with the case facts a file names it by. */
export interface FollowUpRecord {
  followUp: FollowUpView;
  registerNumber: string;
  election: { kind: string; year: number };
  /** The case's handling unit: the CSV writes the track's times in its zone. */
  handlingUnit: string;
}
const MAX_PAGE = 100;

/** Reads cases and follow-ups from the read model, always within what the caller may see. */
@Injectable()
export class CaseReader {
  constructor(
    @Inject(READ_DB) private readonly db: ReadDb,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async case(id: string, actor: Actor, asOf?: Date | null): Promise<CaseSummaryView | null> {
    const source = readSource(asOf, this.clock());
    const conditions = [sql`c.id = ${id}`, scopeCondition(actor, source)].filter((c): c is SQL => c !== null);
    const rows = await this.rows(sql`SELECT c.* FROM ${source.cases} c ${whereAll(conditions)}`);
    return rows.length > 0 ? { ...toCase(rows[0]), asOf: source.asOf } : null;
  }

  async cases(filter: CaseFilter | undefined, first: number, after: string | undefined, actor: Actor, source: ReadSource): Promise<CaseConnection> {
    const limit = pageSize(first);
    const conditions = caseConditions(filter, actor, source);
    const total = await this.count(sql`SELECT count(*) AS n FROM ${source.cases} c ${whereAll(conditions)}`);
    if (after) {
      const [receivedAt, id] = cursorValues(after, 2);
      conditions.push(sql`(c.received_at, c.id) < (${receivedAt}::timestamptz, ${id})`);
    }
    const rows = await this.rows(
      sql`SELECT c.* FROM ${source.cases} c ${whereAll(conditions)} ORDER BY c.received_at DESC, c.id DESC LIMIT ${limit + 1}`,
    );
    const page = rows.slice(0, limit).map((row) => ({
      cursor: encodeCursor([new Date(row.received_at as string).toISOString(), row.id]),
      node: { ...toCase(row), asOf: source.asOf } as unknown as CaseView,
    }));
    return { edges: page, totalCount: total, pageInfo: pageInfo(page, rows.length > limit, Boolean(after)) };
  }

  async followUps(
    filter: FollowUpFilter | undefined,
    first: number,
    after: string | undefined,
    actor: Actor,
    source: ReadSource,
  ): Promise<FollowUpConnection> {
    const limit = pageSize(first);
    const conditions = followUpConditions(filter, actor, source);
    const from = sql`FROM ${source.followUps} f${casesJoin(actor)}`;
    const counted = countFromCounters(filter, actor, source) ?? sql`SELECT count(*) AS n ${from} ${whereAll([...conditions])}`;
    if (after) {
      const [receivedAt, caseId, respondentId] = cursorValues(after, 3);
      conditions.push(sql`(f.case_received_at, f.case_id, f.respondent_id) < (${receivedAt}::timestamptz, ${caseId}, ${respondentId})`);
    }
    // The count and the page in one statement (one round trip, one snapshot); an empty page is one row of nulls beside the count.
    const answer = await this.rows(
      sql`SELECT p.*, t.n AS page_total_count FROM (${counted}) t
          LEFT JOIN LATERAL (SELECT f.* ${from} ${whereAll(conditions)}
            ORDER BY f.case_received_at DESC, f.case_id DESC, f.respondent_id DESC LIMIT ${limit + 1}) p ON true
          ORDER BY p.case_received_at DESC, p.case_id DESC, p.respondent_id DESC`,
    );
    const total = Number(answer[0].page_total_count);
    const rows = answer.filter((row) => row.case_id !== null && row.case_id !== undefined);
    const page = rows.slice(0, limit).map((row) => ({
      cursor: encodeCursor([new Date(row.case_received_at as string).toISOString(), row.case_id, row.respondent_id]),
      node: forViewer(toFollowUp(row, source.at), String(row.handling_unit), actor),
    }));
    return { edges: page, totalCount: total, pageInfo: pageInfo(page, rows.length > limit, Boolean(after)) };
  }

  /**
   * One page of follow-ups for a streamed export: the tracks as they stood at `source.at`, in the
   * followUps order after `after`, with no count. Each track's version is found through the history's
   * primary key (LATERAL) instead of readSource's DISTINCT ON over every version, so a page costs its
   * own rows, not the whole history, and consecutive pages show one instant however long the export
   * takes. `next` is null on the last page.
   */
  async followUpPage(
    filter: FollowUpFilter | undefined,
    after: FollowUpKey | null,
    limit: number,
    actor: Actor,
    source: ReadSource,
  ): Promise<{ records: FollowUpRecord[]; next: FollowUpKey | null }> {
    const at = sql`${source.at.toISOString()}::timestamptz`;
    // Pinned to one log position, a case recorded during a long download is left out on every page alike.
    const pinned = source.position === undefined ? sql`` : sql` AND v.log_position <= ${source.position.toString()}::bigint`;
    const conditions = followUpConditions(filter, actor, source);
    if (after) {
      conditions.push(sql`(cur.case_received_at, cur.case_id, cur.respondent_id) < (${after.receivedAt}::timestamptz, ${after.caseId}, ${after.respondentId})`);
    }
    const rows = await this.rows(
      sql`SELECT f.*, c.register_number AS case_register_number
          FROM rm_follow_ups cur
          CROSS JOIN LATERAL (
            SELECT v.*, cur.nip, cur.nrp, cur.nik FROM rm_follow_up_versions v
            WHERE v.case_id = cur.case_id AND v.respondent_id = cur.respondent_id AND v.valid_from <= ${at}${pinned}
            ORDER BY v.case_version DESC LIMIT 1) f
          JOIN rm_cases c ON c.id = cur.case_id
          ${whereAll(conditions)}
          ORDER BY cur.case_received_at DESC, cur.case_id DESC, cur.respondent_id DESC LIMIT ${limit + 1}`,
    );
    const records = rows.slice(0, limit).map((row) => ({
      followUp: forViewer(toFollowUp(row, source.at), String(row.handling_unit), actor),
      registerNumber: String(row.case_register_number),
      election: { kind: String(row.election_kind), year: Number(row.election_year) },
      handlingUnit: String(row.handling_unit),
    }));
    const last = rows[limit - 1];
    const next =
      rows.length > limit ? { receivedAt: new Date(last.case_received_at as string).toISOString(), caseId: String(last.case_id), respondentId: String(last.respondent_id) } : null;
    return { records, next };
  }

  /** The case's respondents now, or as of `asOf`, each as `actor` may see it. */
  async respondents(caseId: string, asOf: Date | null | undefined, actor: Actor | null): Promise<FollowUpView[]> {
    const source = readSource(asOf, this.clock());
    const rows = await this.rows(
      sql`SELECT * FROM ${source.followUps} f WHERE f.case_id = ${caseId} ORDER BY length(f.respondent_id), f.respondent_id`,
    );
    return rows.map((row) => forViewer(toFollowUp(row, source.at), String(row.handling_unit), actor));
  }

  /** The log position the read model has applied: what a streamed export pins itself to. */
  async position(): Promise<bigint> {
    return readCheckpoint(this.db);
  }

  /** The timeline: all of it, or as of `asOf` the steps that had happened by then (by their own dates). */
  async timeline(caseId: string, asOf?: Date | null): Promise<TimelineEntryView[]> {
    const upTo = asOf ? sql` AND occurred_at <= ${asOf.toISOString()}::timestamptz` : sql``;
    const rows = await this.rows(sql`SELECT * FROM rm_timeline WHERE case_id = ${caseId}${upTo} ORDER BY version`);
    return rows.map((row) => toTimelineEntry(row, asOf ?? null));
  }

  private async rows(query: SQL): Promise<Array<Record<string, unknown>>> {
    const result = (await this.db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> };
    return result.rows;
  }

  private async count(query: SQL): Promise<number> {
    return Number((await this.rows(query))[0].n);
  }
}

function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `must be between 1 and ${MAX_PAGE}`, 'page.size', { minimum: 1, maximum: MAX_PAGE });
  return first;
}

function cursorValues(cursor: string, length: number): string[] {
  const values = decodeCursor(cursor, length);
  const valid =
    values !== null &&
    values.every((v) => typeof v === 'string') &&
    !Number.isNaN(Date.parse(values[0] as string)) &&
    /^\d{4}-\d{2}-\d{2}T/.test(values[0] as string);
  if (!valid) throw badInput('after', 'is not a cursor this query returned', 'page.cursor');
  return values as string[];
}

function pageInfo(page: Array<{ cursor: string }>, hasNextPage: boolean, hasPreviousPage: boolean) {
  return {
    hasNextPage,
    hasPreviousPage,
    startCursor: page[0]?.cursor ?? null,
    endCursor: page[page.length - 1]?.cursor ?? null,
  };
}
