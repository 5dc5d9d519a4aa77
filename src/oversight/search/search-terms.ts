import { badInput } from '../../case/case-error';

/** Longer than any name, number or phrase an officer types; a pasted paragraph is a mistake, not a search. */
export const MAX_QUERY_LENGTH = 200;

/** What one query is matched as; each key is tried where the query can be one. */
export interface SearchTerms {
  /** The words as typed (spaces collapsed): names by trigram similarity, the summary by full text. */
  text: string;
  /** Letters and digits only, lower case: register, letter and decree numbers (`B-1444/JP.01/04/2022`); null below 3 characters. */
  compact: string | null;
  /** The digits of an identifier typed with or without spaces, dots or dashes (NIP 18, NIK 16, NRP 5–14); else null. */
  digits: string | null;
}

/**
 * The query's keys, or BAD_USER_INPUT naming `field`: empty, too long, or without a letter or digit
 * (nothing could match it). Pure, so the rules are tested without a database.
 */
export function searchTerms(query: string, field = 'query'): SearchTerms {
  const text = (typeof query === 'string' ? query : '').trim().replace(/\s+/g, ' ');
  if (text.length === 0) throw badInput(field, 'must not be empty', 'search.empty');
  if (text.length > MAX_QUERY_LENGTH) throw badInput(field, `must be at most ${MAX_QUERY_LENGTH} characters`, 'search.tooLong', { maxLength: MAX_QUERY_LENGTH, length: text.length });
  const compact = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (compact.length === 0) throw badInput(field, 'must contain a letter or a digit', 'search.noLetterOrDigit');
  const digitsOnly = text.replace(/[\s.\-]+/g, '');
  return {
    text,
    compact: compact.length >= 3 && /^[a-z0-9]+$/.test(compact) ? compact : null,
    digits: /^\d{5,18}$/.test(digitsOnly) ? digitsOnly : null,
  };
}
