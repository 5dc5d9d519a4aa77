import { assertAgencyMay } from '../case-access';
import { invalidTransition } from '../case-error';
import { deadlineStepOf, waitingOn, type CaseState, type OpenedCase } from '../case-state';
import { type Agency, type DeadlineStep, SYSTEM_AGENCY } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import { iso } from '../input-rules';
import { openedCase, trackOf } from '../opened-case';
import { parseInstant } from '../validation/dates';
import { formatWib } from '../deadlines/wib';
import type { Step, StepAccess } from '../step';
import { withTracks } from '../track-change';

/**
 * The deadline process saw `dueAt` pass while the step still waited on `waitingOn`. Recorded once
 * per track, step and due time: its command id is derived from them (src/case/overdue).
 */
export interface FollowUpOverdue {
  type: 'FollowUpOverdue';
  data: {
    caseId: string;
    respondentId: string;
    step: DeadlineStep;
    dueAt: string;
    waitingOn: Agency;
    /** When Netra noticed: later than dueAt by up to a scan interval, or more if it was down. */
    detectedAt: string;
  };
}

/** Netra's deadline process: the only actor that may mark a track overdue (CONTRACT: no token can claim NETRA). */
export const DEADLINE_PROCESS: Actor = { agency: SYSTEM_AGENCY, region: null, userId: 'netra:deadline-process' };

export interface MarkOverdue {
  type: 'MarkOverdue';
  actor: Actor;
  caseId: string;
  /** The due time the process saw pass: if the track has another one now (extended, moved on), nothing is recorded. */
  input: { respondentId: string; dueAt: string };
}

/** Netra's own deadline process; no token can claim the NETRA agency. */
const ACCESS: StepAccess<'markOverdue'> = { operation: 'markOverdue', agencies: ['NETRA'], regionOf: 'the case handling unit' };

/** A track whose due time has passed while it still waits, without a FollowUpOverdue for that due time. */
export interface OverdueTrack {
  caseId: string;
  respondentId: string;
  step: DeadlineStep;
  dueAt: string;
}

/** Every track of the case past its due time at `now` that Netra has not yet recorded as overdue for that due time. */
export function overdueDue(state: CaseState, now: Date): OverdueTrack[] {
  if (state.status !== 'opened') return [];
  return state.respondents.flatMap((track) => {
    const step = deadlineStepOf(track.stage);
    if (step === null || track.dueAt === null || waitingOn(track) === null) return [];
    if (new Date(track.dueAt) >= now || (track.overdueSince ?? null) === track.dueAt) return [];
    return [{ caseId: state.caseId, respondentId: track.respondentId, step, dueAt: track.dueAt }];
  });
}

/** One command id per track, step and due time: a second scan, a restart or a second process appends nothing. */
export function overdueCommandId(track: OverdueTrack): string {
  return `overdue:${track.caseId}:${track.respondentId}:${track.step}:${new Date(track.dueAt).toISOString()}`;
}

export function markOverdueCommand(track: OverdueTrack): MarkOverdue {
  return { type: 'MarkOverdue', actor: DEADLINE_PROCESS, caseId: track.caseId, input: { respondentId: track.respondentId, dueAt: track.dueAt } };
}

export function markOverdue(command: MarkOverdue, state: CaseState, ctx: DecideContext): FollowUpOverdue[] {
  const opened: OpenedCase = openedCase(state, command.caseId);
  assertAgencyMay(command.actor, ACCESS);
  const track = trackOf(opened, command.input.respondentId);
  const dueAt = parseInstant(command.input.dueAt, 'dueAt');
  const due = overdueDue(opened, ctx.now).find((t) => t.respondentId === track.respondentId);
  if (!due) {
    throw invalidTransition(
      `respondent ${track.respondentId} at stage ${track.stage} is not past a due time without an overdue record at ${iso(ctx.now)}`,
      'overdue.notPast',
      { respondentId: track.respondentId, stage: track.stage },
    );
  }
  if (new Date(due.dueAt).getTime() !== dueAt.getTime()) {
    throw invalidTransition(`the due time of respondent ${track.respondentId} is now ${due.dueAt}, not ${iso(dueAt)}: it was extended or the step moved on`, 'overdue.moved', {
      respondentId: track.respondentId,
      dueAt: due.dueAt,
      given: iso(dueAt),
    });
  }
  return [
    {
      type: 'FollowUpOverdue',
      data: {
        caseId: opened.caseId,
        respondentId: track.respondentId,
        step: due.step,
        dueAt: due.dueAt,
        waitingOn: waitingOn(track, new Date(due.dueAt))!,
        detectedAt: iso(ctx.now),
      },
    },
  ];
}

/** The step, as steps.ts gathers it: its command, who may take it, its decision and its events. */
export const overdue: Step<MarkOverdue, FollowUpOverdue> = {
  command: 'MarkOverdue',
  access: ACCESS,
  decide: markOverdue,
  events: {
    // Overdue takes effect at the missed due time.
    FollowUpOverdue: {
      occurredAt: (e) => e.data.dueAt,
      timeline: {
        name: { id: 'Melewati tenggat', en: 'Due time passed' },
        line: ({ data: d }) => `Overdue: ${d.step} for ${d.respondentId} still waits on ${d.waitingOn} after its due time ${formatWib(new Date(d.dueAt))}`,
        details: ({ data: d }) => ({ respondentIds: [d.respondentId], step: d.step, waitingOn: d.waitingOn, dueAt: d.dueAt }),
        withheld: 'a deadline passed',
      },
      evolve: (state, { data: d }) =>
        withTracks(state, [d.respondentId], (r) => ({ ...r, overdueSince: d.dueAt, overdueFor: d.step, overdueVersion: state.version })),
    },
  },
};
