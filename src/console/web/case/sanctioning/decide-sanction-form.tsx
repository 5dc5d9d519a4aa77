import { RegionPicker } from '../../regions/region-picker';
import type { Case, FollowUp } from '../../api/types';
import { DateTimeField, SelectField, TextField } from '../../forms/fields';
import { FormShell } from '../../forms/form-shell';
import { useCommand } from '../../forms/use-command';
import { draftKey } from '../../forms/drafts';
import { useFields } from '../../forms/use-fields';
import { useI18n } from '../../i18n/i18n';
import { routeFor } from '../../respondent-kinds';
import { fromLocalInput, toLocalInput, zoneOf } from '../../../../words/zones';

const FIELDS = new Set(['decision', 'letterNumber', 'decidedAt', 'sanction', 'ppk', 'ppk.title', 'ppk.regionCode', 'dueAt']);

/** BKN (KASN for decisions dated before 24 Aug 2024) recommends a sanction to the respondent's PPK, or clears. */
export function DecideSanctionForm({ c, respondent, onDone, onReload }: { c: Case; respondent: FollowUp; onDone(c: Case): void; onReload(): void }) {
  const { t, label } = useI18n();
  const zone = zoneOf(c.handlingUnit);
  const sanctions = routeFor(respondent.employment).sanctions;
  const { values, set, kept } = useFields(() => ({
    decision: 'SANCTION',
    letterNumber: '',
    decidedAt: toLocalInput(new Date(), zone),
    sanction: sanctions[0],
    ppkTitle: '',
    ppkRegionCode: respondent.institutionRegionCode ?? c.handlingUnit,
    dueAt: '',
  }), draftKey(c.id, 'decideSanction', respondent.respondentId));
  const { busy, errors, send } = useCommand('decideSanction', (path) => FIELDS.has(path), c);
  const sanctioning = values.decision === 'SANCTION';

  const submit = async () => {
    const input = {
      caseId: c.id,
      respondentId: respondent.respondentId,
      decision: values.decision,
      letterNumber: values.letterNumber,
      decidedAt: fromLocalInput(values.decidedAt, zone),
      ...(sanctioning
        ? {
            sanction: values.sanction,
            ppk: { title: values.ppkTitle, regionCode: values.ppkRegionCode },
            ...(values.dueAt ? { dueAt: fromLocalInput(values.dueAt, zone) } : {}),
          }
        : {}),
    };
    const updated = await send(input, c.version);
    if (updated) onDone(updated);
  };

  return (
    <FormShell
      kept={kept}
      title={t('step.decideSanction', { name: respondent.name ?? respondent.respondentId })}
      submitLabel={t('step.decideSanction.submit')}
      busy={busy}
      errors={errors}
      onSubmit={submit}
      onReload={onReload}
    >
      <SelectField
        name="decision"
        label={t('field.decision')}
        value={values.decision}
        options={[
          { value: 'SANCTION', label: t('decision.SANCTION') },
          { value: 'CLEAR', label: t('decision.CLEAR') },
        ]}
        onChange={set('decision')}
        error={errors.fields.decision}
        required
      />
      <TextField name="letterNumber" label={t('field.letterNumber')} hint={t('hint.letterNumber')} value={values.letterNumber} onChange={set('letterNumber')} error={errors.fields.letterNumber} required />
      <DateTimeField name="decidedAt" label={t('field.decidedAt', { zone: zone.name })} value={values.decidedAt} onChange={set('decidedAt')} error={errors.fields.decidedAt} required />
      {sanctioning ? (
        <>
          <SelectField name="sanction" label={t('field.sanction')} value={values.sanction} options={sanctions.map((s) => ({ value: s, label: label('SanctionKind', s) }))} onChange={set('sanction')} error={errors.fields.sanction} required />
          <TextField name="ppk.title" label={t('field.ppkTitle')} hint={t('hint.ppkTitle')} value={values.ppkTitle} onChange={set('ppkTitle')} error={errors.fields['ppk.title'] ?? errors.fields.ppk} required />
          <RegionPicker name="ppk.regionCode" label={t('field.ppkRegionCode')} hint={t('hint.regionCode')} value={values.ppkRegionCode} onChange={set('ppkRegionCode')} error={errors.fields['ppk.regionCode']} required />
          <DateTimeField name="dueAt" label={t('field.dueAt', { zone: zone.name })} hint={t('hint.dueAt')} value={values.dueAt} onChange={set('dueAt')} error={errors.fields.dueAt} />
        </>
      ) : null}
    </FormShell>
  );
}
