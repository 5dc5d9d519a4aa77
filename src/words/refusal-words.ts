import { LABELS_ID, type LabelSet, type Labels } from '../case/case-vocabulary-id';
import { formatDay } from './days';
import { formatDateTime, type Lang, type Zone } from './zones';
import { LABELS_EN } from './labels-en';
import { FIELDS_EN, LEVELS_EN, OPERATIONS_EN, REFUSALS_EN } from './refusals-en';
import { FIELDS_ID, LEVELS_ID, OPERATIONS_ID, REFUSALS_ID } from './refusals-id';

export type { RefusalCatalogue } from './refusal-catalogue';

/** What the API said: the contract code, the message key and the values it was built from. */
export interface Refusal {
  code: string;
  key?: string;
  params?: Record<string, unknown>;
  /** The server's English sentence, shown only in English and only when no key is known. */
  message: string;
}

export interface WordingContext {
  lang: Lang;
  /** The zone dates are shown in: the case's handling unit's. */
  zone: Zone;
  /** A respondent's name where the caller may see it; the id otherwise. */
  respondentName?(id: string): string | null;
}

/** The formats a placeholder may name besides the label sets: `{at:date}` (an instant), `{date:day}` (a calendar day). */
export const PLACEHOLDER_FORMATS = ['date', 'day', 'operation', 'field', 'level', 'identifier', 'respondent', 'dayUnit'] as const;

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

const WORDS = {
  id: { refusals: REFUSALS_ID, operations: OPERATIONS_ID, fields: FIELDS_ID, levels: LEVELS_ID, labels: LABELS_ID as Labels, or: 'atau', working: ' kerja' },
  en: { refusals: REFUSALS_EN, operations: OPERATIONS_EN, fields: FIELDS_EN, levels: LEVELS_EN, labels: LABELS_EN, or: 'or', working: ' working' },
};

export const isLabelSet = (name: string): name is LabelSet => name in LABELS_ID;

/** The placeholders of a sentence: [parameter, format or undefined]. */
export function placeholders(template: string): Array<[string, string | undefined]> {
  return [...template.matchAll(PLACEHOLDER)].map((m) => [m[1], m[2]]);
}

/**
 * The refusal in the officer's language, from its key and parameters. A key this console does not
 * know (a newer server) falls back to the sentence for its code; the server's English words are
 * shown only in English, never in Indonesian.
 */
export function wordRefusal(refusal: Refusal, context: WordingContext): string {
  const words = WORDS[context.lang];
  const catalogue = words.refusals as Record<string, string>;
  const template = (hasOwnWords(refusal) && catalogue[refusal.key!]) || null;
  if (!template) return context.lang === 'en' && refusal.message ? refusal.message : (catalogue[refusal.code] ?? catalogue.BAD_USER_INPUT);
  const params = refusal.params ?? {};
  return template.replace(PLACEHOLDER, (_whole, name: string, format?: string) => {
    const value = params[name];
    if (value === undefined || value === null) return format === 'dayUnit' ? '' : '—';
    return formatValue(String(value), format, context);
  });
}

/** Whether this refusal has words of its own (not only its code's general sentence). */
export const hasOwnWords = (refusal: Refusal) => !!refusal.key && refusal.key !== refusal.code && refusal.key in REFUSALS_ID;

function formatValue(value: string, format: string | undefined, context: WordingContext): string {
  const words = WORDS[context.lang];
  const each = (word: (item: string) => string) => joinList(value.split(',').filter(Boolean).map(word), words.or);
  switch (format) {
    case undefined:
      return value;
    case 'date':
      return formatDateTime(value, context.zone, context.lang);
    case 'day':
      // A calendar day (YYYY-MM-DD) has no time and no zone: "5 Januari 2027".
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value, context.lang) : value;
    case 'operation':
      return words.operations[value] ?? value;
    case 'field':
      return words.fields[value.replace(/\[\d+\]/g, '')] ?? value;
    case 'level':
      return each((level) => words.levels[level] ?? level);
    case 'identifier':
      return value.toUpperCase();
    case 'respondent':
      return value.split(',').filter(Boolean).map((id) => context.respondentName?.(id) ?? id).join(', ');
    case 'dayUnit':
      return value === 'WORKING' ? words.working : '';
    default:
      if (!isLabelSet(format)) return value;
      return each((code) => (words.labels[format] as Record<string, string>)[code] ?? code);
  }
}

function joinList(items: string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}
