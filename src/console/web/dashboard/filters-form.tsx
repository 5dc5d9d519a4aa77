import { useId } from 'react';
import { SelectField } from '../forms/fields';
import { todayWib, type DashboardFilters } from './filters';
import type { Option } from './types';
import { useDashboardText } from './use-text';

interface FiltersFormProps {
  filters: DashboardFilters;
  /** "PILKADA 2020", … */
  elections: string[];
  provinces: Option[];
  onChange(filters: DashboardFilters): void;
  onRefresh(): void;
}

/** Election, province and day; each change reloads the figures. A new election starts from all provinces. */
export function FiltersForm({ filters, elections, provinces, onChange, onRefresh }: FiltersFormProps) {
  const { t, label } = useDashboardText();
  const electionOptions = elections.map((value) => {
    const [kind, year] = value.split(' ');
    return { value, label: `${label('ElectionKind', kind)} ${year}` };
  });
  return (
    <form className="card dashboard-filters" aria-label={t('filters.legend')} onSubmit={(event) => event.preventDefault()}>
      <div className="row">
        <SelectField
          name="election"
          label={t('filters.election')}
          value={filters.election}
          placeholder={t('filters.allElections')}
          options={electionOptions}
          onChange={(election) => onChange({ ...filters, election, province: '' })}
        />
        <SelectField
          name="province"
          label={t('filters.province')}
          value={filters.province}
          placeholder={t('filters.allProvinces')}
          options={provinces}
          onChange={(province) => onChange({ ...filters, province })}
        />
        <DayField value={filters.day} onChange={(day) => onChange({ ...filters, day })} />
      </div>
      <button type="button" onClick={onRefresh}>
        {t('filters.refresh')}
      </button>
    </form>
  );
}

function DayField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useDashboardText();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('filters.asOf')}</label>
      <input id={id} name="day" type="date" value={value} max={todayWib(new Date())} aria-describedby={`${id}-hint`} onChange={(event) => onChange(event.target.value)} />
      <p className="hint" id={`${id}-hint`}>
        {t('filters.asOfHint')}
      </p>
    </div>
  );
}
