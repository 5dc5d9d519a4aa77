import { assertAgencyMay } from '../case-access';
import { invalidTransition } from '../case-error';
import { deadlineStepOf, type CaseState, type RespondentTrack } from '../case-state';
import { type DeadlineStep, SYSTEM_AGENCY } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import { iso } from '../input-rules';
import { openedCase, trackOf } from '../opened-case';
import type { DeadlineApplied } from '../case-records';
import { formatWib } from '../deadlines/wib';
import type { Step, StepAccess } from '../step';
import { countedBy, withTracks } from '../track-change';

/**
 * A due time counted in working days was counted again because the holiday calendar of a year it
 * runs through was published (src/case/calendar): recorded by Netra's calendar process with the
 * decree that changed it. The rule (days, unit, basis) is the one the first count used.
 */
export interface DueTimeRecomputed {
  type: 'DueTimeRecomputed';
  data: {
    caseId: string;
    respondentId: string;
    step: DeadlineStep;
    previousDueAt: string;
    dueAt: string;
    deadline: DeadlineApplied;
    /** The published year that changed the count, and its decree (e.g. the SKB number). */
    calendarYear: number;
    legalBasis: string;
    recomputedAt: string;
  };
}

/** Netra's calendar process: recounts open due times after an administrator publishes a year's calendar. */
export const CALENDAR_PROCESS: Actor = { agency: SYSTEM_AGENCY, region: null, userId: 'netra:calendar-process' };

export interface RecomputeDueTime {
  type: 'RecomputeDueTime';
  actor: Actor;
  caseId: string;
  /** The due time the process saw: if the track has another one now, nothing is recorded. */
  input: { respondentId: string; dueAt: string; calendarYear: number; legalBasis: string };
}

/** Netra's calendar process, after a year's calendar was published. */
const ACCESS: StepAccess<'recomputeDueTime'> = { operation: 'recomputeDueTime', agencies: ['NETRA'], regionOf: 'the case handling unit' };

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
  assertAgencyMay(command.actor, ACCESS);
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

/** The step, as steps.ts gathers it: its command, who may take it, its decision and its events. */
export const recomputingDueTime: Step<RecomputeDueTime, DueTimeRecomputed> = {
  command: 'RecomputeDueTime',
  access: ACCESS,
  decide: recomputeDueTime,
  events: {
    // A correction takes effect when it is made: "as of" an earlier instant still shows what was believed then.
    DueTimeRecomputed: {
      occurredAt: (e) => e.data.recomputedAt,
      timeline: {
        name: { id: 'Tenggat dihitung ulang (kalender libur diterbitkan)', en: 'Due time recounted (holiday calendar published)' },
        line: ({ data: d }) => {
          const still = d.deadline.provisional === true ? ' (still provisional)' : '';
          return `Due time of ${d.step} for ${d.respondentId} recounted from ${formatWib(new Date(d.previousDueAt))} to ${formatWib(new Date(d.dueAt))}${still}: holiday calendar ${d.calendarYear} published (${d.legalBasis})`;
        },
        details: ({ data: d }) => {
          const provisional = d.deadline.provisional === true;
          return { respondentIds: [d.respondentId], step: d.step, previousDueAt: d.previousDueAt, dueAt: d.dueAt, calendarYear: d.calendarYear, provisional };
        },
      },
      evolve: (state, { data: d }) => withTracks(state, [d.respondentId], (r) => ({ ...r, dueAt: d.dueAt, ...countedBy(d.deadline) })),
    },
  },
};
