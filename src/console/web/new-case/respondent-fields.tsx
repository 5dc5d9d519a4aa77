import { RegionPicker } from '../regions/region-picker';
import { SelectField, TextField } from '../forms/fields';
import { useI18n } from '../i18n/i18n';
import { identifierOf } from '../respondent-kinds';
import { emptyRespondent, type RespondentDraft } from './new-case-state';

/** The respondents (terlapor): at least one, each added or removed with a button that says which. */
export function RespondentFields({ value, onChange, errors }: { value: RespondentDraft[]; onChange(value: RespondentDraft[]): void; errors: Record<string, string> }) {
  const { t, options } = useI18n();
  const update = (index: number, change: Partial<RespondentDraft>) => onChange(value.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const path = (i: number, field: string) => `respondents[${i}].${field}`;
  return (
    <fieldset className="group">
      <legend>{t('field.respondents')}</legend>
      {errors.respondents ? <p className="field-error">{errors.respondents}</p> : null}
      {value.map((r, i) => (
        <fieldset key={r.key} className="group respondent-draft">
          <legend>{t('newCase.respondentN', { n: i + 1 })}</legend>
          <TextField name={path(i, 'name')} label={t('field.name')} value={r.name} onChange={(name) => update(i, { name })} error={errors[path(i, 'name')]} required />
          <SelectField
            name={path(i, 'employment')}
            label={t('field.employment')}
            value={r.employment}
            options={options('Employment')}
            onChange={(employment) => update(i, { employment })}
            error={errors[path(i, 'employment')]}
            required
          />
          <TextField
            name={path(i, identifierOf(r.employment))}
            label={t(`field.${identifierOf(r.employment)}`)}
            hint={t(`hint.${identifierOf(r.employment)}`)}
            value={r.nip}
            onChange={(nip) => update(i, { nip })}
            error={errors[path(i, identifierOf(r.employment))]}
          />
          <TextField name={path(i, 'position')} label={t('field.position')} value={r.position} onChange={(position) => update(i, { position })} error={errors[path(i, 'position')]} />
          <TextField name={path(i, 'institution')} label={t('field.institution')} value={r.institution} onChange={(institution) => update(i, { institution })} error={errors[path(i, 'institution')]} required />
          <RegionPicker
            levels={['PROVINCE', 'REGENCY', 'DISTRICT']}
            name={path(i, 'institutionRegionCode')}
            label={t('field.institutionRegionCode')}
            hint={t('hint.regionCode')}
            value={r.institutionRegionCode}
            onChange={(institutionRegionCode) => update(i, { institutionRegionCode })}
            error={errors[path(i, 'institutionRegionCode')]}
          />
          {value.length > 1 ? (
            <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('newCase.removeRespondent', { n: i + 1 })}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...value, emptyRespondent()])}>
        {t('newCase.addRespondent')}
      </button>
    </fieldset>
  );
}
