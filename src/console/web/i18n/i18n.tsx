import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../time/zones';
import { LABELS_EN } from './labels-en';
import { LABELS_ID, type LabelSet } from '../../../case/case-vocabulary-id';
import { MESSAGES_EN } from './messages-en';
import { MESSAGES_ID, type MessageKey } from './messages-id';

/** Indonesian first (the officers' language), English for everyone else; the choice survives a reload. */
const LANG_KEY = 'netra.lang';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A message with `{name}` placeholders filled in. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** The words for an API enum value, e.g. label('SanctionKind', 'MORAL_OPEN'); the raw value when unknown. */
  label(set: LabelSet, value: string | null | undefined): string;
  /** Every value of an API enum with its words, in the API's order (sanctions lightest first). */
  options(set: LabelSet): Array<{ value: string; label: string }>;
}

const I18nContext = createContext<I18n | null>(null);

function storedLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const value = useMemo<I18n>(() => {
    const messages = lang === 'en' ? MESSAGES_EN : MESSAGES_ID;
    const labels = lang === 'en' ? LABELS_EN : LABELS_ID;
    return {
      lang,
      setLang(next) {
        localStorage.setItem(LANG_KEY, next);
        setLangState(next);
      },
      t: (key, params = {}) => messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)),
      label: (set, v) => (v ? ((labels[set] as Record<string, string>)[v] ?? v) : '—'),
      options: (set) => Object.entries(labels[set] as Record<string, string>).map(([value, label]) => ({ value, label })),
    };
  }, [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
