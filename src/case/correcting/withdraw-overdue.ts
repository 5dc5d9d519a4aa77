import { endsWait, occurredAt, tracksOf } from '../case-effective-time';
import type { CaseEvent } from '../case-events';
import { findTrack, type CaseState, type RespondentTrack } from '../case-state';
import { formatWib } from '../deadlines/wib';
import type { Actor, DecideContext } from '../decide-context';
import { iso } from '../input-rules';
import type { OverdueWithdrawalReason, OverdueWithdrawn } from './overdue-withdrawn';


/**
 * The overdue records a command's events make untrue, as OverdueWithdrawn events to append after
 * them (shared/DOMAIN.md §6: overdue is a flag, and a flag that no longer holds must say so):
 * - a due time recounted or extended past the missed one: the step was not late at that time;
 * - a step dated on or before the missed due time, entered after the deadline process ran: it was
 *   taken in time, only typed in late.
 * Pure: it reads the state before the command and the events the command decided.
 */
export function overdueWithdrawals(before: CaseState, events: readonly CaseEvent[], actor: Actor, ctx: DecideContext): OverdueWithdrawn[] {
  if (before.status !== 'opened') return [];
  const withdrawn = new Set<string>();
  const out: OverdueWithdrawn[] = [];
  for (const event of events) {
    const ids = tracksOf(event) ?? before.respondents.map((r) => r.respondentId);
    for (const id of ids) {
      const track = findTrack(before, id);
      if (!track || !track.overdueSince || withdrawn.has(id)) continue;
      const why = reasonOf(event, track);
      if (!why) continue;
      withdrawn.add(id);
      out.push({
        type: 'OverdueWithdrawn',
        data: {
          caseId: before.caseId,
          respondentId: id,
          step: track.overdueFor!,
          dueAt: track.overdueSince,
          overdueVersion: track.overdueVersion ?? null,
          reason: why.reason,
          explanation: why.explanation,
          withdrawnBy: actor.agency,
          withdrawnAt: iso(ctx.now),
        },
      });
    }
  }
  return out;
}

function reasonOf(event: CaseEvent, track: RespondentTrack): { reason: OverdueWithdrawalReason; explanation: string } | null {
  const missed = new Date(track.overdueSince!);
  if (event.type === 'DueTimeRecomputed' && new Date(event.data.dueAt) > missed) {
    return { reason: 'DUE_TIME_RECOMPUTED', explanation: `the due time is ${formatWib(new Date(event.data.dueAt))} under the holiday calendar ${event.data.calendarYear} (${event.data.legalBasis})` };
  }
  if (event.type === 'DeadlineExtended' && new Date(event.data.dueAt) > missed) {
    return { reason: 'DEADLINE_EXTENDED', explanation: `the due time was extended to ${formatWib(new Date(event.data.dueAt))}: ${event.data.legalBasis}` };
  }
  if (endsWait(event) && new Date(occurredAt(event)) <= missed) {
    return { reason: 'BACKDATED_STEP', explanation: `${event.type} is dated ${formatWib(new Date(occurredAt(event)))}, on or before the due time` };
  }
  return null;
}
