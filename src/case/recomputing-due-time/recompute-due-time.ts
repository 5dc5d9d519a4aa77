import { assertAgencyMay } from '../case-access';
import { invalidTransition } from '../case-error';
import type { DueTimeRecomputed } from '../case-events';
import { deadlineStepOf, type CaseState, type RespondentTrack } from '../case-state';
import { SYSTEM_AGENCY } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import { iso } from '../input-rules';
import { openedCase, trackOf } from '../opened-case';

/** Netra's calendar process: recounts open due times after an administrator publishes a year's calendar. */
export const CALENDAR_PROCESS: Actor = { agency: SYSTEM_AGENCY, region: null, userId: 'netra:calendar-process' };

export interface RecomputeDueTime {
  type: 'RecomputeDueTime';
  actor: Actor;
  caseId: string;
  /** The due time the process saw: if the track has another one now, nothing is recorded. */
  input: { respondentId: string; dueAt: string; calendarYear: number; legalBasis: string };
}

/** A due time counted in working days by a policy rule (not set by a letter or an extension) while someone still waits. */
export function recountable(track: RespondentTrack): boolean {
  return deadlineStepOf(track.stage) !== null && track.dueAt !== null && track.deadline?.unit === 'WORKING';
}

/**
 * The same rule counted again from the same start (the day the track entered its stage) under the
 * calendar as published now. Refused with INVALID_TRANSITION when the track moved on or the count
 * does not change, so the process can send it for every candidate and append only real changes.
 */
export function recomputeDueTime(command: RecomputeDueTime, state: CaseState, ctx: DecideContext): DueTimeRecomputed[] {
  const opened = openedCase(state, command.caseId);
  assertAgencyMay(command.actor, 'recomputeDueTime');
  const track = trackOf(opened, command.input.respondentId);
  if (!recountable(track) || new Date(track.dueAt!).getTime() !== new Date(command.input.dueAt).getTime()) {
    throw invalidTransition(`respondent ${track.respondentId} at stage ${track.stage} has no working-day due time ${command.input.dueAt} to recount`, 'dueTime.none', {
      respondentId: track.respondentId,
      stage: track.stage,
    });
  }
  if (!ctx.recount) throw new Error('recomputeDueTime needs the calendar (ctx.recount)');
  const rule = track.deadline!;
  const counted = ctx.recount(new Date(track.since), rule.days, rule.unit);
  const dueAt = iso(counted.dueAt);
  if (dueAt === track.dueAt && counted.provisional === (track.dueAtProvisional === true)) {
    throw invalidTransition(`the due time of respondent ${track.respondentId} is unchanged by the calendar`, 'dueTime.unchanged', { respondentId: track.respondentId });
  }
  return [
    {
      type: 'DueTimeRecomputed',
      data: {
        caseId: opened.caseId,
        respondentId: track.respondentId,
        step: deadlineStepOf(track.stage)!,
        previousDueAt: track.dueAt!,
        dueAt,
        deadline: { ...rule, provisional: counted.provisional },
        calendarYear: command.input.calendarYear,
        legalBasis: command.input.legalBasis,
        recomputedAt: iso(ctx.now),
      },
    },
  ];
}
