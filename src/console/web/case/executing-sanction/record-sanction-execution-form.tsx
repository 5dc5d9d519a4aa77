import type { Case, FollowUp } from '../../api/types';
import { DateTimeField, SelectField, TextField } from '../../forms/fields';
import { FormShell } from '../../forms/form-shell';
import { useCommand } from '../../forms/use-command';
import { draftKey } from '../../forms/drafts';
import { useFields } from '../../forms/use-fields';
import { useI18n } from '../../i18n/i18n';
import { routeFor } from '../../respondent-kinds';
import { fromLocalInput, toLocalInput, zoneOf } from '../../../../words/zones';

const FIELDS = new Set(['decreeNumber', 'executedAt', 'sanction']);

/** The PPK records its decree (SK); the sanction may differ from the recommended one (then: not as recommended). */
export function RecordSanctionExecutionForm({ c, respondent, onDone, onReload }: { c: Case; respondent: FollowUp; onDone(c: Case): void; onReload(): void }) {
  const { t, label } = useI18n();
  const sanctions = routeFor(respondent.employment).sanctions;
  const zone = zoneOf(c.handlingUnit);
  const { values, set, kept } = useFields(() => ({
    decreeNumber: '',
    executedAt: toLocalInput(new Date(), zone),
    sanction: respondent.recommendedSanction ?? sanctions[0],
  }), draftKey(c.id, 'recordSanctionExecution', respondent.respondentId));
  const { busy, errors, send } = useCommand('recordSanctionExecution', (path) => FIELDS.has(path), c);

  const submit = async () => {
    const input = { caseId: c.id, respondentId: respondent.respondentId, ...values, executedAt: fromLocalInput(values.executedAt, zone) };
    const updated = await send(input, c.version);
    if (updated) onDone(updated);
  };

  return (
    <FormShell
      kept={kept}
      title={t('step.recordSanctionExecution', { name: respondent.name ?? respondent.respondentId })}
      submitLabel={t('step.recordSanctionExecution.submit')}
      busy={busy}
      errors={errors}
      onSubmit={submit}
      onReload={onReload}
    >
      <p className="hint">{t('hint.recommendedSanction', { sanction: label('SanctionKind', respondent.recommendedSanction) })}</p>
      <TextField name="decreeNumber" label={t('field.decreeNumber')} value={values.decreeNumber} onChange={set('decreeNumber')} error={errors.fields.decreeNumber} required />
      <DateTimeField name="executedAt" label={t('field.executedAt', { zone: zone.name })} value={values.executedAt} onChange={set('executedAt')} error={errors.fields.executedAt} required />
      <SelectField name="sanction" label={t('field.executedSanction')} value={values.sanction} options={sanctions.map((s) => ({ value: s, label: label('SanctionKind', s) }))} onChange={set('sanction')} error={errors.fields.sanction} required />
    </FormShell>
  );
}
