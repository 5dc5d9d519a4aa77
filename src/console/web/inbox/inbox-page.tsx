import { useEffect, useId, useState } from 'react';
import { ApiError } from '../api/graphql';
import { useSession } from '../auth/use-session';
import { useI18n } from '../i18n/i18n';
import { unitName, useRegionNames } from '../regions/region-names';
import { caseHref } from '../router';
import { zoneOf } from '../../../words/zones';
import { InboxItem } from './inbox-item';
import { loadInbox, markAllRead, markRead, type InboxLine } from './inbox-queries';
import './inbox.css';

interface Loaded {
  lines: InboxLine[];
  totalCount: number;
  unreadCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  /** The newest line shown: "mark all read" stops there, so a line arriving meanwhile stays unread. */
  newest: string | null;
}

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('NETWORK', String(e)));

/** #/inbox — what reached the signed-in unit, newest first, with the officer's own read marks. */
export function InboxPage() {
  const { t, label, refusalText } = useI18n();
  const session = useSession();
  const names = useRegionNames([session.region]);
  const zone = zoneOf(session.region);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [inbox, setInbox] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const filterId = useId();

  useEffect(() => {
    let live = true;
    setInbox(null);
    setError(null);
    loadInbox(unreadOnly, null).then(
      (page) => live && setInbox({ lines: page.edges.map((e) => e.node), totalCount: page.totalCount, unreadCount: page.unreadCount, ...page.pageInfo, newest: page.edges[0]?.cursor ?? null }),
      (e: unknown) => live && setError(asApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [unreadOnly]);

  const loadMore = async () => {
    if (!inbox?.endCursor) return;
    setBusy(true);
    try {
      const page = await loadInbox(unreadOnly, inbox.endCursor);
      const known = new Set(inbox.lines.map((l) => l.id));
      setInbox({
        lines: [...inbox.lines, ...page.edges.map((e) => e.node).filter((l) => !known.has(l.id))],
        totalCount: page.totalCount,
        unreadCount: page.unreadCount,
        ...page.pageInfo,
        newest: inbox.newest,
      });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  /** Marks one line read here and on the server; the line stays in view (also under "only unread") until the list is loaded again. */
  const markLine = async (line: InboxLine, announce: boolean) => {
    try {
      const [marked] = await markRead([line.id]);
      setInbox((current) =>
        current && {
          ...current,
          unreadCount: Math.max(0, current.unreadCount - (line.read ? 0 : 1)),
          lines: current.lines.map((l) => (l.id === line.id ? { ...l, read: true, readAt: marked?.readAt ?? l.readAt } : l)),
        },
      );
      if (announce) setNotice(t('inbox.markedRead', { what: `${label('InboxKind', line.kind)} — ${line.registerNumber}` }));
    } catch (e) {
      setError(asApiError(e));
    }
  };

  /** Every line up to the newest shown, read on the server; those in view turn read here. */
  const markAll = async () => {
    if (!inbox) return;
    setBusy(true);
    try {
      const marked = await markAllRead(inbox.newest);
      const now = new Date().toISOString();
      setInbox((current) => current && { ...current, unreadCount: Math.max(0, current.unreadCount - marked), lines: current.lines.map((l) => (l.read ? l : { ...l, read: true, readAt: now })) });
      setNotice(t('inbox.markedAll', { count: marked }));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="inbox">
      <h1>{t('inbox.title')}</h1>
      <p className="lead">{unitName(label('Agency', session.agency), session.region, names, t('unit.national'))}</p>
      <div className="field inbox-filter">
        <label className="checkbox" htmlFor={filterId}>
          <input id={filterId} type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} />
          {t('inbox.onlyUnread')}
        </label>
        {inbox && inbox.unreadCount > 0 ? (
          <button type="button" className="inbox-mark-all" disabled={busy} onClick={() => void markAll()}>
            {t('inbox.markAll')}
          </button>
        ) : null}
      </div>
      {error ? <p role="alert">{refusalText(error)}</p> : null}
      <div role="status" className="inbox-notice">{notice ? <p>{notice}</p> : null}</div>
      {!inbox && !error ? <p role="status">{t('loading')}</p> : null}
      {inbox && inbox.lines.length === 0 ? <p className="empty">{unreadOnly ? t('inbox.emptyUnread') : t('inbox.empty')}</p> : null}
      {inbox && inbox.lines.length > 0 ? (
        <>
          <p className="inbox-count">{t('inbox.count', { shown: inbox.lines.length, total: unreadOnly ? inbox.unreadCount + inbox.lines.filter((l) => l.read).length : inbox.totalCount, unread: inbox.unreadCount })}</p>
          <ul className="queue" aria-label={t('inbox.lines')}>
            {inbox.lines.map((line) => (
              <InboxItem
                key={line.id}
                line={line}
                zone={zone}
                href={caseHref(line.caseId)}
                // Opening the case is reading the line: marked on the way, the page changes meanwhile.
                onOpen={() => (line.read ? undefined : void markLine(line, false))}
                onMarkRead={() => void markLine(line, true)}
              />
            ))}
          </ul>
          {inbox.hasNextPage ? (
            <button type="button" disabled={busy} onClick={() => void loadMore()}>
              {busy ? t('loading') : t('inbox.more')}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
