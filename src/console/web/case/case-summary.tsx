import type { Case } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { Zone } from '../../../words/zones';
import { DueBadge } from './due-badge';
import { respondentLabel } from './attaching-document/document-words';

/** The button that prints the case summary: the print stylesheet (styles.css) turns the page into it. */
export function PrintButton() {
  const { t } = useI18n();
  return (
    <button type="button" className="print-button" onClick={() => window.print()}>
      {t('print.summary')}
    </button>
  );
}

/** On paper only, above the case: the handling unit as a letterhead, and what the sheet is. */
export function PrintLetterhead({ c }: { c: Case }) {
  const { t } = useI18n();
  return (
    <header className="print-only print-letterhead">
      <p className="letterhead-org">{t('print.letterheadOrg')}</p>
      <p className="letterhead-unit">{c.handlingUnitName ?? c.handlingUnit}</p>
      <p className="letterhead-title">
        {t('print.title')} {c.registerNumber}
      </p>
    </header>
  );
}

/**
 * On paper only: each respondent's step, who it waits on and by when, in one table above the
 * tracks' details (on screen each track's card says it beside its due badge).
 */
export function DeadlineSummary({ c, zone }: { c: Case; zone: Zone }) {
  const { t, label } = useI18n();
  return (
    <section aria-labelledby="deadlines" className="print-only deadline-summary">
      <h2 id="deadlines">{t('summary.title')}</h2>
      <table>
          <thead>
            <tr>
              <th scope="col">{t('summary.respondent')}</th>
              <th scope="col">{t('summary.stage')}</th>
              <th scope="col">{t('summary.waitingOn')}</th>
              <th scope="col">{t('summary.dueAt')}</th>
            </tr>
          </thead>
          <tbody>
            {c.respondents.map((r) => (
              <tr key={r.respondentId}>
                <th scope="row">{r.identityWithheld ? `${r.respondentId} — ${t('track.withheld')}` : respondentLabel(c, r.respondentId, t)}</th>
                <td>{label('Stage', r.stage)}</td>
                <td>{r.waitingOn ? label('Agency', r.waitingOn) : '—'}</td>
                <td>{r.dueAt && r.waitingOn ? <DueBadge dueAt={r.dueAt} overdue={r.overdue} daysLate={r.daysLate} provisional={r.dueAtProvisional} zone={zone} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
      </table>
    </section>
  );
}
