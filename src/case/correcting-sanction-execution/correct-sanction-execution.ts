import { assertAgencyMay, assertNamedPpk, assertRegionMay } from '../case-access';
import { badInput, forbidden, list } from '../case-error';
import type { CaseState } from '../case-state';
import type { Actor, DecideContext } from '../decide-context';
import { iso, pastInstant, text } from '../input-rules';
import { openedCase, refuseStage, trackOf } from '../opened-case';
import { routeOf, sanctionFor } from '../respondent-kinds';
import { assertNotBefore } from '../validation/dates';
import { regionContains } from '../validation/regions';
import type { Agency, FollowUpStatus, SanctionKind } from '../case-vocabulary';
import type { Step, StepAccess } from '../step';
import { withTracks } from '../track-change';
import { acceptedTracks, decreed, PROBE_LETTER, PROBE_TEXT } from '../trial';

/** A recorded decree replaced by a corrected one: what it corrects, and why. The status follows the new decree. */
export interface SanctionExecutionCorrected {
  type: 'SanctionExecutionCorrected';
  data: {
    caseId: string;
    respondentId: string;
    decreeNumber: string;
    executedAt: string;
    sanction: SanctionKind;
    followUpStatus: Extract<FollowUpStatus, 'AS_RECOMMENDED' | 'NOT_AS_RECOMMENDED'>;
    reason: string;
    correctedBy: Extract<Agency, 'PPK' | 'BKN' | 'TNI' | 'POLRI'>;
    /** The decree this one replaces, as it was recorded. */
    previous: {
      decreeNumber: string;
      executedAt: string;
      sanction: SanctionKind;
      followUpStatus: Extract<FollowUpStatus, 'AS_RECOMMENDED' | 'NOT_AS_RECOMMENDED'>;
    };
  };
}

export interface CorrectSanctionExecution {
  type: 'CorrectSanctionExecution';
  actor: Actor;
  caseId: string;
  input: { respondentId: string; decreeNumber: string; executedAt: string; sanction: string; reason: string };
}

const ACCESS: StepAccess<'correctSanctionExecution'> = { operation: 'correctSanctionExecution', agencies: ['PPK', 'BKN', 'TNI', 'POLRI'], regionOf: 'the PPK region of the sanction decision' };

/**
 * A decree already recorded is replaced by a corrected one (a new SK, or the same SK with its
 * number, date or sanction set right), and the event says what it corrects and why. A second
 * `recordSanctionExecution` is refused instead: the same decree must not count twice. The follow-up
 * status follows the decree in force. The PPK of the decision's region corrects its own decree;
 * BKN, which keeps the discipline registry (I'DIS), may correct what was recorded.
 */
