import { useMemo, useState } from 'react';
import type { Case, FollowUp } from '../../api/types';
import { CheckboxGroup, DateTimeField, SelectField, TextArea } from '../../forms/fields';
import { FormShell } from '../../forms/form-shell';
import { useCommand, type CommandErrors } from '../../forms/use-command';
import { draftKey } from '../../forms/drafts';
import { useFields } from '../../forms/use-fields';
import { useI18n } from '../../i18n/i18n';
import { fromLocalInput, toLocalInput, zoneOf } from '../../../../words/zones';

interface Finding {
  outcome: string;
  violations: string[];
  note: string;
}

/** Bawaslu's kajian: one outcome for every respondent, in one command. */
export function RecordStudyForm({ c, respondents, onDone, onReload }: { c: Case; respondents: FollowUp[]; onDone(c: Case): void; onReload(): void }) {
  const { t, label, options } = useI18n();
  const zone = zoneOf(c.handlingUnit);
  const { values, set, kept } = useFields(() => ({
    studiedAt: toLocalInput(new Date(), zone),
    // Nothing preselected: one click must not record everyone as proven.
    findings: respondents.map((): Finding => ({ outcome: '', violations: [], note: '' })),
  }), draftKey(c.id, 'recordStudy', respondents.map((r) => r.respondentId).join('+')));
  const { busy, errors: refused, send } = useCommand('recordStudy', (path) => path === 'studiedAt' || /^findings\[\d+\]\.(outcome|violations|note)$/.test(path), c);
  // "Terbukti melanggar" with nothing ticked is refused here (and by the server), at that respondent's boxes.
  const [unticked, setUnticked] = useState<Record<string, string>>({});
  const errors = useMemo<CommandErrors>(() => ({ fields: { ...refused.fields, ...unticked }, form: refused.form }), [refused, unticked]);
  const setFinding = (index: number, change: Partial<Finding>) =>
    set('findings')(values.findings.map((finding, i) => (i === index ? { ...finding, ...change } : finding)));

  const submit = async () => {
    const missing: Record<string, string> = {};
    respondents.forEach((r, i) => {
      const f = values.findings[i];
      if (f.outcome === 'VIOLATION' && f.violations.length === 0) missing[`findings[${i}].violations`] = t('study.tickViolation', { name: r.name ?? r.respondentId });
    });
    setUnticked(missing);
    if (Object.keys(missing).length > 0) return;
    const findings = respondents.map((r, i) => {
      const f = values.findings[i];
      return { respondentId: r.respondentId, outcome: f.outcome, ...(f.outcome === 'VIOLATION' ? { violations: f.violations } : {}), ...(f.note ? { note: f.note } : {}) };
    });
    const updated = await send({ caseId: c.id, studiedAt: fromLocalInput(values.studiedAt, zone), findings }, c.version);
    if (updated) onDone(updated);
  };

  return (
    <FormShell kept={kept} title={t('step.recordStudy')} submitLabel={t('step.recordStudy.submit')} busy={busy} errors={errors} onSubmit={submit} onReload={onReload}>
      <DateTimeField name="studiedAt" label={t('field.studiedAt', { zone: zone.name })} value={values.studiedAt} onChange={set('studiedAt')} error={errors.fields.studiedAt} required />
      {respondents.map((r, i) => (
        <fieldset key={r.respondentId} className="group">
          <legend>{r.name ?? r.respondentId}</legend>
          <SelectField
            name={`findings[${i}].outcome`}
            label={t('field.outcome')}
            value={values.findings[i].outcome}
            placeholder={t('field.choose')}
            options={options('StudyOutcome')}
            onChange={(outcome) => setFinding(i, { outcome })}
            error={errors.fields[`findings[${i}].outcome`]}
            required
          />
          {values.findings[i].outcome === 'VIOLATION' ? (
            <CheckboxGroup
              name={`findings[${i}].violations`}
              label={t('field.provenViolations')}
              values={values.findings[i].violations}
              options={c.violations.map((v) => ({ value: v, label: label('ViolationCode', v) }))}
              onChange={(violations) => setFinding(i, { violations })}
              hint={t('hint.provenViolations')}
              error={errors.fields[`findings[${i}].violations`]}
            />
          ) : null}
          <TextArea name={`findings[${i}].note`} label={t('field.note')} value={values.findings[i].note} onChange={(note) => setFinding(i, { note })} error={errors.fields[`findings[${i}].note`]} />
        </fieldset>
      ))}
    </FormShell>
  );
}
