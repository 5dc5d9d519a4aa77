import type { SummaryFilter } from './filters';
import { useDashboardText } from './use-text';

interface ProvenanceProps {
  asOf: string;
  current: boolean;
  position: string;
  regionBy: 'PROVINCE' | 'REGION';
  filter: SummaryFilter;
}

/**
 * Which history the figures come from: the instant and the event-log position they were computed
 * at, and the command that recomputes them from the raw events, without the read model.
 */
export function Provenance({ asOf, current, position, regionBy, filter }: ProvenanceProps) {
  const { t, dateTime } = useDashboardText();
  const filterArg = Object.keys(filter).length > 0 ? ` --filter '${JSON.stringify(filter)}'` : '';
  return (
    <div className="provenance">
      <p id="figures-provenance">{t('provenance.text', { asOf: dateTime(asOf), position })}</p>
      <code>{`npm run figures -- --position ${position} --as-of ${asOf}${current ? ' --current' : ''} --group-by ${regionBy}${filterArg}`}</code>
    </div>
  );
}
