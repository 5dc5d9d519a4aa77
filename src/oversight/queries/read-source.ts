import { sql, type SQL } from 'drizzle-orm';
import { badInput } from '../../case/case-error';

/**
 * What a query reads: the current rows, or the versions valid at `asOf` (valid_from <= asOf < valid_to), taken from the history
 * tables (every version the projection derived from the log, never a periodic snapshot). Queries
 * alias cases as `c` and follow-ups as `f` either way, and compute overdue and days at `at`.
 */
export interface ReadSource {
  /** The instant figures are computed at: `asOf`, or now. */
  at: Date;
  asOf: Date | null;
  cases: SQL;
  followUps: SQL;
  /** Set by a streamed export: read only versions made by events up to this log position. */
  position?: bigint;
}

/** A little clock skew is tolerated; a question about the future has no answer yet. */
const FUTURE_TOLERANCE_MS = 60_000;

export function readSource(asOf: Date | null | undefined, now: Date): ReadSource {
  if (!asOf) return { at: now, asOf: null, cases: sql`rm_cases`, followUps: sql`rm_follow_ups` };
  if (asOf.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw badInput('asOf', 'must not be in the future', 'read.asOfFuture');
  const t = sql`${asOf.toISOString()}::timestamptz`;
  return {
    at: asOf,
    asOf,
    // The version whose validity interval holds T (valid_to is the next version's valid_from): an index range, no sort over every version.
    cases: sql`(SELECT * FROM rm_case_versions WHERE tstzrange(valid_from, valid_to) @> ${t})`,
    // The NIP is not kept in the history: it comes from the current row, so an erased NIP stays erased in the past too.
    followUps: sql`(SELECT v.*, cur.nip, cur.nrp, cur.nik
      FROM rm_follow_up_versions v
      LEFT JOIN rm_follow_ups cur ON cur.case_id = v.case_id AND cur.respondent_id = v.respondent_id
      WHERE tstzrange(v.valid_from, v.valid_to) @> ${t})`,
  };
}
