import { useI18n } from '../i18n/i18n';
import { daysUntil, formatDateTime, type Zone } from '../../../words/zones';

/** "3 hari lagi" or "terlambat 2 hari" beside the due time, so a late step stands out without reading dates. */
export function DueBadge({
  dueAt,
  overdue,
  daysLate,
  provisional = false,
  zone,
}: {
  dueAt: string | null;
  overdue: boolean;
  daysLate: number | null;
  /** Counted through a year whose holiday calendar is not complete: it may still move (dueAtProvisional). */
  provisional?: boolean;
  zone: Zone;
}) {
  const { t, lang } = useI18n();
  if (!dueAt) return null;
  const days = daysUntil(dueAt, new Date());
  return (
    <span className="due">
      <time dateTime={dueAt}>{formatDateTime(dueAt, zone, lang)}</time>{' '}
      {overdue ? (
        <span className="badge badge-late">{t('due.late', { days: daysLate ?? 0 })}</span>
      ) : (
        <span className="badge badge-left">{days === 0 ? t('due.today') : t('due.left', { days })}</span>
      )}
      {provisional ? (
        <>
          {' '}
          <span className="badge badge-provisional">{t('due.provisional', { year: dueAt.slice(0, 4) })}</span>
        </>
      ) : null}
    </span>
  );
}
