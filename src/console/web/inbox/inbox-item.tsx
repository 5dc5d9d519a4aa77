import { useI18n } from '../i18n/i18n';
import { typedDateTime } from '../time/typed-date';
import { toLocalInput, type Lang, type Zone } from '../../../words/zones';
import type { InboxLine } from './inbox-queries';

/** "06/12/2026 14.05 WIB" (id) / "06/12/2026 14:05 WIB" (en): as officers write it, in the unit's zone. */
export function officerDateTime(instant: string, zone: Zone, lang: Lang): string {
  return `${typedDateTime(toLocalInput(instant, zone), lang)} ${zone.name}`;
}

/** One line: what reached the unit, the case (a link that also marks it read), who it concerns, when. */
export function InboxItem({ line, zone, href, onOpen, onMarkRead }: { line: InboxLine; zone: Zone; href: string; onOpen(): void; onMarkRead(): void }) {
  const { t, label, lang } = useI18n();
  const kind = label('InboxKind', line.kind);
  const names = line.respondents.map((r) => (r.identityWithheld ? t('cases.otherRespondent') : (r.name ?? r.respondentId)));
  const details = [
    line.recipient ? t('inbox.recipient', { recipient: label('RecommendationRecipient', line.recipient) }) : null,
    line.letterNumber ? t('inbox.letter', { number: line.letterNumber }) : null,
    line.ppkTitle ? t('inbox.ppk', { title: line.ppkTitle }) : null,
    line.decreeNumber ? t('inbox.decree', { number: line.decreeNumber }) : null,
    line.step ? t('inbox.lateStep', { step: label('DeadlineStep', line.step) }) : null,
    line.dueAt ? t('inbox.due', { date: officerDateTime(line.dueAt, zone, lang) }) : null,
  ].filter((d): d is string => d !== null);
  return (
    <li className={line.read ? 'card queue-item inbox-item' : 'card queue-item inbox-item unread'}>
      <a href={href} onClick={onOpen}>
        <span className="queue-name">{kind}</span>
        <span className="queue-case">{line.registerNumber}</span>
      </a>
      {line.read ? null : <p className="badge badge-unread">{t('inbox.unread')}</p>}
      <p>
        <time dateTime={line.occurredAt}>{officerDateTime(line.occurredAt, zone, lang)}</time>
      </p>
      {names.length > 0 ? <p>{t('cases.respondents', { names: names.join(', ') })}</p> : null}
      {details.length > 0 ? <p>{details.join(' · ')}</p> : null}
      {line.read ? (
        line.readAt ? <p className="hint">{t('inbox.readAt', { date: officerDateTime(line.readAt, zone, lang) })}</p> : null
      ) : (
        // The visible words first, then which line: a list of identical buttons tells a screen reader nothing.
        <button type="button" aria-label={`${t('inbox.markRead')}: ${kind} — ${line.registerNumber}`} onClick={onMarkRead}>
          {t('inbox.markRead')}
        </button>
      )}
    </li>
  );
}
