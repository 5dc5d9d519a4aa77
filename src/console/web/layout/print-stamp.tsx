import { useEffect, useState } from 'react';
import { useSession } from '../auth/use-session';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, zoneOf } from '../../../words/zones';

/**
 * Seen on paper only (styles.css, @media print): when the page was printed, in the officer's own
 * zone, and by which unit. The time is taken again as the print dialog opens.
 */
export function PrintStamp() {
  const { t, label, lang } = useI18n();
  const session = useSession();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const update = () => setNow(new Date());
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return (
    <p className="print-only print-stamp">
      <strong>Netra</strong>{' '}
      {t('print.stamp', { date: formatDateTime(now, zoneOf(session.region), lang), agency: label('Agency', session.agency), unit: session.region ?? t('queue.national') })}
    </p>
  );
}
