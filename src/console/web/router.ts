import { useEffect, useState } from 'react';

/** Hash routes, so Netra serves one index.html and needs no fallback for deep links. */
export type Route =
  | { page: 'queue' }
  | { page: 'case'; id: string }
  | { page: 'cases'; query: string }
  | { page: 'new-case' }
  | { page: 'dashboard' }
  | { page: 'calendar' }
  | { page: 'inbox' }
  | { page: 'import' }
  | { page: 'sign-in' }
  | { page: 'not-found' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/queue';
  if (path === '/queue' || path === '/') return { page: 'queue' };
  if (path === '/cases/new') return { page: 'new-case' };
  const listMatch = /^\/cases(?:\?(.*))?$/.exec(path);
  if (listMatch) return { page: 'cases', query: new URLSearchParams(listMatch[1] ?? '').get('q')?.trim() ?? '' };
  const caseMatch = /^\/cases\/([^/]+)$/.exec(path);
  if (caseMatch) return { page: 'case', id: decodeURIComponent(caseMatch[1]) };
  if (path === '/dashboard') return { page: 'dashboard' };
  if (path === '/calendar') return { page: 'calendar' };
  if (path === '/inbox') return { page: 'inbox' };
  if (path === '/import') return { page: 'import' };
  if (path === '/sign-in') return { page: 'sign-in' };
  return { page: 'not-found' };
}

export const caseHref = (id: string) => `#/cases/${encodeURIComponent(id)}`;

export function navigate(hash: string): void {
  location.hash = hash;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
