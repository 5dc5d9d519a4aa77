import type { Case, FollowUp } from '../../api/types';
import { DateTimeField, TextArea } from '../../forms/fields';
import { FormShell } from '../../forms/form-shell';
import { useCommand } from '../../forms/use-command';
import { draftKey } from '../../forms/drafts';
import { useFields } from '../../forms/use-fields';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, fromLocalInput, toLocalInput, zoneOf } from '../../../../words/zones';

const FIELDS = new Set(['newDueAt', 'legalBasis']);

/** A waiting step's due time (`deadlineStep`, as the server names it) moved later, with its legal basis (shared/DOMAIN.md §4: an extension is an event). */
export function ExtendDeadlineForm({ c, respondent, deadlineStep, onDone, onReload }: { c: Case; respondent: FollowUp; deadlineStep: string; onDone(c: Case): void; onReload(): void }) {
  const { t, label, lang } = useI18n();
  const zone = zoneOf(c.handlingUnit);
  const { values, set, kept } = useFields(
    () => ({ newDueAt: respondent.dueAt ? toLocalInput(respondent.dueAt, zone) : '', legalBasis: '' }),
    draftKey(c.id, 'extendDeadline', respondent.respondentId),
  );
  const { busy, errors, send } = useCommand('extendDeadline', (path) => FIELDS.has(path), c);

  const submit = async () => {
    const input = { caseId: c.id, respondentId: respondent.respondentId, legalBasis: values.legalBasis, newDueAt: fromLocalInput(values.newDueAt, zone) };
    const updated = await send(input, c.version);
    if (updated) onDone(updated);
  };

  const step = label('DeadlineStep', deadlineStep);
  return (
    <FormShell
      kept={kept}
      title={t('step.extendDeadline', { step, name: respondent.name ?? respondent.respondentId })}
      submitLabel={t('step.extendDeadline.submit')}
      busy={busy}
      errors={errors}
      onSubmit={submit}
      onReload={onReload}
    >
      <p className="hint">
        {t('hint.currentDueAt', { due: respondent.dueAt ? formatDateTime(respondent.dueAt, zone, lang) : '—' })}
        {respondent.dueAtProvisional ? ` ${t('due.provisional', { year: (respondent.dueAt ?? '').slice(0, 4) })}` : ''}
      </p>
      <DateTimeField name="newDueAt" label={t('field.newDueAt', { zone: zone.name })} hint={t('hint.newDueAt')} value={values.newDueAt} onChange={set('newDueAt')} error={errors.fields.newDueAt} required />
      <TextArea name="legalBasis" label={t('field.extensionLegalBasis')} hint={t('hint.extensionLegalBasis')} value={values.legalBasis} onChange={set('legalBasis')} error={errors.fields.legalBasis} required />
    </FormShell>
  );
}
