/**
 * The follow-up rows whose counting region is not a dotted Kemendagri code (`PP`, `PP.KK`,
 * `PP.KK.CC`, `PP.KK.CC.DDDD`: src/case/validation/regions.ts CODE_PATTERN, digits 0–9 only). Shared
 * by the partial index over them (schema.ts, migration 0017) and the followUps count
 * (queries/follow-up-count.ts): PostgreSQL uses a partial index only when the query holds its very
 * predicate. For these rows alone a region prefix filter and the summary counters' province and
 * region buckets may disagree (the province of a malformed code is its first two characters).
 */
export const ODD_REGION_CODE = `(region_code !~ '^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$')`;
