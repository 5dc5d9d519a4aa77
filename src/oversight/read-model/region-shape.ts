/**
 * The follow-up rows whose counting region is not a dotted Kemendagri code (`PP`, `PP.KK`,
 * `PP.KK.CC`, `PP.KK.CC.DDDD`: src/case/validation/regions.ts CODE_PATTERN, digits 0–9 only). Shared
 * by the partial index over them (schema.ts, migration 0017) and the followUps count
 * (queries/follow-up-count.ts): PostgreSQL uses a partial index only when the query holds its very
 * predicate. For these rows alone a region prefix filter and the summary counters' province and
 * region buckets may disagree (the province of a malformed code is its first two characters).
 */
export const ODD_REGION_CODE = `(region_code !~ '^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$')`;

/**
 * Every dot-prefix of a case's scope codes (`16.73.01` → `16`, `16.73`, `16.73.01`), by the SQL
 * function of migration 0020. A code lies within a region R (`code = R OR code LIKE 'R.%'`, the scope
 * condition of queries/follow-up-conditions.ts) exactly when R is one of its dot-prefixes, for an R
 * of digits and dots; `rm_scope_prefixes(scope_codes) @> ARRAY[R]` is an index's condition, where the
 * LIKE over every element of every case's codes was a scan of every case.
 */
export const SCOPE_PREFIXES = 'rm_scope_prefixes(scope_codes)';
/** The cases the prefix index holds: those whose scope has more than one code (the index's predicate, repeated by the query that reads it). */
export const SEVERAL_SCOPE_CODES = '(cardinality(scope_codes) > 1)';
