import { assertAgencyMay, assertRegionMay } from '../case-access';
import type { SanctionExecuted } from '../case-events';
import type { CaseState } from '../case-state';
import { SANCTION_KINDS } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import { iso, oneOf, pastInstant, text } from '../input-rules';
import { openedCase, refuseStage, trackOf } from '../opened-case';
import { assertNotBefore } from '../validation/dates';

export interface RecordSanctionExecution {
  type: 'RecordSanctionExecution';
  actor: Actor;
  caseId: string;
  input: { respondentId: string; decreeNumber: string; executedAt: string; sanction: string };
}

/**
 * The PPK's decree (SK). A sanction other than the recommended one — lighter, heavier or of another
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
  const decided = track.decision?.sanction ? track.decision : null;
  if (decided?.ppk) assertRegionMay(actor, 'recordSanctionExecution', decided.ppk.regionCode);

  const decreeNumber = text(input.decreeNumber, 'decreeNumber', 120);
  const executedAt = pastInstant(input.executedAt, 'executedAt', ctx.now);
  const sanction = oneOf(input.sanction, SANCTION_KINDS, 'sanction');
  if (track.stage === 'SANCTION_EXECUTED') {
    refuseStage(opened, track, 'record a second sanction execution', 'stage SANCTION_DECIDED; a corrected decree is correctSanctionExecution, with its reason');
  }
  if (!decided || track.stage !== 'SANCTION_DECIDED') {
    refuseStage(opened, track, 'record a sanction execution', 'stage SANCTION_DECIDED');
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
