import type { Case, FollowUp } from '../../api/types';
import { DateTimeField, SelectField, TextArea, TextField } from '../../forms/fields';
import { FormShell } from '../../forms/form-shell';
import { useCommand } from '../../forms/use-command';
import { draftKey } from '../../forms/drafts';
import { useFields } from '../../forms/use-fields';
import { useI18n } from '../../i18n/i18n';
import { routeFor } from '../../respondent-kinds';
import { formatDateTime, fromLocalInput, toLocalInput, zoneOf } from '../../../../words/zones';

const FIELDS = new Set(['decreeNumber', 'executedAt', 'sanction', 'reason']);

/**
 * A decree recorded wrongly, or replaced by a new SK, is corrected with the reason: the corrected
 * decree is the one in force, and the follow-up status follows it (lighter than recommended: not as recommended).
 */
export function CorrectSanctionExecutionForm({ c, respondent, onDone, onReload }: { c: Case; respondent: FollowUp; onDone(c: Case): void; onReload(): void }) {
  const { t, label, lang } = useI18n();
  const sanctions = routeFor(respondent.employment).sanctions;
  const zone = zoneOf(c.handlingUnit);
  // Starts from the decree in force: often only its number, date or sanction was wrong.
  const { values, set, kept } = useFields(() => ({
    decreeNumber: respondent.decreeNumber ?? '',
    executedAt: toLocalInput(respondent.executedAt ?? new Date(), zone),
    sanction: respondent.executedSanction ?? respondent.recommendedSanction ?? sanctions[0],
    reason: '',
  }), draftKey(c.id, 'correctSanctionExecution', respondent.respondentId));
  const { busy, errors, send } = useCommand('correctSanctionExecution', (path) => FIELDS.has(path), c);

  const submit = async () => {
    const input = { caseId: c.id, respondentId: respondent.respondentId, ...values, executedAt: fromLocalInput(values.executedAt, zone) };
    const updated = await send(input, c.version);
    if (updated) onDone(updated);
  };

  const current = t('hint.decreeInForce', {
    decree: respondent.decreeNumber ?? '—',
    date: respondent.executedAt ? formatDateTime(respondent.executedAt, zone, lang) : '—',
    sanction: label('SanctionKind', respondent.executedSanction),
  });
  return (
    <FormShell
      kept={kept}
      title={t('step.correctSanctionExecution', { name: respondent.name ?? respondent.respondentId })}
      submitLabel={t('step.correctSanctionExecution.submit')}
      busy={busy}
      errors={errors}
      onSubmit={submit}
      onReload={onReload}
    >
      <p className="hint">{current}</p>
      <p className="hint">{t('hint.recommendedSanction', { sanction: label('SanctionKind', respondent.recommendedSanction) })}</p>
      <TextField name="decreeNumber" label={t('field.correctedDecreeNumber')} hint={t('hint.correctedDecreeNumber')} value={values.decreeNumber} onChange={set('decreeNumber')} error={errors.fields.decreeNumber} required />
      <DateTimeField name="executedAt" label={t('field.correctedExecutedAt', { zone: zone.name })} value={values.executedAt} onChange={set('executedAt')} error={errors.fields.executedAt} required />
      <SelectField name="sanction" label={t('field.correctedSanction')} value={values.sanction} options={sanctions.map((s) => ({ value: s, label: label('SanctionKind', s) }))} onChange={set('sanction')} error={errors.fields.sanction} required />
      <TextArea name="reason" label={t('field.correctionReason')} value={values.reason} onChange={set('reason')} error={errors.fields.reason} required />
    </FormShell>
  );
}
