import type { Case } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, type Zone } from '../../../words/zones';
import { useErasedWords } from './erased';
import { Facts } from './facts';

/** What the case is: source, election, handling unit, the two dates that start the clocks, and what was reported. */
export function CaseFacts({ c, zone }: { c: Case; zone: Zone }) {
  const { t, label, lang } = useI18n();
  const shown = useErasedWords();
  const when = (instant: string | null) => (instant ? formatDateTime(instant, zone, lang) : null);
  return (
    <section aria-labelledby="case-facts" className="card">
      <h2 id="case-facts">{t('case.facts')}</h2>
      <Facts
        items={[
          [t('field.source'), label('CaseSource', c.source)],
          [t('case.stage'), label('Stage', c.stage)],
          [t('field.election'), `${label('ElectionKind', c.election.kind)} ${c.election.year} (${c.election.regionCode})`],
          [t('field.handlingUnit'), `${c.handlingUnitName ?? ''} (${c.handlingUnit})`],
          [t('case.timeZone'), t('case.timeZoneValue', { zone: zone.name, offset: zone.offsetHours })],
          [t('field.occurredAt', { zone: zone.name }), when(c.occurredAt)],
          [t('field.knownAt', { zone: zone.name }), when(c.knownAt)],
          [t('field.receivedAt', { zone: zone.name }), when(c.receivedAt)],
          [t('field.place'), shown(c.place)],
          [t('field.summary'), shown(c.summary)],
          [t('field.violations'), c.violations.map((v) => label('ViolationCode', v)).join('; ')],
          [t('field.evidence'), c.evidence.length > 0 ? <ul>{c.evidence.map((e, i) => <li key={i}>{shown(e)}</li>)}</ul> : null],
        ]}
      />
    </section>
  );
}
