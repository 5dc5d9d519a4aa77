import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { mayRead, maySeeRespondent } from '../case/case-access';
import { badInput, list, notFound } from '../case/case-error';
import type { Actor } from '../case/decide-context';
import { READ_DB, type ReadDb } from '../storage/read-db';
import type { CaseRoute, InboxDetails, InboxKind } from './inbox-routing';
import { regionColumn, rows } from './inbox-tables';

export const MAX_INBOX_PAGE = 100;

/** A respondent an inbox line is about, as the reader may see it. */
export interface InboxRespondent {
  respondentId: string;
  /** Null when withheld (outside the reader's region) or not yet in the read model. */
  name: string | null;
  identityWithheld: boolean;
}

export interface InboxEntry {
  id: string;
  kind: InboxKind;
  eventId: string;
  caseId: string;
  registerNumber: string;
  respondents: InboxRespondent[];
  occurredAt: Date;
  recordedAt: Date;
  position: string;
  /** Letter and decree numbers are withheld with the respondent they concern (respondent-view.ts). */
  letterNumber: string | null;
  decreeNumber: string | null;
  recipient: string | null;
  step: string | null;
  dueAt: Date | null;
  waitingOn: string | null;
  ppkTitle: string | null;
  readAt: Date | null;
}

export interface InboxPage {
  entries: InboxEntry[];
  hasNextPage: boolean;
  totalCount: number;
  unreadCount: number;
}

/** The reader's view of what a unit received: its agency and exact region are the unit. */
export type InboxReader = Pick<Actor, 'agency' | 'region'> & Partial<Actor>;

const cursorOf = (entry: { position: string; id: string }) => Buffer.from(`${entry.position}:${entry.id}`).toString('base64url');

function parseCursor(after: string): { position: string; id: string } {
  const match = /^(\d{1,20}):([0-9a-f-]{36})$/.exec(Buffer.from(after, 'base64url').toString());
  if (!match) throw badInput('after', 'is not a cursor this query returned', 'page.cursor');
  return { position: match[1], id: match[2] };
}

/** Lines of the caller's unit, newest first, each as the caller may see it (case-access.ts). */
@Injectable()
export class InboxQueries {
  constructor(@Inject(READ_DB) private readonly db: ReadDb) {}

