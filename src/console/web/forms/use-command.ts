import { useMemo, useState } from 'react';
import { ApiError, graphql, type ErrorCode } from '../api/graphql';
import { MUTATIONS, type MutationName } from '../api/documents';
import { discardDrafts, noteConflict } from './drafts';
import type { Case } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { hasOwnWords, wordRefusal } from '../../../words/refusal-words';
import { WIB, zoneOf, type Lang } from '../../../words/zones';

/** What a refused command left to show, in the officer's language: messages by input path, and one for the whole form. */
export interface CommandErrors {
  fields: Record<string, string>;
  /** `message`: the refusal's own sentence, or null where the code's general sentence says all. */
  form: { code: ErrorCode; key: string; message: string | null } | null;
}

const NO_ERRORS: CommandErrors = { fields: {}, form: null };

/**
 * A random UUID (v4). Not crypto.randomUUID: that one exists only in secure contexts, and a
 * development Netra is often opened over plain http on a LAN address.
 */
export function newCommandId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Sends one mutation with a fresh commandId and, for an existing case, the version the officer saw
 * as expectedVersion: if someone else moved the case meanwhile, the officer gets CONFLICT and
 * reloads instead of acting on a stale page. `fieldNames` are the paths this form shows inputs for;
 * a BAD_USER_INPUT naming any other path is shown at the form.
 */
export function useCommand(name: MutationName, fieldNames: (path: string) => boolean, c?: Case) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const errors = useWords(refusal, fieldNames, c);

  async function send(input: Record<string, unknown>, expectedVersion?: number): Promise<Case | null> {
    setBusy(true);
    setRefusal(null);
    try {
      const variables = { input: { ...input, commandId: newCommandId(), ...(expectedVersion !== undefined ? { expectedVersion } : {}) } };
      const data = await graphql<Record<string, Case>>(MUTATIONS[name], variables);
      if (c) discardDrafts(c.id, name);
      return data[name];
    } catch (error) {
      if (c && expectedVersion !== undefined && error instanceof ApiError && error.code === 'CONFLICT') noteConflict(c.id, name, expectedVersion);
      setRefusal(error instanceof ApiError ? error : new ApiError('INTERNAL_SERVER_ERROR', String(error)));
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { busy, errors, send };
}

/**
 * The refusal worded from its key and parameters, again when the language switches: under the field
 * it names when this form shows that field, else at the form. The same object until then, since the
 * form moves the focus to the refused field each time its errors change.
 */
function useWords(refusal: ApiError | null, fieldNames: (path: string) => boolean, c?: Case): CommandErrors {
  const { lang } = useI18n();
  // Not fieldNames: a new arrow on each render, with the same answers.
  return useMemo(() => wordsFor(refusal, fieldNames, lang, c), [refusal, lang, c]);
}

/** A refusal in the officer's language, under the field it names when `fieldNames` shows that field, else at the form. */
export function wordsFor(refusal: ApiError | null, fieldNames: (path: string) => boolean, lang: Lang, c?: Case): CommandErrors {
  if (!refusal) return NO_ERRORS;
  const names = new Map((c?.respondents ?? []).map((r) => [r.respondentId, r.name]));
  const words = {
    code: refusal.code,
    key: refusal.key ?? refusal.code,
    params: refusal.params,
    // The server's English, past the field path it starts with: only ever shown in English.
    message: refusal.field && refusal.message.startsWith(`${refusal.field}: `) ? refusal.message.slice(refusal.field.length + 2) : refusal.message,
  };
  const sentence = wordRefusal(words, { lang, zone: c ? zoneOf(c.handlingUnit) : WIB, respondentName: (id) => names.get(id) ?? null });
  if (refusal.code === 'BAD_USER_INPUT' && refusal.field && fieldNames(refusal.field)) return { fields: { [refusal.field]: sentence }, form: null };
  // A refusal with only its code's general sentence: the heading says it (and, in English, the server's words).
  const own = hasOwnWords(words) || (lang === 'en' && !!words.message);
  return { fields: {}, form: { code: refusal.code, key: words.key, message: own ? sentence : null } };
}
