import type { Case, TimelineEntry } from '../api/types';
import type { I18n } from '../i18n/i18n';
import { fill } from '../i18n/fill';
import { formatDateTime, type Zone } from '../../../words/zones';
import { TIMELINE_SENTENCES } from '../../../case/timeline-sentences';

type Words = Pick<I18n, 't' | 'label' | 'lang'>;

/**
 * A timeline line in the officer's language, from its data: the sentence its step's folder declares
 * (case/timeline-sentences.ts, generated), with respondents by name where the caller may see them,
 * sanctions, violations, outcomes, agencies and regions by their words. A line without data
 * (projected before details existed), or of an event this console does not know, returns null: the
 * caller shows the server's.
 */
export function timelineSentence(entry: TimelineEntry, c: Case, zone: Zone, words: Words): string | null {
  const d = entry.details;
  if (!d) return null;
  const { t, label, lang } = words;
  if (d.withheld) return t('timeline.withheld', { what: label('EventType', entry.type) });
  const sentence = (TIMELINE_SENTENCES as Record<string, (typeof TIMELINE_SENTENCES)[keyof typeof TIMELINE_SENTENCES] | undefined>)[entry.type];
  if (!sentence) return null;
  const name = (id: string) => respondentName(c, id, t);
  return sentence.sentence(d, {
    say: (key, params) => fill(sentence.words[lang][key] ?? key, params),
    name,
    names: (ids) => ids.map(name).join(', '),
    when: (instant) => (instant ? formatDateTime(instant, zone, lang) : '—'),
    label,
    documentKind: () => {
      // The kind from the case's own list (same version); null for a document this caller may not see.
      const document = c.documents.find((x) => x.version === entry.version);
      return document ? label('DocumentKind', document.kind) : null;
    },
  });
}

/** The respondent's name as the case shows it to this caller; "Terlapor 2" for one whose identity is withheld or erased. */
function respondentName(c: Case, id: string, t: Words['t']): string {
  const r = c.respondents.find((x) => x.respondentId === id);
  if (r?.name && !r.identityWithheld && !c.personalDataErasedAt) return r.name;
  return t('timeline.respondentN', { n: id.replace(/^R/, '') });
}