  async page(actor: InboxReader & { userId: string }, first: number, after: string | null, unreadOnly: boolean): Promise<InboxPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_INBOX_PAGE) throw badInput('first', `must be between 1 and ${MAX_INBOX_PAGE}`, 'page.size', { minimum: 1, maximum: MAX_INBOX_PAGE });
    const cursor = after ? parseCursor(after) : null;
    const unit = sql`i.agency = ${actor.agency} AND i.region = ${regionColumn(actor.region)}`;
    const unread = unreadOnly ? sql`AND r.read_at IS NULL` : sql``;
    const before = cursor ? sql`AND (i.position < ${cursor.position}::bigint OR (i.position = ${cursor.position}::bigint AND i.id < ${cursor.id}))` : sql``;
    const found = await rows(
      this.db,
      sql`SELECT i.*, r.read_at, ro.route FROM netra_inbox.items i
          LEFT JOIN netra_inbox.reads r ON r.item_id = i.id AND r.user_id = ${actor.userId}
          LEFT JOIN netra_inbox.routes ro ON ro.case_id = i.case_id
          WHERE ${unit} ${unread} ${before} ORDER BY i.position DESC, i.id DESC LIMIT ${first + 1}`,
    );
    const [counts] = await rows(
      this.db,
      sql`SELECT count(*) AS total, count(*) FILTER (WHERE r.read_at IS NULL) AS unread FROM netra_inbox.items i
          LEFT JOIN netra_inbox.reads r ON r.item_id = i.id AND r.user_id = ${actor.userId} WHERE ${unit}`,
    );
    const entries = await this.entries(actor, found.slice(0, first));
    return { entries, hasNextPage: found.length > first, totalCount: Number(counts.total), unreadCount: Number(counts.unread) };
  }

  /** Marks the caller's own lines read; an id outside the caller's unit is NOT_FOUND and nothing is marked. */
  async markRead(actor: InboxReader & { userId: string }, ids: readonly string[], at: Date): Promise<InboxEntry[]> {
    if (ids.length < 1 || ids.length > MAX_INBOX_PAGE) throw badInput('ids', `must name 1 to ${MAX_INBOX_PAGE} inbox lines`, 'page.size', { minimum: 1, maximum: MAX_INBOX_PAGE });
    const unique = [...new Set(ids)];
    const params = sql.join(unique.map((id) => sql`${id}`), sql`, `);
    const own = await rows(this.db, sql`SELECT id FROM netra_inbox.items i WHERE i.id IN (${params}) AND i.agency = ${actor.agency} AND i.region = ${regionColumn(actor.region)}`);
    const missing = unique.filter((id) => !own.some((row) => row.id === id));
    if (missing.length > 0) throw notFound(`no inbox line ${missing.join(', ')} in your unit's inbox`, 'inbox.notFound', { ids: list(missing) });
    await this.db.execute(
      sql`INSERT INTO netra_inbox.reads (item_id, user_id, read_at) VALUES ${sql.join(unique.map((id) => sql`(${id}, ${actor.userId}, ${at.toISOString()}::timestamptz)`), sql`, `)}
          ON CONFLICT (item_id, user_id) DO NOTHING`,
    );
    const found = await rows(
      this.db,
      sql`SELECT i.*, r.read_at, ro.route FROM netra_inbox.items i
          LEFT JOIN netra_inbox.reads r ON r.item_id = i.id AND r.user_id = ${actor.userId}
          LEFT JOIN netra_inbox.routes ro ON ro.case_id = i.case_id
          WHERE i.id IN (${params}) ORDER BY i.position DESC, i.id DESC`,
    );
    return this.entries(actor, found);
  }

  /**
   * Marks every unread line of the caller's unit read, for the caller: all of them, or with `upTo`
   * (a cursor of the line the officer saw newest) those up to it, so a line that arrived after the
   * page was shown stays unread. Answers how many lines it marked; nothing is read, so no name.
   */
  async markAllRead(actor: InboxReader & { userId: string }, at: Date, upTo: string | null): Promise<number> {
    const cursor = upTo ? parseCursor(upTo) : null;
    const until = cursor ? sql`AND (i.position < ${cursor.position}::bigint OR (i.position = ${cursor.position}::bigint AND i.id <= ${cursor.id}))` : sql``;
    const marked = await rows(
      this.db,
      sql`INSERT INTO netra_inbox.reads (item_id, user_id, read_at)
          SELECT i.id, ${actor.userId}, ${at.toISOString()}::timestamptz FROM netra_inbox.items i
          WHERE i.agency = ${actor.agency} AND i.region = ${regionColumn(actor.region)} ${until}
          ON CONFLICT (item_id, user_id) DO NOTHING RETURNING item_id`,
    );
    return marked.length;
  }

  /** Names come from the read model, only for respondents the reader may see; a case the reader may not read is left out. */
  private async entries(actor: InboxReader, found: Array<Record<string, unknown>>): Promise<InboxEntry[]> {
    const visible = found.filter((row) => row.route && mayRead(actor as Actor, scopeOf(row.route as CaseRoute)));
    const names = await this.names(visible.map((row) => String(row.case_id)));
    return visible.map((row) => toEntry(actor, row, names));
  }

  private async names(caseIds: string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    const found = await rows(this.db, sql`SELECT case_id, respondent_id, name FROM rm_follow_ups WHERE case_id IN (${sql.join([...new Set(caseIds)].map((id) => sql`${id}`), sql`, `)})`);
    return new Map(found.map((row) => [`${row.case_id}/${row.respondent_id}`, String(row.name)]));
  }
}

/** The region codes that make a regional unit see the case (case-access.ts caseScope), from the inbox's own route. */
export function scopeOf(route: CaseRoute): string[] {
  const codes = new Set([route.handlingUnit]);
  for (const r of Object.values(route.respondents)) {
    if (r.ppkRegion) codes.add(r.ppkRegion);
    if (r.institutionRegionCode) codes.add(r.institutionRegionCode);
  }
  return [...codes];
}

/** Whether the reader sees this respondent of the route (case-access.ts maySeeRespondent). */
export function seesRespondent(actor: InboxReader, route: CaseRoute, respondentId: string): boolean {
  const place = route.respondents[respondentId];
  return maySeeRespondent(actor as Actor, route.handlingUnit, { institutionRegionCode: place?.institutionRegionCode ?? null, ppkRegionCode: place?.ppkRegion ?? null });
}

function toEntry(actor: InboxReader, row: Record<string, unknown>, names: Map<string, string>): InboxEntry {
  const route = row.route as CaseRoute;
  const caseId = String(row.case_id);
  const respondents = (row.respondent_ids as string[]).map((respondentId) => {
    const sees = seesRespondent(actor, route, respondentId);
    return { respondentId, name: sees ? (names.get(`${caseId}/${respondentId}`) ?? null) : null, identityWithheld: !sees };
  });
  const details = row.details as InboxDetails;
  const allSeen = respondents.every((r) => !r.identityWithheld);
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    id: String(row.id),
    kind: row.kind as InboxKind,
    eventId: String(row.event_id),
    caseId,
    registerNumber: route.registerNumber,
    respondents,
    occurredAt: new Date(row.occurred_at as string),
    recordedAt: new Date(row.recorded_at as string),
    position: String(row.position),
    letterNumber: allSeen ? (details.letterNumber ?? null) : null,
    decreeNumber: allSeen ? (details.decreeNumber ?? null) : null,
    recipient: details.recipient ?? null,
    step: details.step ?? null,
    dueAt: date(details.dueAt),
    waitingOn: details.waitingOn ?? null,
    ppkTitle: allSeen ? (details.ppkTitle ?? null) : null,
    readAt: date(row.read_at),
  };
}

export { cursorOf };
