import { TextField } from '../forms/fields';
import { useI18n } from '../i18n/i18n';
import type { NewCaseDraft } from './new-case-state';

type Reporter = NewCaseDraft['reporter'];

/** The reporter (pelapor) of a laporan: required, and kept confidential to the handling Bawaslu unit. */
export function ReporterFields({ value, onChange, errors }: { value: Reporter; onChange(value: Reporter): void; errors: Record<string, string> }) {
  const { t } = useI18n();
  const set = (key: keyof Reporter) => (text: string) => onChange({ ...value, [key]: text });
  return (
    <fieldset className="group">
      <legend>{t('case.reporter')}</legend>
      <p className="hint">{t('newCase.reporterConfidential')}</p>
      {errors.reporter ? <p className="field-error">{errors.reporter}</p> : null}
      <TextField name="reporter.name" label={t('field.reporterName')} value={value.name} onChange={set('name')} error={errors['reporter.name']} required autoComplete="off" />
      <TextField name="reporter.address" label={t('field.reporterAddress')} value={value.address} onChange={set('address')} error={errors['reporter.address']} />
      <TextField name="reporter.phone" type="tel" label={t('field.reporterPhone')} value={value.phone} onChange={set('phone')} error={errors['reporter.phone']} />
      <TextField name="reporter.email" type="email" label={t('field.reporterEmail')} value={value.email} onChange={set('email')} error={errors['reporter.email']} />
    </fieldset>
  );
}