export function correctSanctionExecution(
  command: CorrectSanctionExecution,
  state: CaseState,
  ctx: DecideContext,
): SanctionExecutionCorrected[] {
  const { actor, input } = command;
  const opened = openedCase(state, command.caseId);
  assertAgencyMay(actor, ACCESS);
  const track = trackOf(opened, input.respondentId);
  const ppk = track.decision?.ppk;
  const route = routeOf(track.employment);
  // By kind (respondent-kinds.ts): whoever executes corrects its own decree; BKN only for ASN.
  if (!route.executors.includes(actor.agency) && !route.alsoDeclaresImpossible.includes(actor.agency)) {
    throw forbidden(`${actor.agency} may not correctSanctionExecution for a respondent who is ${track.employment}; only ${[...route.executors, ...route.alsoDeclaresImpossible].join(' or ')}`, 'access.employment', {
      agency: actor.agency,
      operation: 'correctSanctionExecution',
      employment: track.employment,
      allowed: list([...route.executors, ...route.alsoDeclaresImpossible]),
    });
  }
  if (actor.agency === 'PPK') {
    if (!ppk) throw forbidden('a PPK may correct a decree only for a sanction addressed to it', 'access.ppkNotAddressed', {
        operation: 'correctSanctionExecution',
      });
    assertNamedPpk(actor, ACCESS, ppk.regionCode);
  } else if (actor.agency !== 'BKN') {
    // The TNI or Polri correct what they carried out, inside their region.
    if (ppk) assertRegionMay(actor, ACCESS, ppk.regionCode);
    else if (!regionContains(actor.region, opened.handlingUnit)) {
      throw forbidden(`${actor.agency} unit ${actor.region} may not correctSanctionExecution for the case handling unit ${opened.handlingUnit}, outside its region`, 'access.handlingUnit', {
        agency: actor.agency,
        region: actor.region,
        operation: 'correctSanctionExecution',
        handlingUnit: opened.handlingUnit,
      });
    }
  } else if (!regionContains(actor.region, opened.handlingUnit)) {
    throw forbidden(`BKN unit ${actor.region} may not correctSanctionExecution for the case handling unit ${opened.handlingUnit}, outside its region`, 'access.handlingUnit', {
      agency: 'BKN',
      region: actor.region,
      operation: 'correctSanctionExecution',
      handlingUnit: opened.handlingUnit,
    });
  }

  const decreeNumber = text(input.decreeNumber, 'decreeNumber', 120);
  const executedAt = pastInstant(input.executedAt, 'executedAt', ctx.now);
  const sanction = sanctionFor(input.sanction, track.employment, 'sanction');
  const reason = text(input.reason, 'reason', 2000);
  const previous = track.execution;
  if (track.stage !== 'SANCTION_EXECUTED' || !previous || !track.decision?.sanction) {
    refuseStage(opened, track, 'correct a sanction execution', 'stage SANCTION_EXECUTED (a decree already recorded)', 'correctSanctionExecution', ['SANCTION_EXECUTED']);
  }
  assertNotBefore(executedAt, 'executedAt', new Date(track.decision.decidedAt), 'decidedAt');
  if (decreeNumber === previous.decreeNumber && iso(executedAt) === previous.executedAt && sanction === previous.sanction) {
    throw badInput('decreeNumber', 'the corrected decree is the one already recorded (same number, date and sanction): nothing to correct', 'correction.unchanged');
  }

  return [
    {
      type: 'SanctionExecutionCorrected',
      data: {
        caseId: opened.caseId,
        respondentId: track.respondentId,
        decreeNumber,
        executedAt: iso(executedAt),
        sanction,
        followUpStatus: sanction === track.decision.sanction ? 'AS_RECOMMENDED' : 'NOT_AS_RECOMMENDED',
        reason,
        correctedBy: actor.agency as SanctionExecutionCorrected['data']['correctedBy'],
        previous: {
          decreeNumber: previous.decreeNumber,
          executedAt: previous.executedAt,
          sanction: previous.sanction,
          followUpStatus: track.followUpStatus === 'AS_RECOMMENDED' ? 'AS_RECOMMENDED' : 'NOT_AS_RECOMMENDED',
        },
      },
    },
  ];
}

/** The step, as steps.ts gathers it: its command, who may take it, its decision and its events. */
export const correctingSanctionExecution: Step<CorrectSanctionExecution, SanctionExecutionCorrected> = {
  command: 'CorrectSanctionExecution',
  access: ACCESS,
  decide: correctSanctionExecution,
  events: {
    SanctionExecutionCorrected: {
      occurredAt: (e) => e.data.executedAt,
      sealed: [{ path: 'reason' }],
      timeline: {
        name: { id: 'SK pelaksanaan sanksi dikoreksi', en: 'Sanction decree corrected' },
        line: ({ data: d }) =>
          `${d.correctedBy} corrected the decree for ${d.respondentId}: ${d.previous.decreeNumber} (${d.previous.sanction}) replaced by ${d.decreeNumber} (${d.sanction}): ${d.followUpStatus}`,
        details: ({ data: d }) => ({
          respondentIds: [d.respondentId],
          actor: d.correctedBy,
          sanction: d.sanction,
          decreeNumber: d.decreeNumber,
          followUpStatus: d.followUpStatus,
          previousSanction: d.previous.sanction,
          previousDecreeNumber: d.previous.decreeNumber,
        }),
      },
      evolve: (state, { data: d }) =>
        withTracks(state, [d.respondentId], (r) => ({
          ...r,
          since: d.executedAt,
          execution: { decreeNumber: d.decreeNumber, executedAt: d.executedAt, sanction: d.sanction },
          executionCorrection: {
            reason: d.reason,
            correctedBy: d.correctedBy,
            replacedDecreeNumber: d.previous.decreeNumber,
            corrections: (r.executionCorrection?.corrections ?? 0) + 1,
          },
          followUpStatus: d.followUpStatus,
          // The corrected decree is another SK: the one attached before proves the replaced decree.
          documentKinds: (r.documentKinds ?? []).filter((k) => k !== 'DECREE'),
        })),
    },
  },
  offers: (trial) =>
    acceptedTracks(trial, (t) =>
      decreed(t) === null
        ? null
        : {
            type: 'CorrectSanctionExecution',
            input: { respondentId: t.respondentId, decreeNumber: `${PROBE_LETTER}/2`, executedAt: trial.now.toISOString(), sanction: decreed(t)!, reason: PROBE_TEXT },
          },
    ),
};
