import { TextField } from '../forms/fields';
import { useI18n } from '../i18n/i18n';

/** The evidence list (bukti): one line per item — a screenshot, a video link, a witness statement. */
export function EvidenceFields({ value, onChange, errors }: { value: string[]; onChange(value: string[]): void; errors: Record<string, string> }) {
  const { t } = useI18n();
  return (
    <fieldset className="group">
      <legend>{t('field.evidence')}</legend>
      {errors.evidence ? <p className="field-error">{errors.evidence}</p> : null}
      {value.length === 0 ? <p className="hint">{t('newCase.noEvidence')}</p> : null}
      {value.map((item, i) => (
        <div key={i} className="row">
          <TextField
            name={`evidence[${i}]`}
            label={t('newCase.evidenceN', { n: i + 1 })}
            value={item}
            onChange={(text) => onChange(value.map((e, j) => (j === i ? text : e)))}
            error={errors[`evidence[${i}]`]}
          />
          <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('newCase.removeEvidence', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...value, ''])}>
        {t('newCase.addEvidence')}
      </button>
    </fieldset>
  );
}
