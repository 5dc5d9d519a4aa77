import { assertAgencyMay, assertNamedPpk } from '../case-access';
import type { CaseState } from '../case-state';
import type { Actor, DecideContext } from '../decide-context';
import { iso, pastInstant, text } from '../input-rules';
import { openedCase, refuseStage, trackOf } from '../opened-case';
import { assertExecutor, executorOf, routeOf, sanctionFor } from '../respondent-kinds';
import { assertNotBefore } from '../validation/dates';
import type { FollowUpStatus, SanctionKind } from '../case-vocabulary';
import type { Step, StepAccess } from '../step';
import { ON_TIME, countedBy, withTracks } from '../track-change';
import { acceptedTracks, decreed, PROBE_LETTER } from '../trial';

export interface SanctionExecuted {
  type: 'SanctionExecuted';
  data: {
    caseId: string;
    respondentId: string;
    decreeNumber: string;
    executedAt: string;
    sanction: SanctionKind;
    followUpStatus: Extract<FollowUpStatus, 'AS_RECOMMENDED' | 'NOT_AS_RECOMMENDED'>;
  };
}

export interface RecordSanctionExecution {
  type: 'RecordSanctionExecution';
  actor: Actor;
  caseId: string;
  input: { respondentId: string; decreeNumber: string; executedAt: string; sanction: string };
}

const ACCESS: StepAccess<'recordSanctionExecution'> = { operation: 'recordSanctionExecution', agencies: ['PPK', 'TNI', 'POLRI'], regionOf: 'exactly the PPK region named in the sanction decision' };

/**
 * The PPK's decree (SK) — for a TNI or Polri member the punishment their body carried out, for a village
 * respondent the regional head's decision (respondent-kinds.ts). A sanction other than the recommended one — lighter, heavier or of another
 * kind — is follow-up NOT_AS_RECOMMENDED. A decree is recorded once: a later, corrected decree is
 * `correctSanctionExecution`, which says what it corrects and why, so one SK never counts twice.
 */
export function recordSanctionExecution(
  command: RecordSanctionExecution,
  state: CaseState,
  ctx: DecideContext,
): SanctionExecuted[] {
  const { actor, input } = command;
  const opened = openedCase(state, command.caseId);
  assertAgencyMay(actor, ACCESS);
  const track = trackOf(opened, input.respondentId);
  assertExecutor(actor, routeOf(track.employment), track.employment, 'recordSanctionExecution');
  const decided = track.decision?.sanction ? track.decision : null;
  if (decided?.ppk) assertNamedPpk(actor, ACCESS, decided.ppk.regionCode);

  const decreeNumber = text(input.decreeNumber, 'decreeNumber', 120);
  const executedAt = pastInstant(input.executedAt, 'executedAt', ctx.now);
  const sanction = sanctionFor(input.sanction, track.employment, 'sanction');
  if (track.stage === 'SANCTION_EXECUTED') {
    refuseStage(opened, track, 'record a second sanction execution', 'stage SANCTION_DECIDED; a corrected decree is correctSanctionExecution, with its reason', 'recordSanctionExecution', [
      'SANCTION_DECIDED',
    ]);
  }
  if (!decided || track.stage !== 'SANCTION_DECIDED') {
    refuseStage(opened, track, 'record a sanction execution', 'stage SANCTION_DECIDED', 'recordSanctionExecution', ['SANCTION_DECIDED']);
  }
  assertNotBefore(executedAt, 'executedAt', new Date(track.since), 'decidedAt');

  return [
    {
      type: 'SanctionExecuted',
      data: {
        caseId: opened.caseId,
        respondentId: track.respondentId,
        decreeNumber,
        executedAt: iso(executedAt),
        sanction,
        followUpStatus: sanction === decided.sanction ? 'AS_RECOMMENDED' : 'NOT_AS_RECOMMENDED',
      },
    },
  ];
}

/** The step, as steps.ts gathers it: its command, who may take it, its decision and its events. */
export const executingSanction: Step<RecordSanctionExecution, SanctionExecuted> = {
  command: 'RecordSanctionExecution',
  access: ACCESS,
  decide: recordSanctionExecution,
  events: {
    SanctionExecuted: {
      occurredAt: (e) => e.data.executedAt,
      timeline: {
        name: { id: 'Sanksi dilaksanakan', en: 'Sanction executed' },
        line: ({ data: d }) => `${executorOf(d.sanction)} executed ${d.sanction} for ${d.respondentId} by decree ${d.decreeNumber}: ${d.followUpStatus}`,
        details: ({ data: d }) => ({ respondentIds: [d.respondentId], actor: executorOf(d.sanction), sanction: d.sanction, decreeNumber: d.decreeNumber, followUpStatus: d.followUpStatus }),
        withheld: 'the PPK recorded its decree',
      },
      endsWait: true,
      evolve: (state, { data: d }) =>
        withTracks(state, [d.respondentId], (r) => ({
          ...r,
          stage: 'SANCTION_EXECUTED',
          since: d.executedAt,
          dueAt: null,
          ...countedBy(null),
          ...ON_TIME,
          execution: { decreeNumber: d.decreeNumber, executedAt: d.executedAt, sanction: d.sanction },
          executionCorrection: null,
          followUpStatus: d.followUpStatus,
        })),
    },
  },
  offers: (trial) =>
    acceptedTracks(trial, (t) =>
      decreed(t) === null
        ? null
        : { type: 'RecordSanctionExecution', input: { respondentId: t.respondentId, decreeNumber: PROBE_LETTER, executedAt: trial.now.toISOString(), sanction: decreed(t)! } },
    ),
};
