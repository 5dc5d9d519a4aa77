import { useDashboardText } from './use-text';

/**
 * Which history the figures come from: the instant and the event-log position they were computed
 * at. The command that recomputes them from the raw events is for auditors, in the README
 * (Dashboard), not on an officer's screen; the downloads carry the position (X-Netra-Position).
 */
export function Provenance({ asOf, position }: { asOf: string; position: string }) {
  const { t, dateTime } = useDashboardText();
  return (
    <div className="provenance">
      <p id="figures-provenance">{t('provenance.text', { asOf: dateTime(asOf), position })}</p>
    </div>
  );
}
