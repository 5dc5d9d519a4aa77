import type { FollowUp } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { Zone } from '../../../words/zones';
import { formatDateTime } from '../../../words/zones';
import { DueBadge } from './due-badge';
import { useErasedWords } from './erased';
import { Facts } from './facts';

/** One respondent's track: who they are, where the track stands, and every decision taken on it. */
export function RespondentTrack({ r, zone }: { r: FollowUp; zone: Zone }) {
  const { t, label, lang } = useI18n();
  const shown = useErasedWords();
  const when = (instant: string | null) => (instant ? formatDateTime(instant, zone, lang) : null);
  const letter = (number: string | null, at: string | null) => (number ? `${number}${at ? ` — ${when(at)}` : ''}` : null);
  return (
    <article className="card respondent" aria-labelledby={`respondent-${r.respondentId}`}>
      <h3 id={`respondent-${r.respondentId}`}>{r.identityWithheld ? `${r.respondentId} — ${t('track.withheld')}` : shown(r.name)}</h3>
      <p className="stage-line">
        <span className={`stage stage-${r.stage}`}>{label('Stage', r.stage)}</span>
        {r.waitingOn ? <span> · {t('track.waitingOn', { agency: label('Agency', r.waitingOn) })}</span> : null}
      </p>
      <Facts
        items={[
          [t('field.nip'), r.nip],
          [t('field.nrp'), r.nrp],
          [t('field.nik'), r.nik],
          [t('field.employment'), r.employment ? label('Employment', r.employment) : null],
          [t('field.position'), shown(r.position)],
          [t('field.institution'), shown(r.institution)],
          [t('track.dueAt'), r.dueAt && r.waitingOn ? <DueBadge dueAt={r.dueAt} overdue={r.overdue} daysLate={r.daysLate} provisional={r.dueAtProvisional} zone={zone} /> : null],
          [t('field.outcome'), r.outcome ? label('StudyOutcome', r.outcome) : null],
          [t('track.provenViolations'), r.outcome === 'VIOLATION' ? r.violations.map((v) => label('ViolationCode', v)).join('; ') : null],
          [t('track.recommendation'), r.recommendationLetter ? `${label('RecommendationRecipient', r.recommendationRecipient)}: ${letter(r.recommendationLetter, r.recommendedAt)}` : null],
          [t('track.decision'), r.decisionLetter ? `${label('Agency', r.decidedBy)}: ${letter(r.decisionLetter, r.decidedAt)}` : null],
          [t('track.recommendedSanction'), r.recommendedSanction ? label('SanctionKind', r.recommendedSanction) : null],
          [t('track.ppk'), r.ppk ? `${r.ppk.title} (${r.ppk.regionName ?? r.ppk.regionCode})` : null],
          [t('track.execution'), letter(r.decreeNumber, r.executedAt)],
          [t('field.executedSanction'), r.executedSanction ? label('SanctionKind', r.executedSanction) : null],
          [
            t('track.decreeCorrection'),
            r.decreeCorrection
              ? t('track.decreeCorrectionValue', {
                  previous: r.decreeCorrection.replacedDecreeNumber,
                  agency: label('Agency', r.decreeCorrection.correctedBy),
                  count: r.decreeCorrection.corrections,
                  reason: shown(r.decreeCorrection.reason),
                })
              : null,
          ],
          [t('track.followUpStatus'), r.followUpStatus ? label('FollowUpStatus', r.followUpStatus) : null],
          [t('field.reason'), r.impossibleReason ? label('ImpossibilityReason', r.impossibleReason) : null],
          [t('track.escalation'), r.latestEscalation ? `${label('EscalationKind', r.latestEscalation.kind)}: ${letter(r.latestEscalation.letterNumber, r.latestEscalation.escalatedAt)}` : null],
          [t('track.siasn'), r.siasnBlocked ? t('track.siasnBlocked') : null],
        ]}
      />
    </article>
  );
}
