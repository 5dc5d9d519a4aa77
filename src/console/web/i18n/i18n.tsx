import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../../../words/zones';
import { LABELS_EN } from '../../../words/labels-en';
import { LABELS_ID, type LabelSet } from '../../../case/case-vocabulary-id';
import { DASHBOARD_TEXT_EN } from './dashboard-en';
import { DASHBOARD_TEXT_ID, type DashboardKey } from './dashboard-id';
import { MESSAGES_EN } from './messages-en';
import { MESSAGES_ID, type MessageKey } from './messages-id';
import { hasOwnWords, wordRefusal, type Refusal, type WordingContext } from '../../../words/refusal-words';
import { WIB } from '../../../words/zones';
import { fill } from './fill';

/** Every word of the console in one catalogue: the pages' and forms' words, and the dashboard's under `dashboard.`. */
export type WordKey = MessageKey | `dashboard.${DashboardKey}`;

function catalogue(messages: Record<MessageKey, string>, dashboard: Record<DashboardKey, string>): Record<WordKey, string> {
  const prefixed = Object.fromEntries(Object.entries(dashboard).map(([key, words]) => [`dashboard.${key}`, words]));
  return { ...messages, ...prefixed } as Record<WordKey, string>;
}

const WORDS = { id: catalogue(MESSAGES_ID, DASHBOARD_TEXT_ID), en: catalogue(MESSAGES_EN, DASHBOARD_TEXT_EN) };

/** Indonesian first (the officers' language), English for everyone else; the choice survives a reload. */
const LANG_KEY = 'netra.lang';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A message with `{name}` placeholders filled in, and `{name:one|other}` agreeing with the number (fill.ts). */
  t(key: WordKey, params?: Record<string, string | number>): string;
  /** The words for an API enum value, e.g. label('SanctionKind', 'MORAL_OPEN'); the raw value when unknown. */
  label(set: LabelSet, value: string | null | undefined): string;
  /** Every value of an API enum with its words, in the API's order (sanctions lightest first). */
  options(set: LabelSet): Array<{ value: string; label: string }>;
  /**
   * What went wrong, for a page that could not load or a download refused: the refusal's own
   * sentence from its key, else its code's general one; never the server's English in Indonesian.
   */
  refusalText(error: unknown, context?: Partial<WordingContext>): string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const value = useMemo<I18n>(() => {
    const messages = WORDS[lang];
    const labels = lang === 'en' ? LABELS_EN : LABELS_ID;
    return {
      lang,
      setLang(next) {
        localStorage.setItem(LANG_KEY, next);
        setLangState(next);
      },
      t: (key, params = {}) => fill(messages[key], params),
      label: (set, v) => (v ? ((labels[set] as Record<string, string>)[v] ?? v) : '—'),
      options: (set) => Object.entries(labels[set] as Record<string, string>).map(([value, label]) => ({ value, label })),
      refusalText(error, context = {}) {
        const refusal = asRefusal(error);
        if (hasOwnWords(refusal)) return wordRefusal(refusal, { lang, zone: WIB, ...context });
        const general = `error.${refusal.code}` as MessageKey;
        return lang === 'en' && refusal.message ? refusal.message : (messages[general] ?? messages['error.INTERNAL_SERVER_ERROR']);
      },
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

function asRefusal(error: unknown): Refusal {
  if (error && typeof error === 'object' && 'code' in error) {
    const e = error as { code: string; key?: string; params?: Record<string, unknown>; message?: string; field?: string };
    const message = e.field && e.message?.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : (e.message ?? '');
    return { code: e.code, key: e.key, params: e.params, message };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: error instanceof Error ? error.message : String(error) };
}
