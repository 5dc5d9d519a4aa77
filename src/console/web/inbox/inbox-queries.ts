/** The GraphQL of the inbox (`inbox`, `markInboxRead` and `markAllInboxRead` of src/schema.graphql). */
import { graphql } from '../api/graphql';
import type * as S from '../api/schema-types';

const LINE = `id kind caseId registerNumber occurredAt letterNumber decreeNumber ppkTitle recipient step dueAt read readAt
  respondents { respondentId name identityWithheld }`;

export const INBOX_QUERY = `query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!) {
  inbox(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount unreadCount pageInfo { hasNextPage endCursor }
    edges { cursor node { ${LINE} } }
  }
}`;

export const UNREAD_COUNT_QUERY = `query InboxUnread { inbox(first: 1, unreadOnly: true) { unreadCount } }`;

export const MARK_READ = `mutation MarkInboxRead($ids: [ID!]!) { markInboxRead(ids: $ids) { id read readAt } }`;

export const MARK_ALL_READ = `mutation MarkAllInboxRead($upTo: String) { markAllInboxRead(upTo: $upTo) }`;

export type InboxLine = Pick<
  S.InboxItemView,
  'id' | 'kind' | 'caseId' | 'registerNumber' | 'occurredAt' | 'letterNumber' | 'decreeNumber' | 'ppkTitle' | 'recipient' | 'step' | 'dueAt' | 'read' | 'readAt' | 'respondents'
>;

export interface InboxPage {
  totalCount: number;
  unreadCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: InboxLine }>;
}

export const INBOX_PAGE_SIZE = 20;

export async function loadInbox(unreadOnly: boolean, after: string | null): Promise<InboxPage> {
  return (await graphql<{ inbox: InboxPage }>(INBOX_QUERY, { first: INBOX_PAGE_SIZE, after, unreadOnly })).inbox;
}

export async function loadUnreadCount(): Promise<number> {
  return (await graphql<{ inbox: { unreadCount: number } }>(UNREAD_COUNT_QUERY)).inbox.unreadCount;
}

/** Marks lines read for the signed-in officer; then tells the header to count again. */
export async function markRead(ids: string[]): Promise<Array<Pick<InboxLine, 'id' | 'read' | 'readAt'>>> {
  const marked = (await graphql<{ markInboxRead: Array<Pick<InboxLine, 'id' | 'read' | 'readAt'>> }>(MARK_READ, { ids })).markInboxRead;
  inboxChanged();
  return marked;
}

/** Marks every line up to `upTo` (the newest line shown) read for the signed-in officer; answers how many were unread. */
export async function markAllRead(upTo: string | null): Promise<number> {
  const marked = (await graphql<{ markAllInboxRead: number }>(MARK_ALL_READ, { upTo })).markAllInboxRead;
  inboxChanged();
  return marked;
}

const listeners = new Set<() => void>();

/** The header's unread count listens here, so a line marked read anywhere lowers it at once. */
export function onInboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function inboxChanged(): void {
  for (const listener of listeners) listener();
}
