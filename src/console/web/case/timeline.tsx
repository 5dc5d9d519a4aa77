import type { Case, TimelineEntry } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, type Zone } from '../../../words/zones';
import { timelineSentence } from './timeline-words';
import { unitName, useRegionNames, type RegionOption } from '../regions/region-names';

/** The case history in order: what happened, when (the date on the letter), and which unit acted. */
export function Timeline({ c, zone }: { c: Case; zone: Zone }) {
  const { t } = useI18n();
  const units = useRegionNames(c.timeline.map((entry) => entry.unit));
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t('case.timeline')}</h2>
      <ol className="timeline">
        {c.timeline.map((entry) => (
          <TimelineLine key={entry.version} entry={entry} c={c} zone={zone} units={units} />
        ))}
      </ol>
    </section>
  );
}

/**
 * The lines recorded after `base`: what another officer (or Netra's deadline process) did between the
 * version a form was based on and the case as reloaded, shown in the form so the officer can decide.
 */
export function ChangesSince({ c, base, zone }: { c: Case; base: number; zone: Zone }) {
  const { t } = useI18n();
  const entries = c.timeline.filter((entry) => entry.version > base);
  const units = useRegionNames(entries.map((entry) => entry.unit));
  if (entries.length === 0) return null;
  return (
    <div className="changes-since">
      <p>
        <strong>{t('form.changesSince')}</strong>
      </p>
      <ol className="timeline">
        {entries.map((entry) => (
          <TimelineLine key={entry.version} entry={entry} c={c} zone={zone} units={units} />
        ))}
      </ol>
    </div>
  );
}

function TimelineLine({ entry, c, zone, units }: { entry: TimelineEntry; c: Case; zone: Zone; units: Map<string, RegionOption> }) {
  const i18n = useI18n();
  const { t, label, lang } = i18n;
  const sentence = timelineSentence(entry, c, zone, i18n);
  return (
    <li className={entry.withdrawn ? 'timeline-withdrawn' : undefined}>
      <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, zone, lang)}</time>
      <span className="timeline-who">
        {/* The unit by name ("Bawaslu Kota Lubuk Linggau"), then the officer who recorded it. */}
        {entry.unit ? unitName(label('Agency', entry.agency), entry.unit, units, '') : label('Agency', entry.agency)}
        {entry.actorName ? <span className="timeline-actor"> — {entry.actorName}</span> : null}
      </span>
      <strong className="timeline-what">{label('EventType', entry.type)}</strong>
      {entry.withdrawn ? <span className="badge badge-withdrawn">{t('timeline.withdrawn')}</span> : null}
      {/* Worded from the line's data; a line projected before it had data keeps the server's English, marked as such. */}
      {sentence !== null ? (
        <span className="timeline-detail">{sentence}</span>
      ) : (
        <span className="timeline-detail" lang="en">
          {entry.description}
        </span>
      )}
    </li>
  );
}
