import { DayField, SelectField } from '../forms/fields';
import type { DashboardFilters } from './filters';
import type { Option } from './types';
import { useDashboardText } from './use-text';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

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
        {/* dd/mm/yyyy as officers write it; the figures reload once it is empty or a real day, not at each keystroke. */}
        <DayField name="day" label={t('filters.asOf')} hint={t('filters.asOfHint')} value={filters.day} onChange={(day) => (day === '' || DAY.test(day) ? onChange({ ...filters, day }) : undefined)} />
      </div>
      <button type="button" onClick={onRefresh}>
        {t('filters.refresh')}
      </button>
    </form>
  );
}
