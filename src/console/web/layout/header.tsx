import type { Session } from '../auth/session';
import { signOut } from '../auth/session';
import { useCaller } from '../auth/use-caller';
import { useMayPublishCalendar } from '../calendar/use-calendar';
import { useI18n } from '../i18n/i18n';
import { useUnreadCount } from '../inbox/unread-count';
import { unitName, useRegionNames } from '../regions/region-names';
import type { Route } from '../router';

/** Navigation, who is signed in, the language switch and sign-out; wraps on a phone. */
export function Header({ session, route }: { session: Session | null; route: Route }) {
  const { t, label, lang, setLang } = useI18n();
  const mayPublishCalendar = useMayPublishCalendar(session?.token ?? null);
  // Who has a queue and who opens cases: the server says (Query.me), from the access table.
  const caller = useCaller(session?.token ?? null);
  const names = useRegionNames([session?.region]);
  const unread = useUnreadCount(session?.token ?? null, route);
  const link = (href: string, page: Route['page'], text: string) => (
    <a href={href} aria-current={route.page === page ? 'page' : undefined}>
      {text}
    </a>
  );
  return (
    <header className="site-header">
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('nav.skip')}
      </a>
      <span className="brand">Netra</span>
      {session ? (
        <nav aria-label={t('nav.label')}>
          {caller?.landing !== 'CASES' ? link('#/queue', 'queue', t('nav.queue')) : null}
          {link('#/cases', 'cases', t('nav.cases'))}
          <a href="#/inbox" aria-current={route.page === 'inbox' ? 'page' : undefined}>
            {t('nav.inbox')}
            {unread ? (
              <>
                {' '}
                <span className="nav-count" aria-hidden="true">{unread}</span>
                <span className="visually-hidden">({t('nav.inboxUnread', { count: unread })})</span>
              </>
            ) : null}
          </a>
          {caller?.mayOpenCase ? link('#/cases/new', 'new-case', t('nav.newCase')) : null}
          {/* The register import opens cases: offered to whoever may open one (Query.me). */}
          {caller?.mayOpenCase ? link('#/import', 'import', t('nav.import')) : null}
          {link('#/dashboard', 'dashboard', t('nav.dashboard'))}
          {mayPublishCalendar ? link('#/calendar', 'calendar', t('nav.calendar')) : null}
        </nav>
      ) : null}
      <div className="header-tools">
        {session ? (
          <span className="who" title={session.region ?? undefined}>
            {unitName(label('Agency', session.agency), session.region, names, t('unit.national'))}
          </span>
        ) : null}
        <button type="button" lang={lang === 'id' ? 'en' : 'id'} onClick={() => setLang(lang === 'id' ? 'en' : 'id')}>
          {lang === 'id' ? 'English' : 'Bahasa Indonesia'}
        </button>
        {session ? (
          <button type="button" onClick={signOut}>
            {t('nav.signOut')}
          </button>
        ) : null}
      </div>
    </header>
  );
}
