import { LABELS_ID, type LabelSet } from '../../case/case-vocabulary-id';

export type { LabelSet };
export type HeaderLanguage = 'id' | 'en';

/** The Indonesian word for a code under `id`, the code itself under `en`; null stays empty. */
export function labelOf(set: LabelSet, code: string | null, language: HeaderLanguage): string | null {
  if (code === null || language === 'en') return code;
  return (LABELS_ID[set] as Record<string, string>)[code] ?? code;
}

/** Yes/no as an officer reads it, or as the API spells it. */
export const yesNo = (value: boolean, language: HeaderLanguage) => (language === 'id' ? (value ? 'Ya' : 'Tidak') : value);
