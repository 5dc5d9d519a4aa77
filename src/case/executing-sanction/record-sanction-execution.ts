import { assertAgencyMay, assertNamedPpk } from '../case-access';
import type { SanctionExecuted } from '../case-events';
import type { CaseState } from '../case-state';
import type { Actor, DecideContext } from '../decide-context';
import { iso, pastInstant, text } from '../input-rules';
import { openedCase, refuseStage, trackOf } from '../opened-case';
import { assertExecutor, routeOf, sanctionFor } from '../respondent-kinds';
import { assertNotBefore } from '../validation/dates';

export interface RecordSanctionExecution {
  type: 'RecordSanctionExecution';
  actor: Actor;
  caseId: string;
  input: { respondentId: string; decreeNumber: string; executedAt: string; sanction: string };
}

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
  assertAgencyMay(actor, 'recordSanctionExecution');
  const track = trackOf(opened, input.respondentId);
  assertExecutor(actor, routeOf(track.employment), track.employment, 'recordSanctionExecution');
  const decided = track.decision?.sanction ? track.decision : null;
  if (decided?.ppk) assertNamedPpk(actor, 'recordSanctionExecution', decided.ppk.regionCode);

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
