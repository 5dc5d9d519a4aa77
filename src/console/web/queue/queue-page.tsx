import { useEffect, useState } from 'react';
import { caseHeadersQuery, QUEUE_QUERY } from '../api/documents';
import { ApiError, graphql } from '../api/graphql';
import type { CaseHeader, QueueRow } from '../api/types';
import { useSession } from '../auth/use-session';
import { DueBadge } from '../case/due-badge';
import { useI18n } from '../i18n/i18n';
import { caseHref } from '../router';
import { zoneOf } from '../../../words/zones';
import { queueOrder } from './queue-order';
import { unitName, useRegionNames } from '../regions/region-names';

interface Queue {
  rows: QueueRow[];
  headers: Map<string, CaseHeader>;
  total: number;
}

type Page = { rows: QueueRow[]; total: number };

async function loadQueue(agency: string): Promise<Queue> {
  // Two filtered pages rather than one sorted by the client, so overdue tracks are never cut off by the page size.
  const page = async (overdue: boolean): Promise<Page> => {
    const data = await graphql<{ followUps: { totalCount: number; edges: Array<{ node: QueueRow }> } }>(QUEUE_QUERY, { waitingOn: agency, overdue });
    return { rows: data.followUps.edges.map((e) => e.node), total: data.followUps.totalCount };
  };
  const [late, onTime] = await Promise.all([page(true), page(false)]);
  const rows = [...late.rows, ...onTime.rows].sort(queueOrder);
  const ids = [...new Set(rows.map((r) => r.caseId))];
  const headers = new Map<string, CaseHeader>();
  if (ids.length > 0) {
    const data = await graphql<Record<string, CaseHeader | null>>(caseHeadersQuery(ids.length), Object.fromEntries(ids.map((id, i) => [`id${i}`, id])));
    for (const header of Object.values(data)) if (header) headers.set(header.id, header);
  }
  return { rows, headers, total: late.total + onTime.total };
}

/** #/queue — "Menunggu tindakan Anda": every track waiting on the signed-in agency, within its region. */
export function QueuePage() {
  const { t, label, refusalText } = useI18n();
  const session = useSession();
  const [queue, setQueue] = useState<Queue | null>(null);
  const names = useRegionNames([session.region]);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    loadQueue(session.agency).then(setQueue, (e: unknown) => setError(e instanceof ApiError ? e : new ApiError('NETWORK', String(e))));
  }, [session.agency]);

  return (
    <div>
      <h1>{t('queue.title')}</h1>
      <p className="lead">{unitName(label('Agency', session.agency), session.region, names, t('unit.national'))}</p>
      {error ? <p role="alert">{refusalText(error)}</p> : null}
      {!queue && !error ? <p role="status">{t('loading')}</p> : null}
      {queue && queue.rows.length === 0 ? <p className="empty">{t('queue.empty')}</p> : null}
      {queue && queue.rows.length > 0 ? (
        <>
          <p role="status">{t('queue.count', { shown: queue.rows.length, total: queue.total })}</p>
          <ul className="queue">
            {queue.rows.map((row) => {
              const header = queue.headers.get(row.caseId);
              return (
                <li key={`${row.caseId}/${row.respondentId}`} className={row.overdue ? 'card queue-item overdue' : 'card queue-item'}>
                  <a href={caseHref(row.caseId)}>
                    <span className="queue-name">{row.identityWithheld ? `${row.respondentId} — ${t('track.withheld')}` : row.name}</span>
                    <span className="queue-case">{header?.registerNumber ?? row.caseId}</span>
                  </a>
                  <p>{row.institution}</p>
                  <p>
                    <span className={`stage stage-${row.stage}`}>{label('Stage', row.stage)}</span>
                    {row.ppk ? ` · ${row.ppk.title}` : ''}
                    {row.daysWaiting !== null ? ` · ${t('queue.waiting', { days: Math.floor(row.daysWaiting) })}` : ''}
                  </p>
                  <p>
                    {t('track.dueAt')}:{' '}
                    {row.dueAt ? <DueBadge dueAt={row.dueAt} overdue={row.overdue} daysLate={row.daysLate} provisional={row.dueAtProvisional} zone={zoneOf(header?.handlingUnit)} /> : t('queue.noDue')}
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}
