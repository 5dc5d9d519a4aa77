import { useEffect, useRef, useState } from 'react';
import type { Caller } from './api/types';
import { completeOidcSignIn, isOidcCallback, OIDC_CHECKS, type OidcCheck } from './auth/oidc';
import { signIn } from './auth/session';
import { loadSignInConfig, type SignInConfig } from './auth/sign-in-config';
import { useCaller } from './auth/use-caller';
import { SessionContext, useSessionState } from './auth/use-session';
import { useI18n, type I18n } from './i18n/i18n';
import { CalendarPage } from './calendar/calendar-page';
import { CaseListPage } from './cases/case-list-page';
import { Header } from './layout/header';
import { InboxPage } from './inbox/inbox-page';
import { ImportPage } from './import/import-page';
import { CasePage } from './case/case-page';
import { DashboardPage } from './dashboard/dashboard-page';
import { NewCasePage } from './new-case/new-case-page';
import { QueuePage } from './queue/queue-page';
import { SignInPage } from './sign-in/sign-in-page';
import { useRoute, type Route } from './router';

/** Loads the sign-in settings, finishes an OIDC redirect if this is one, then shows the signed-in pages. */
export function App() {
  const { t } = useI18n();
  const session = useSessionState();
  const caller = useCaller(session?.token ?? null);
  const route = useRoute();
  const [config, setConfig] = useState<SignInConfig | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    void (async () => {
      try {
        const loaded = await loadSignInConfig();
        if (loaded.mode === 'oidc' && loaded.clientId && loaded.scopes && isOidcCallback(location.search)) {
          const client = { issuer: loaded.issuer, clientId: loaded.clientId, scopes: loaded.scopes };
          // The code and state leave the address bar (and the history) whatever the outcome.
          const search = location.search;
          history.replaceState(null, '', '/#/queue');
          await completeOidcSignIn(client, search).then(signIn, (e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
        }
        setConfig(loaded);
      } catch (e) {
        setFailure(String(e));
      }
    })();
  }, []);

  // A new page moves focus to its content, so keyboard and screen-reader users start there; the
  // first page keeps the browser's own start, where the skip link is.
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) firstRoute.current = false;
    else main.current?.focus();
  }, [route]);

  return (
    <>
      <Header session={session} route={route} />
      <main id="main" ref={main} tabIndex={-1}>
        {!config ? <p role={failure ? 'alert' : 'status'}>{failure ?? t('loading')}</p> : null}
        {config && !session ? <SignInPage config={config} error={failureText(failure, t)} /> : null}
        {config && session ? <SessionContext.Provider value={session}>{page(route, caller)}</SessionContext.Provider> : null}
      </main>
    </>
  );
}

/** A failed check of the OIDC callback in the officer's words; anything else as it was reported. */
function failureText(failure: string | null, t: I18n['t']): string | null {
  if (failure === null) return null;
  return (OIDC_CHECKS as readonly string[]).includes(failure) ? t(`oidc.${failure as OidcCheck}`) : failure;
}

function page(route: Route, caller: Caller | null | undefined) {
  switch (route.page) {
    case 'queue':
    case 'sign-in':
      // Where the caller starts, as the server says (Query.me): the case list when nothing ever waits on it (oversight).
      if (caller === undefined) return <Loading />;
      return caller?.landing === 'CASES' ? <CaseListPage query="" /> : <QueuePage />;
    case 'cases':
      return <CaseListPage key={route.query} query={route.query} />;
    case 'case':
      return <CasePage key={route.id} id={route.id} />;
    case 'new-case':
      return <NewCasePage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'calendar':
      return <CalendarPage />;
    case 'inbox':
      return <InboxPage />;
    case 'import':
      return <ImportPage />;
    case 'not-found':
      return <NotFound />;
  }
}

function Loading() {
  const { t } = useI18n();
  return <p role="status">{t('loading')}</p>;
}

function NotFound() {
  const { t } = useI18n();
  return <p role="alert">{t('notFound')}</p>;
}
