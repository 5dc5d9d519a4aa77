import { CASE_STAGES } from '../../../case/case-vocabulary';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ELECTIONS_QUERY } from '../api/documents';
import { ApiError, graphql } from '../api/graphql';
import { useI18n } from '../i18n/i18n';
import { SelectField } from '../forms/fields';
import { RegionPicker } from '../regions/region-picker';
import { caseHref, navigate } from '../router';
import { formatDate, zoneOf } from '../../../words/zones';
import { CASES_QUERY, PAGE_SIZE, SEARCH_QUERY, type CasePage, type CaseRow } from './case-list-queries';

interface Filters {
  stage: string;
  election: string;
  region: string;
}


/**
 * #/cases — every case the signed-in unit may read, newest first, 20 a page, filtered by stage,
 * election and region (`cases`); with `?q=` the search's hits instead, most relevant first (`search`).
 */
export function CaseListPage({ query }: { query: string }) {
  const { t, label, refusalText } = useI18n();
  const [filters, setFilters] = useState<Filters>({ stage: '', election: '', region: '' });
  const [elections, setElections] = useState<Array<{ kind: string; year: number }>>([]);
  // The cursors of the pages before this one: "Sebelumnya" goes back one.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [page, setPage] = useState<CasePage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [typed, setTyped] = useState(query);

  useEffect(() => {
    graphql<{ elections: Array<{ kind: string; year: number }> }>(ELECTIONS_QUERY).then((d) => setElections(d.elections), () => setElections([]));
  }, []);
  useEffect(() => {
    setCursors([null]);
    setTyped(query);
  }, [query, filters]);

  const after = cursors[cursors.length - 1];
  useEffect(() => {
    let live = true;
    setPage(null);
    setError(null);
    const load = query ? loadSearch(query, after) : loadCases(filters, after);
    load.then(
      (p) => live && setPage(p),
      (e: unknown) => live && setError(e instanceof ApiError ? e : new ApiError('NETWORK', String(e))),
    );
    return () => {
      live = false;
    };
  }, [query, filters, after]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate(typed.trim() ? `#/cases?q=${encodeURIComponent(typed.trim())}` : '#/cases');
  };
  const first = (cursors.length - 1) * PAGE_SIZE + 1;
  const searchId = useId();

  return (
    <div>
      <h1>{query ? t('cases.searchTitle', { query }) : t('cases.title')}</h1>
      <form role="search" className="card case-search" onSubmit={search}>
        <label htmlFor={searchId}>{t('cases.searchLabel')}</label>
        <div className="search-row">
          <input id={searchId} name="query" type="search" value={typed} maxLength={200} aria-describedby={`${searchId}-hint`} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit">{t('cases.searchButton')}</button>
          {query ? (
            <button type="button" onClick={() => navigate('#/cases')}>
              {t('cases.clearSearch')}
            </button>
          ) : null}
        </div>
        <p className="hint" id={`${searchId}-hint`}>{t('cases.searchHint')}</p>
      </form>
      {!query ? (
        <fieldset className="card case-filters">
          <legend>{t('cases.filters')}</legend>
          <SelectField name="stage" label={t('cases.stage')} value={filters.stage} placeholder={t('cases.all')} options={CASE_STAGES.map((s) => ({ value: s, label: label('Stage', s) }))} onChange={(stage) => setFilters({ ...filters, stage })} />
          <SelectField
            name="election"
            label={t('cases.election')}
            value={filters.election}
            placeholder={t('cases.all')}
            options={elections.map((e) => ({ value: `${e.kind} ${e.year}`, label: `${label('ElectionKind', e.kind)} ${e.year}` }))}
            onChange={(election) => setFilters({ ...filters, election })}
          />
          <RegionPicker name="regionPrefix" label={t('cases.region')} hint={t('cases.regionHint')} value={filters.region} onChange={(region) => setFilters({ ...filters, region })} />
        </fieldset>
      ) : null}
      {error ? <p role="alert">{refusalText(error)}</p> : null}
      {!page && !error ? <p role="status">{t('loading')}</p> : null}
      {page ? (
        <>
          <p role="status">
            {page.totalCount === 0 ? t('cases.none') : t('cases.count', { from: first, to: first + page.edges.length - 1, total: page.totalCount })}
          </p>
          <ul className="case-list">
            {page.edges.map((edge) => (
              <CaseItem key={edge.node.id} row={edge.node} matchedOn={edge.matchedOn} />
            ))}
          </ul>
          <nav className="pager" aria-label={t('cases.pages')}>
            {cursors.length > 1 ? (
              <button type="button" onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('cases.previous')}
              </button>
            ) : null}
            {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
              <button type="button" onClick={() => setCursors([...cursors, page.pageInfo.endCursor])}>
                {t('cases.next')}
              </button>
            ) : null}
          </nav>
        </>
      ) : null}
    </div>
  );
}

function CaseItem({ row, matchedOn }: { row: CaseRow; matchedOn?: string[] }) {
  const { t, label, lang } = useI18n();
  const names = row.respondents.map((r) => (r.identityWithheld ? t('cases.otherRespondent') : r.name ?? r.respondentId));
  return (
    <li className="card case-item">
      <a href={caseHref(row.id)}>
        <span className="queue-name">{row.registerNumber}</span>
      </a>
      <p>
        <span className={`stage stage-${row.stage}`}>{label('Stage', row.stage)}</span>
        {' · '}
        {label('CaseSource', row.source)} · {label('ElectionKind', row.election.kind)} {row.election.year}
      </p>
      <p>
        {t('cases.unit', { unit: row.handlingUnitName ?? row.handlingUnit })} · {t('cases.received', { date: formatDate(row.receivedAt, zoneOf(row.handlingUnit), lang) })}
      </p>
      <p>{t('cases.respondents', { names: names.join(', ') })}</p>
      {matchedOn && matchedOn.length > 0 ? <p className="hint">{t('cases.matchedOn', { keys: matchedOn.map((k) => t(`cases.key.${k}` as 'cases.key.NAME')).join(', ') })}</p> : null}
    </li>
  );
}

async function loadCases(filters: Filters, after: string | null): Promise<CasePage> {
  const [kind, year] = filters.election.split(' ');
  const filter = {
    ...(filters.stage ? { stage: filters.stage } : {}),
    ...(kind ? { electionKind: kind, electionYear: Number(year) } : {}),
    ...(filters.region ? { regionPrefix: filters.region } : {}),
  };
  return (await graphql<{ cases: CasePage }>(CASES_QUERY, { filter, first: PAGE_SIZE, after })).cases;
}

async function loadSearch(query: string, after: string | null): Promise<CasePage> {
  return (await graphql<{ search: CasePage }>(SEARCH_QUERY, { query, first: PAGE_SIZE, after })).search;
}
