/**
 * The SQL expressions search matches on, shared by the read model's indexes (schema.ts, migration
 * 0012) and the search query (queries/case-search.ts): PostgreSQL uses an expression index only for
 * the very same expression. pg_trgm lives in schema `public` (the PostgreSQL read model's own schema
 * is renamed and dropped by a rebuild, which must not take the extension with it), so its operator
 * classes, operators and functions are named with their schema.
 */

/** Lower case, letters and digits only: `B-1444/JP.01/04/2022` and `b 1444 jp 01 04 2022` are one number. */
export const compact = (column: string) => `regexp_replace(lower(${column}), '[^a-z0-9]+', '', 'g')`;

export const REGISTER_COMPACT = compact('register_number');

/** Every letter and decree number of a respondent's track, each compacted, separated by spaces. */
export const LETTER_COLUMNS = ['recommendation_letter', 'decision_letter', 'decree_number', 'replaced_decree_number', 'escalation_letter'] as const;
export const LETTERS_COMPACT = LETTER_COLUMNS.map((c) => `coalesce(${compact(c)}, '')`).join(` || ' ' || `);

/** The summary's words; `simple` does no stemming, which suits Indonesian (no PostgreSQL dictionary for it). */
export const SUMMARY_WORDS = `to_tsvector('simple', summary)`;
