import { useMemo, useState } from 'react';
import type { Case } from '../../api/types';
import { TextArea } from '../../forms/fields';
import { FormShell } from '../../forms/form-shell';
import { useCommand, type CommandErrors } from '../../forms/use-command';
import { draftKey } from '../../forms/drafts';
import { useFields } from '../../forms/use-fields';
import { useI18n } from '../../i18n/i18n';
import { CheckboxField } from '../../forms/checkbox-field';

const FIELDS = new Set(['reason', 'overrideLegalHold']);

/**
 * Erasure under UU 27/2022: the case's data key is destroyed, for good. The officer ticks that they
 * understand it before anything is sent; on an open case (legal hold) national Bawaslu also ticks the override.
 */
export function ErasePersonalDataForm({ c, overrideLegalHold, onDone, onReload }: { c: Case; overrideLegalHold: boolean; onDone(c: Case): void; onReload(): void }) {
  const { t } = useI18n();
  const { values: typed, set: setTyped, kept } = useFields(() => ({ reason: '' }), draftKey(c.id, 'erasePersonalData'));
  // The ticks say the officer understood the case as it stands now: after a conflict it changed, so they are ticked again.
  const { values: ticks, set } = useFields(() => ({ confirmed: false, override: false }));
  const values = { ...typed, ...ticks };
  const [unticked, setUnticked] = useState<Record<string, string>>({});
  const { busy, errors: refused, send } = useCommand('erasePersonalData', (path) => FIELDS.has(path), c);
  // An unticked box is this form's own refusal, shown (and focused) like the API's.
  const errors = useMemo<CommandErrors>(() => ({ fields: { ...refused.fields, ...unticked }, form: refused.form }), [refused, unticked]);

  const submit = async () => {
    const missing = {
      ...(values.confirmed ? {} : { confirmed: t('erase.confirmRequired') }),
      ...(overrideLegalHold && !values.override ? { overrideLegalHold: t('erase.overrideRequired') } : {}),
    };
    setUnticked(missing);
    if (Object.keys(missing).length > 0) return;
    const updated = await send({ caseId: c.id, reason: values.reason, ...(overrideLegalHold ? { overrideLegalHold: true } : {}) }, c.version);
    if (updated) onDone(updated);
  };

  return (
    <FormShell kept={kept} title={t('step.erasePersonalData')} submitLabel={t('step.erasePersonalData.submit')} busy={busy} errors={errors} onSubmit={submit} onReload={onReload}>
      <p className="hint">{t('erase.what')}</p>
      <p className="hint">{t('erase.who')}</p>
      <TextArea name="reason" label={t('field.erasureReason')} hint={t('hint.erasureReason')} value={values.reason} onChange={setTyped('reason')} error={errors.fields.reason} required />
      {overrideLegalHold ? (
        <CheckboxField name="overrideLegalHold" label={t('erase.override')} checked={values.override} onChange={set('override')} error={errors.fields.overrideLegalHold} />
      ) : null}
      <CheckboxField name="confirmed" label={t('erase.confirm', { register: c.registerNumber })} checked={values.confirmed} onChange={set('confirmed')} error={errors.fields.confirmed} />
    </FormShell>
  );
}
