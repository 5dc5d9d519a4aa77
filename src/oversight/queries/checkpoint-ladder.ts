import { sql } from 'drizzle-orm';
import type { Run } from './guarded-read';
import { dayStart } from './summary-checkpoints';

/**
 * The ladder: summary checkpoints spread over the whole history, so that a question about a day no
 * one asked about before corrects a few days' cases from the nearest rung instead of reading every
 * version valid then (summary-as-of.ts makes them in the background, one at a time, after the
 * questions' own days; each from its neighbour).
 *
 * Rungs are placed by the cases that change, not by the calendar: a rung starts a day once the days
 * since the last one hold more than `spacing` changed cases (a case counted once per day it changes),
 * so busy months get rungs a few days apart and a quiet year one or two. At most MAX_RUNGS, the
 * spacing doubled until they fit: their disk is bounded like the other checkpoints' (MAX_CHECKPOINTS),
 * ~5 MB each at 100,000 cases.
 *
 * At 100,000 cases of the synthetic history (476,981 changed case-days over 375 days), load 5: a
 * correction costs ~0.3–0.4 s for a day's 2,400 cases and ~0.6 s for three days'; the rows ~1.2–1.6 s.
 * The spacing is then 8,000 cases (68 rungs, 3 days apart in the busy months), so no day's start is
 * more than ~2,400 changed cases (a day) from a rung. With 36 (16,000 cases, 33 rungs 6 days apart:
 * up to 3 days), the bench's first questions about far days took p95 1.9–2.1 s at load 7–12; with 72,
 * 654 ms at load 9–11, for ~360 MB of rungs instead of ~180 MB (README, "The first as-of answer
 * about a far day").
 */
export const MAX_RUNGS = 72;
/** The narrowest spacing, in changed cases: a small history gets no more rungs than a correction of this many needs. */
export const MIN_SPACING = 2_000;

export interface ChangedDay {
  /** A UTC day's start. */
  day: Date;
  /** Cases with a version taking effect on that day. */
  cases: number;
}

/** The cases changed per UTC day, in day order. */
export async function changedDays(run: Run): Promise<ChangedDay[]> {
  const rows = await run(sql`SELECT date_trunc('day', valid_from, 'UTC') AS day, count(DISTINCT case_id)::int AS cases
    FROM rm_follow_up_versions GROUP BY 1 ORDER BY 1`);
  return rows.map((r) => ({ day: dayStart(new Date(r.day as string | Date)), cases: Number(r.cases) }));
}

/**
 * The rungs' instants (days' starts, ascending) for these days, and the spacing used: a rung once
 * half a spacing has changed, then one whenever the days since the last would hold more than
 * `spacing` changed cases, and one after the last day when more than half a spacing changed since.
 * The spacing is minSpacing doubled until at most `maxRungs` fit, so it moves only when the history
 * doubles: a day's new events leave the rungs before them where they were (the ladder is planned
 * again each day; moved rungs would be made again).
 */
export function placeRungs(days: readonly ChangedDay[], maxRungs = MAX_RUNGS, minSpacing = MIN_SPACING): { rungs: Date[]; spacing: number } {
  if (maxRungs < 1) return { rungs: [], spacing: Number.POSITIVE_INFINITY };
  for (let spacing = Math.max(1, minSpacing); ; spacing *= 2) {
    const rungs = rungsAt(days, spacing);
    if (rungs.length <= maxRungs) return { rungs, spacing };
  }
}

function rungsAt(days: readonly ChangedDay[], spacing: number): Date[] {
  const rungs: Date[] = [];
  // The cases changed since the last rung (since the start of the history before the first).
  let since = 0;
  for (const { day, cases } of days) {
    // Before the first rung half a spacing (a question before it corrects backwards), then a spacing, between rungs.
    if (since > 0 && since + cases > (rungs.length === 0 ? spacing / 2 : spacing)) {
      rungs.push(day);
      since = 0;
    }
    since += cases;
  }
  if (days.length > 0 && since > spacing / 2) rungs.push(new Date(days[days.length - 1].day.getTime() + 86_400_000));
  return rungs;
}

/** The rungs ordered outward from `from` (nearest first): each is then made from the one before it, a spacing away, not counted. */
export function outwardFrom(rungs: readonly Date[], from: Date): Date[] {
  return [...rungs].sort((a, b) => Math.abs(a.getTime() - from.getTime()) - Math.abs(b.getTime() - from.getTime()) || a.getTime() - b.getTime());
}
