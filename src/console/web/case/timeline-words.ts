import type { Case, TimelineEntry } from '../api/types';
import type { I18n } from '../i18n/i18n';
import { formatDateTime, type Zone } from '../../../words/zones';

type Words = Pick<I18n, 't' | 'label' | 'lang'>;

/**
 * A timeline line in the officer's language, from its data: respondents by name where the caller
 * may see them, sanctions, violations, outcomes, agencies and regions by their words. A line
 * without data (projected before details existed) returns null: the caller shows the server's.
 */
export function timelineSentence(entry: TimelineEntry, c: Case, zone: Zone, words: Words): string | null {
  const d = entry.details;
  if (!d) return null;
  const { t, label, lang } = words;
  const name = (id: string) => respondentName(c, id, t);
  const names = (ids: string[]) => ids.map(name).join(', ');
  const one = name(d.respondentIds[0] ?? '');
  const when = (instant: string | null) => (instant ? formatDateTime(instant, zone, lang) : '—');
  const actor = label('Agency', d.actor);
  if (d.withheld) return t('timeline.withheld', { what: label('EventType', entry.type) });
  switch (entry.type) {
    case 'CaseReported': {
      const unit = d.handlingUnitName ?? d.handlingUnit ?? '';
      const key = d.source === 'FINDING' ? 'timeline.CaseReported.FINDING' : 'timeline.CaseReported.REPORT';
      return t(key, { unit, count: d.respondentIds.length, names: names(d.respondentIds) }) + (d.lateReport ? t('timeline.lateReport') : '');
    }
    case 'CaseStudied': {
      const findings = (d.findings ?? []).map((f) => {
        const outcome = label('StudyOutcome', f.outcome);
        if (f.outcome !== 'VIOLATION' || f.violations.length === 0) return t('timeline.finding', { name: name(f.respondentId), outcome });
        return t('timeline.findingViolations', { name: name(f.respondentId), outcome, violations: f.violations.map((v) => label('ViolationCode', v)).join('; ') });
      });
      return t('timeline.CaseStudied', { findings: findings.join(' · ') });
    }
    case 'RecommendationIssued':
      return t('timeline.RecommendationIssued', { letter: d.letterNumber ?? '', recipient: label('RecommendationRecipient', d.recipient), names: names(d.respondentIds) });
    case 'SanctionDecided': {
      const key = d.actor === 'BKN' || d.actor === 'KASN' ? 'timeline.SanctionDecided.recommended' : 'timeline.SanctionDecided.decided';
      const region = d.ppkRegionName ?? d.ppkRegionCode ?? '';
      return t(key, { actor, sanction: label('SanctionKind', d.sanction), name: one, ppk: d.ppkTitle ?? '', region, letter: d.letterNumber ?? '' });
    }
    case 'RespondentCleared':
      return t('timeline.RespondentCleared', { actor, name: one, letter: d.letterNumber ?? '' });
    case 'SanctionExecuted':
      return t('timeline.SanctionExecuted', { actor, sanction: label('SanctionKind', d.sanction), name: one, decree: d.decreeNumber ?? '', status: label('FollowUpStatus', d.followUpStatus) });
    case 'SanctionExecutionCorrected':
      return t('timeline.SanctionExecutionCorrected', {
        actor,
        name: one,
        previousDecree: d.previousDecreeNumber ?? '',
        previousSanction: label('SanctionKind', d.previousSanction),
        decree: d.decreeNumber ?? '',
        sanction: label('SanctionKind', d.sanction),
        status: label('FollowUpStatus', d.followUpStatus),
      });
    case 'PersonalDataErased':
      return t('timeline.PersonalDataErased') + (d.legalHoldOverridden ? t('timeline.legalHoldOverridden') : '');
    case 'FollowUpDeclaredImpossible':
      return t('timeline.FollowUpDeclaredImpossible', { actor, name: one, reason: label('ImpossibilityReason', d.impossibilityReason) });
    case 'DeadlineExtended':
      return t('timeline.DeadlineExtended', { actor, step: label('DeadlineStep', d.step), name: one, previous: when(d.previousDueAt), due: when(d.dueAt) });
    case 'FollowUpOverdue':
      return t('timeline.FollowUpOverdue', { step: label('DeadlineStep', d.step), name: one, waitingOn: label('Agency', d.waitingOn), due: when(d.dueAt) });
    case 'EscalationRecorded':
      return t('timeline.EscalationRecorded', { escalation: label('EscalationKind', d.escalation), name: one, letter: d.letterNumber ?? '' });
    case 'DueTimeRecomputed':
      return (
        t('timeline.DueTimeRecomputed', { step: label('DeadlineStep', d.step), name: one, previous: when(d.previousDueAt), due: when(d.dueAt), year: d.calendarYear ?? '' }) +
        (d.provisional ? t('timeline.provisional') : '')
      );
    case 'OverdueWithdrawn':
      return t('timeline.OverdueWithdrawn', { step: label('DeadlineStep', d.step), name: one, due: when(d.dueAt), reason: label('OverdueWithdrawalReason', d.withdrawalReason) });
    case 'DocumentAttached': {
      // The kind from the case's own list (same version); a document this caller may not see is just "dokumen".
      const document = c.documents.find((x) => x.version === entry.version);
      const kind = document ? label('DocumentKind', document.kind) : t('timeline.DocumentAttached.document');
      const forWhom = d.respondentIds.length > 0 ? t('timeline.DocumentAttached.for', { name: one }) : '';
      return t('timeline.DocumentAttached', { actor, kind, forWhom });
    }
    default:
      return null;
  }
}

/** The respondent's name as the case shows it to this caller; "Terlapor 2" for one whose identity is withheld or erased. */
function respondentName(c: Case, id: string, t: Words['t']): string {
  const r = c.respondents.find((x) => x.respondentId === id);
  if (r?.name && !r.identityWithheld && !c.personalDataErasedAt) return r.name;
  return t('timeline.respondentN', { n: id.replace(/^R/, '') });
}
