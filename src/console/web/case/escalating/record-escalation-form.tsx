import type { Case, FollowUp } from '../../api/types';
import { DateTimeField, SelectField, TextArea, TextField } from '../../forms/fields';
import { FormShell } from '../../forms/form-shell';
import { useCommand } from '../../forms/use-command';
import { draftKey } from '../../forms/drafts';
import { useFields } from '../../forms/use-fields';
import { useI18n } from '../../i18n/i18n';
import { fromLocalInput, toLocalInput, zoneOf } from '../../../../words/zones';

const FIELDS = new Set(['kind', 'letterNumber', 'escalatedAt', 'note']);

/** A PPK that does not act is escalated: a reprimand, a SIASN block (or its lifting), a referral; `kinds` are those this agency records here. */
export function RecordEscalationForm({ c, respondent, kinds, onDone, onReload }: { c: Case; respondent: FollowUp; kinds: string[]; onDone(c: Case): void; onReload(): void }) {
  const { t, label } = useI18n();
  const zone = zoneOf(c.handlingUnit);
  const { values, set, kept } = useFields(
    () => ({ kind: kinds[0], letterNumber: '', escalatedAt: toLocalInput(new Date(), zone), note: '' }),
    draftKey(c.id, 'recordEscalation', respondent.respondentId),
  );
  // A kept kind this agency may no longer record here (the case moved on) falls back to the first it may.
  const kind = kinds.includes(values.kind) ? values.kind : kinds[0];
  const { busy, errors, send } = useCommand('recordEscalation', (path) => FIELDS.has(path), c);

  const submit = async () => {
    const input = {
      caseId: c.id,
      respondentId: respondent.respondentId,
      kind,
      letterNumber: values.letterNumber,
      escalatedAt: fromLocalInput(values.escalatedAt, zone),
      ...(values.note.trim() ? { note: values.note } : {}),
    };
    const updated = await send(input, c.version);
    if (updated) onDone(updated);
  };

  return (
    <FormShell
      kept={kept}
      title={t('step.recordEscalation', { name: respondent.name ?? respondent.respondentId })}
      submitLabel={t('step.recordEscalation.submit')}
      busy={busy}
      errors={errors}
      onSubmit={submit}
      onReload={onReload}
    >
      {respondent.ppk ? <p className="hint">{t('hint.escalatedPpk', { ppk: respondent.ppk.title, region: respondent.ppk.regionName ?? respondent.ppk.regionCode })}</p> : null}
      <SelectField name="kind" label={t('field.escalationKind')} value={kind} options={kinds.map((k) => ({ value: k, label: label('EscalationKind', k) }))} onChange={set('kind')} error={errors.fields.kind} required />
      <TextField name="letterNumber" label={t('field.letterNumber')} value={values.letterNumber} onChange={set('letterNumber')} error={errors.fields.letterNumber} required />
      <DateTimeField name="escalatedAt" label={t('field.escalatedAt', { zone: zone.name })} value={values.escalatedAt} onChange={set('escalatedAt')} error={errors.fields.escalatedAt} required />
      <TextArea name="note" label={t('field.note')} value={values.note} onChange={set('note')} error={errors.fields.note} />
    </FormShell>
  );
}
