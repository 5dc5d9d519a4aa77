import { useState } from 'react';
import { keepDraft, readDraft } from './drafts';

/**
 * Form state as one object, with a setter per field for the inputs' onChange. With a `draft` key
 * (forms/drafts.ts: draftKey(case, step, respondent)) what the officer typed outlives the form: a
 * case reloaded after a CONFLICT shows the form again with the letter number, dates and notes
 * already typed. `kept` says the values came from such a draft.
 */
export function useFields<T extends object>(initial: T | (() => T), draft?: string) {
  const [kept] = useState(() => draft !== undefined && readDraft<T>(draft) !== undefined);
  const [values, setValues] = useState<T>(() => (draft !== undefined ? readDraft<T>(draft) : undefined) ?? (typeof initial === 'function' ? (initial as () => T)() : initial));
  const set =
    <K extends keyof T>(key: K) =>
    (value: T[K]) =>
      setValues((current) => {
        const next = { ...current, [key]: value };
        if (draft !== undefined) keepDraft(draft, next);
        return next;
      });
  return { values, set, setValues, kept };
}
