import { assertRegionMay, EXTEND_DEADLINE_BY_STEP, assertAgencyMay } from '../case-access';
import { badInput, forbidden, list } from '../case-error';
import { deadlineStepOf, type CaseState, type OpenedCase, type RespondentTrack } from '../case-state';
import type { Agency, DeadlineStep } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import { iso, text } from '../input-rules';
import { openedCase, refuseStage, trackOf } from '../opened-case';
import { kindOf, routeOf } from '../respondent-kinds';
import { formatWib } from '../deadlines/wib';
import { parseInstant } from '../validation/dates';
import type { Step, StepAccess } from '../step';
import { ON_TIME, countedBy, withTracks } from '../track-change';
import { PROBE_TEXT, type Offer } from '../trial';

/** A due time was moved by the agency allowed to (case-access.ts), with its legal basis. */
export interface DeadlineExtended {
  type: 'DeadlineExtended';
  data: {
    caseId: string;
    respondentId: string;
    step: DeadlineStep;
    previousDueAt: string;
    dueAt: string;
    legalBasis: string;
    extendedBy: Agency;
    extendedAt: string;
  };
}

export interface ExtendDeadline {
  type: 'ExtendDeadline';
  actor: Actor;
  caseId: string;
  input: { respondentId: string; newDueAt: string; legalBasis: string };
}

/** Which of the two depends on the step: EXTEND_DEADLINE_BY_STEP. */
const ACCESS: StepAccess<'extendDeadline'> = { operation: 'extendDeadline', agencies: ['BAWASLU', 'BKN', 'TNI', 'POLRI'], regionOf: 'the region of the step (handling unit, or the PPK region for execution)' };

/** A due time moved later, with its legal basis, by the agency the step belongs to (EXTEND_DEADLINE_BY_STEP). */
export function extendDeadline(command: ExtendDeadline, state: CaseState, ctx: DecideContext): DeadlineExtended[] {
  const { actor, input } = command;
  const opened = openedCase(state, command.caseId);
  assertAgencyMay(actor, ACCESS);
  const track = trackOf(opened, input.respondentId);
  const step = deadlineStepOf(track.stage);
  if (step === null || track.dueAt === null) {
    refuseStage(opened, track, 'extend a deadline', 'a step that still waits (REPORTED, STUDIED, RECOMMENDED or SANCTION_DECIDED)', 'extendDeadline', [
      'REPORTED',
      'STUDIED',
      'RECOMMENDED',
      'SANCTION_DECIDED',
    ]);
  }
  const ownSteps = step === 'SANCTION_DECISION' || step === 'EXECUTION';
  const route = routeOf(track.employment);
  const allowed = ownSteps && kindOf(track.employment) !== 'CIVIL_SERVICE' ? route.extendsOwnSteps : EXTEND_DEADLINE_BY_STEP[step];
  if (!allowed.includes(actor.agency)) {
    throw forbidden(`${actor.agency} may not extend the ${step} deadline; only ${allowed.join(' or ')}`, 'access.extendStep', {
      agency: actor.agency,
      step,
      allowed: list(allowed),
    });
  }
  assertRegionMay(actor, ACCESS, regionOfStep(opened, track, step));
  const legalBasis = text(input.legalBasis, 'legalBasis', 2000);
  const newDueAt = parseInstant(input.newDueAt, 'newDueAt');
  if (newDueAt <= new Date(track.dueAt)) {
    throw badInput('newDueAt', `an extension must be later than the current due time ${formatWib(new Date(track.dueAt))}`, 'deadline.notLater', {
      dueAt: track.dueAt,
    });
  }
  return [
    {
      type: 'DeadlineExtended',
      data: {
        caseId: opened.caseId,
        respondentId: track.respondentId,
        step,
        previousDueAt: track.dueAt,
        dueAt: iso(newDueAt),
        legalBasis,
        extendedBy: actor.agency,
        extendedAt: iso(ctx.now),
      },
    },
  ];
}

function regionOfStep(state: OpenedCase, track: RespondentTrack, step: DeadlineStep): string {
  // Bawaslu extends a village track's steps as the handling unit, like its own.
  if (kindOf(track.employment) === 'VILLAGE') return state.handlingUnit;
  return step === 'EXECUTION' ? (track.decision?.ppk?.regionCode ?? state.handlingUnit) : state.handlingUnit;
}

/** The step, as steps.ts gathers it: its command, who may take it, its decision and its events. */
export const extendingDeadline: Step<ExtendDeadline, DeadlineExtended> = {
  command: 'ExtendDeadline',
  access: ACCESS,
  decide: extendDeadline,
  events: {
    DeadlineExtended: {
      occurredAt: (e) => e.data.extendedAt,
      timeline: {
        name: { id: 'Tenggat diperpanjang', en: 'Deadline extended' },
        line: ({ data: d }) =>
          `${d.extendedBy} extended the ${d.step} deadline for ${d.respondentId} from ${formatWib(new Date(d.previousDueAt))} to ${formatWib(new Date(d.dueAt))}: ${d.legalBasis}`,
        details: ({ data: d }) => ({ respondentIds: [d.respondentId], actor: d.extendedBy, step: d.step, previousDueAt: d.previousDueAt, dueAt: d.dueAt }),
        withheld: 'a deadline was extended',
      },
      evolve: (state, { data: d }) => withTracks(state, [d.respondentId], (r) => ({ ...r, dueAt: d.dueAt, ...countedBy(null), ...ON_TIME })),
    },
  },
  offers: (trial) => {
    // One entry per waiting step, so the console names the due time it moves ("Perpanjang tenggat Kajian").
    const extendable = trial.state.respondents.filter(
      (t) =>
        t.dueAt !== null &&
        trial.accepts({
          type: 'ExtendDeadline',
          ...trial.base,
          input: { respondentId: t.respondentId, newDueAt: new Date(Math.max(Date.parse(t.dueAt), trial.now.getTime()) + 86_400_000).toISOString(), legalBasis: PROBE_TEXT },
        }),
    );
    const offers: Offer[] = [];
    for (const deadlineStep of [...new Set(extendable.map((t) => deadlineStepOf(t.stage)))]) {
      if (deadlineStep !== null) offers.push({ respondentIds: extendable.filter((t) => deadlineStepOf(t.stage) === deadlineStep).map((t) => t.respondentId), deadlineStep });
    }
    return offers;
  },
};
