import type { Case, FollowUp } from '../../api/types';
import { CheckboxGroup, DateTimeField, SelectField, TextField } from '../../forms/fields';
import { FormShell } from '../../forms/form-shell';
import { useCommand } from '../../forms/use-command';
import { draftKey } from '../../forms/drafts';
import { useFields } from '../../forms/use-fields';
import { useI18n } from '../../i18n/i18n';
import { routeFor } from '../../respondent-kinds';
import { fromLocalInput, toLocalInput, zoneOf } from '../../../../words/zones';

const FIELDS = new Set(['respondentIds', 'recipient', 'letterNumber', 'issuedAt']);

/** Bawaslu forwards its recommendation to BKN (KASN before 24 Aug 2024) for respondents with a proven violation. */
export function IssueRecommendationForm({ c, respondents, onDone, onReload }: { c: Case; respondents: FollowUp[]; onDone(c: Case): void; onReload(): void }) {
  const { t, options } = useI18n();
  const zone = zoneOf(c.handlingUnit);
  const { values, set, kept } = useFields(() => ({
    respondentIds: respondents.map((r) => r.respondentId),
    // The body that handles the first of them (BKN for ASN, the TNI, Polri, the bupati/walikota).
    recipient: routeFor(respondents[0]?.employment ?? 'PNS').recipients.at(-1) ?? 'BKN',
    letterNumber: '',
    issuedAt: toLocalInput(new Date(), zone),
  }), draftKey(c.id, 'issueRecommendation', respondents.map((r) => r.respondentId).join('+')));
  const { busy, errors, send } = useCommand('issueRecommendation', (path) => FIELDS.has(path), c);

  const submit = async () => {
    const input = { caseId: c.id, ...values, issuedAt: fromLocalInput(values.issuedAt, zone) };
    const updated = await send(input, c.version);
    if (updated) onDone(updated);
  };

  return (
    <FormShell kept={kept} title={t('step.issueRecommendation')} submitLabel={t('step.issueRecommendation.submit')} busy={busy} errors={errors} onSubmit={submit} onReload={onReload}>
      <CheckboxGroup
        name="respondentIds"
        label={t('field.respondentIds')}
        values={values.respondentIds}
        options={respondents.map((r) => ({ value: r.respondentId, label: r.name ?? r.respondentId }))}
        onChange={set('respondentIds')}
        error={errors.fields.respondentIds}
        required
      />
      <SelectField name="recipient" label={t('field.recipient')} value={values.recipient} options={options('RecommendationRecipient')} onChange={set('recipient')} error={errors.fields.recipient} required />
      <TextField name="letterNumber" label={t('field.letterNumber')} value={values.letterNumber} onChange={set('letterNumber')} error={errors.fields.letterNumber} required />
      <DateTimeField name="issuedAt" label={t('field.issuedAt', { zone: zone.name })} value={values.issuedAt} onChange={set('issuedAt')} error={errors.fields.issuedAt} required />
    </FormShell>
  );
}
