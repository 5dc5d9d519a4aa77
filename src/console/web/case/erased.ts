import { useI18n } from '../i18n/i18n';

/** What the API sends for a name or text whose data key was destroyed (ERASED in src/privacy/personal-fields.ts). */
const ERASED = '[erased]';

/** A personal text as the officer reads it: the API's "[erased]" in the officer's words, anything else as it is. */
export function useErasedWords() {
  const { t } = useI18n();
  return <T extends string | null>(value: T): T | string => (value === ERASED ? t('case.erasedValue') : value);
}
