import type { Case, FollowUp } from '../../api/types';
import { DateTimeField, SelectField, TextArea } from '../../forms/fields';
import { FormShell } from '../../forms/form-shell';
import { useCommand } from '../../forms/use-command';
import { draftKey } from '../../forms/drafts';
import { useFields } from '../../forms/use-fields';
import { useI18n } from '../../i18n/i18n';
import { fromLocalInput, toLocalInput, zoneOf } from '../../../../words/zones';

const FIELDS = new Set(['reason', 'note', 'declaredAt']);

/** A valid reason the recommendation cannot be acted on (BPK: tidak dapat ditindaklanjuti). */
export function DeclareFollowUpImpossibleForm({ c, respondent, onDone, onReload }: { c: Case; respondent: FollowUp; onDone(c: Case): void; onReload(): void }) {
  const { t, options } = useI18n();
  const zone = zoneOf(c.handlingUnit);
  const { values, set, kept } = useFields(() => ({ reason: '', note: '', declaredAt: toLocalInput(new Date(), zone) }), draftKey(c.id, 'declareFollowUpImpossible', respondent.respondentId));
  const { busy, errors, send } = useCommand('declareFollowUpImpossible', (path) => FIELDS.has(path), c);

  const submit = async () => {
    const input = { caseId: c.id, respondentId: respondent.respondentId, ...values, declaredAt: fromLocalInput(values.declaredAt, zone) };
    const updated = await send(input, c.version);
    if (updated) onDone(updated);
  };

  return (
    <FormShell
      kept={kept}
      title={t('step.declareFollowUpImpossible', { name: respondent.name ?? respondent.respondentId })}
      submitLabel={t('step.declareFollowUpImpossible.submit')}
      busy={busy}
      errors={errors}
      onSubmit={submit}
      onReload={onReload}
    >
      <SelectField name="reason" label={t('field.reason')} value={values.reason} placeholder={t('field.choose')} options={options('ImpossibilityReason')} onChange={set('reason')} error={errors.fields.reason} required />
      <TextArea name="note" label={t('field.impossibleNote')} value={values.note} onChange={set('note')} error={errors.fields.note} required />
      <DateTimeField name="declaredAt" label={t('field.declaredAt', { zone: zone.name })} value={values.declaredAt} onChange={set('declaredAt')} error={errors.fields.declaredAt} required />
    </FormShell>
  );
}
