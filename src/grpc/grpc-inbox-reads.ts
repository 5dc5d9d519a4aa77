import { Injectable } from '@nestjs/common';
import { isUUID } from '../security/input-rules';
import { AccessAudit } from '../audit/access-audit';
import { newRequestKey } from '../audit/personal-fields';
import { DocumentReader } from '../api/documents/document-reader';
import { badInput, notFound } from '../case/case-error';
import type { Actor } from '../case/decide-context';
import { parseInstant } from '../case/validation/dates';
import { InboxQueries, cursorOf, type InboxEntry } from '../inbox/inbox-reader';
import { toProto } from './grpc-enums';

type Request = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : undefined);
const some = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

/** ListInbox and ListDocuments: the same readers as GraphQL `inbox` and `Case.documents`, the same rules. */
@Injectable()
export class GrpcInboxReads {
  constructor(
    private readonly inbox: InboxQueries,
    private readonly documents: DocumentReader,
    private readonly audit: AccessAudit,
  ) {}

  async listInbox(request: Request, actor: Actor) {
    const pageSize = request.pageSize ?? 0;
    if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > 100) throw badInput('pageSize', 'must be between 1 and 100 (0 means 20)', 'page.size', { minimum: 1, maximum: 100 });
    let page;
    try {
      page = await this.inbox.page(actor, pageSize || 20, request.pageToken || null, Boolean(request.unreadOnly));
    } catch (error) {
      if ((error as { field?: string }).field === 'after') throw badInput('pageToken', 'is not a token this query returned', 'page.cursor');
      throw error;
    }
    const call = newRequestKey();
    for (const entry of page.entries) {
      for (const r of entry.respondents) if (r.name !== null) this.audit.record({ actor, via: 'grpc:ListInbox', request: call, caseId: entry.caseId, respondentId: r.respondentId, fields: ['name'] });
    }
    const last = page.entries.at(-1);
    return {
      items: page.entries.map(inboxItemMessage),
      nextPageToken: page.hasNextPage && last ? cursorOf(last) : '',
      totalCount: page.totalCount,
      unreadCount: page.unreadCount,
    };
  }

  async listDocuments(request: Request, actor: Actor) {
    const caseId = request.caseId as string | undefined;
    if (!caseId || !isUUID(caseId, 'all')) throw badInput('caseId', 'must be a case id (UUID)', 'grpc.caseId');
    const documents = await this.documents.list(caseId, actor, request.asOf ? parseInstant(request.asOf, 'asOf') : null);
    // Outside the caller's region looks exactly like no case at all.
    if (documents === null) throw notFound(`no case ${caseId}`, 'case.notFound');
    return {
      documents: documents.map((d) => ({
        id: d.id,
        kind: toProto('DocumentKind', d.kind),
        name: some(d.name),
        size: String(d.size),
        contentType: d.contentType,
        sha256: d.sha256,
        respondentId: some(d.respondentId),
        attachedAt: iso(d.attachedAt),
        attachedBy: toProto('Agency', d.attachedBy),
        attachedByUnit: some(d.attachedByUnit),
        readable: d.readable,
        version: d.version,
      })),
    };
  }
}

function inboxItemMessage(entry: InboxEntry) {
  return {
    id: entry.id,
    kind: toProto('InboxKind', entry.kind),
    caseId: entry.caseId,
    registerNumber: entry.registerNumber,
    respondents: entry.respondents.map((r) => ({ respondentId: r.respondentId, name: some(r.name), identityWithheld: r.identityWithheld })),
    occurredAt: iso(entry.occurredAt),
    recordedAt: iso(entry.recordedAt),
    letterNumber: some(entry.letterNumber),
    decreeNumber: some(entry.decreeNumber),
    recipient: toProto('RecommendationRecipient', entry.recipient),
    step: toProto('DeadlineStep', entry.step),
    dueAt: iso(entry.dueAt),
    waitingOn: toProto('Agency', entry.waitingOn),
    ppkTitle: some(entry.ppkTitle),
    read: entry.readAt !== null,
    readAt: iso(entry.readAt),
  };
}
