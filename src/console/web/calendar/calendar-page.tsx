import { useEffect, useRef, useState } from 'react';
import type { CalendarPublication, CalendarYear } from '../api/types';
import { useSession } from '../auth/use-session';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, WIB } from '../../../words/zones';
import { CalendarForm } from './calendar-form';
import './calendar.css';
import { formatDay } from '../../../words/days';
import { useCalendar, useMayPublishCalendar } from './use-calendar';
import { ScrollBox } from '../layout/scroll-box';

/**
 * #/calendar — the holiday calendar years Netra counts working days with: published, from its data
 * file, or provisional (fixed-date holidays only, until the SKB 3 Menteri is published). A national
 * KemenPANRB unit publishes or amends a year here; everyone else reads.
 */
export function CalendarPage() {
  const { t, label, lang, refusalText } = useI18n();
  const session = useSession();
  const { state, reload } = useCalendar();
  const [editing, setEditing] = useState<{ year: number; base: CalendarYear | null } | null>(null);
  const [newYear, setNewYear] = useState('');
  const [done, setDone] = useState<CalendarPublication | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const may = useMayPublishCalendar(session.token);
  // An opened form takes the focus, so a keyboard or screen-reader user lands in it, not back at the table.
  const formHost = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (editing) formHost.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, [editing]);

  const published = async (publication: CalendarPublication) => {
    setEditing(null);
    setDone(publication);
    await reload();
  };
  const years = state.status === 'loaded' ? state.years : [];
  const open = (year: number) => {
    setDone(null);
    setEditing({ year, base: years.find((y) => y.year === year) ?? null });
  };

  return (
    <div className="calendar-page">
      <h1>{t('calendar.title')}</h1>
      <p className="lead">{t('calendar.lead')}</p>
      <p className="hint">{may ? t('calendar.mayPublish') : t('calendar.readOnly')}</p>
      {done ? (
        <p role="status" className="notice">
          {t('calendar.published', { year: done.calendarYear.year, recomputed: done.recomputedDueTimes, withdrawn: done.withdrawnOverdueRecords })}
        </p>
      ) : null}
      {state.status === 'loading' ? <p role="status">{t('loading')}</p> : null}
      {state.status === 'failed' ? <p role="alert">{refusalText(state.error)}</p> : null}
      {state.status === 'loaded' ? (
        <ScrollBox id="calendar-years" className="calendar-scroll" label={t('calendar.caption')} cue={t('table.scrollCue')}>
          <table className="calendar-years">
            <caption>{t('calendar.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.year')}</th>
                <th scope="col">{t('calendar.status')}</th>
                <th scope="col">{t('calendar.origin')}</th>
                <th scope="col">{t('calendar.decree')}</th>
                <th scope="col">{t('calendar.holidays')}</th>
                {may ? <th scope="col">{t('calendar.action')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.year} data-year={y.year} data-status={y.status} data-published={y.publishedAt ? 'yes' : 'no'}>
                  <th scope="row">{y.year}</th>
                  <td>
                    <span className={`badge badge-${y.status === 'PROVISIONAL' ? 'provisional' : 'complete'}`}>{t(`calendarStatus.${y.status}`)}</span>
                    {y.status === 'PROVISIONAL' && !y.publishedAt ? ` ${t('calendar.notPublished')}` : ''}
                  </td>
                  <td>{y.publishedAt ? t('calendar.publishedBy', { agency: label('Agency', y.publishedBy), at: formatDateTime(y.publishedAt, WIB, lang) }) : t('calendar.fromFile')}</td>
                  {/* A data file's basis is the maintainers' note, not a decree an officer typed: only a publication's is shown. */}
                  <td>{y.publishedAt ? y.legalBasis.decree : '—'}</td>
                  <td>
                    {counts(y)}
                    <button type="button" aria-expanded={shown === y.year} onClick={() => setShown(shown === y.year ? null : y.year)}>
                      {t(shown === y.year ? 'calendar.hideDays' : 'calendar.showDays', { year: y.year })}
                    </button>
                  </td>
                  {may ? (
                    <td>
                      <button type="button" onClick={() => open(y.year)}>
                        {t(y.publishedAt || y.status === 'COMPLETE' ? 'calendar.amend' : 'calendar.publish', { year: y.year })}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : null}
      {shown !== null && years.some((y) => y.year === shown) ? <HolidayList year={years.find((y) => y.year === shown)!} /> : null}
      {may && state.status === 'loaded' ? (
        <form
          className="calendar-new-year"
          aria-label={t('calendar.otherYear')}
          onSubmit={(event) => {
            event.preventDefault();
            const year = Number(newYear);
            if (Number.isInteger(year) && newYear.trim() !== '') open(year);
          }}
        >
          <label htmlFor="calendar-new-year">{t('calendar.otherYear')}</label>
          <input id="calendar-new-year" inputMode="numeric" value={newYear} onChange={(event) => setNewYear(event.target.value)} />
          <button type="submit">{t('calendar.openYear')}</button>
        </form>
      ) : null}
      <div ref={formHost}>{editing ? <CalendarForm key={editing.year} year={editing.year} base={editing.base} onPublished={(p) => void published(p)} /> : null}</div>
    </div>
  );

  function counts(y: CalendarYear): string {
    const of = (kind: string) => y.holidays.filter((h) => h.kind === kind).length;
    return t('calendar.counts', { national: of('NATIONAL'), leave: of('COLLECTIVE_LEAVE'), voting: of('ELECTION_DAY') });
  }
}

/** A year's non-working days, each as officers write the day: "1 Januari 2027 — Tahun Baru 2027 Masehi (libur nasional)". */
function HolidayList({ year }: { year: CalendarYear }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="holiday-list">
      <h2 id="holiday-list">{t('calendar.daysOf', { year: year.year })}</h2>
      {year.holidays.length === 0 ? <p>{t('calendar.noDays')}</p> : null}
      <ul className="holiday-list">
        {year.holidays.map((h) => (
          <li key={h.date}>
            <time dateTime={h.date}>{formatDay(h.date, lang)}</time> — {h.name} ({t(`holidayKind.${h.kind}`)})
          </li>
        ))}
      </ul>
    </section>
  );
}
