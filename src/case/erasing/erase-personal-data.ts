import { assertAgencyMay, assertRegionMay } from '../case-access';
import { forbidden, invalidTransition } from '../case-error';
import { caseStage, isFinished, type CaseState } from '../case-state';
import type { Actor, DecideContext } from '../decide-context';
import { iso, text } from '../input-rules';
import { openedCase } from '../opened-case';
import type { Step, StepAccess } from '../step';
import { PROBE_TEXT } from '../trial';

/** UU 27/2022 (PDP): the case's data key was destroyed; its sealed personal data can never be read again. */
export interface PersonalDataErased {
  type: 'PersonalDataErased';
  data: {
    caseId: string;
    erasedAt: string;
    reason: string;
    /** True when a national Bawaslu unit erased while the case was still open (legal hold overridden). */
    legalHoldOverridden: boolean;
  };
}

export interface ErasePersonalData {
  type: 'ErasePersonalData';
  actor: Actor;
  caseId: string;
  input: { reason: string; overrideLegalHold?: boolean | null };
}

const ACCESS: StepAccess<'erasePersonalData'> = { operation: 'erasePersonalData', agencies: ['BAWASLU'], regionOf: 'the case handling unit' };

/**
 * Erasure under UU 27/2022 (PDP): the reporter's identity and the respondents' NIPs are destroyed
 * with the case's data key. An open case is under legal hold (Pasal 15: law enforcement and state
 * administration); only a national Bawaslu unit may override it, and the reason is recorded.
 */
export function erasePersonalData(command: ErasePersonalData, state: CaseState, ctx: DecideContext): PersonalDataErased[] {
  const { actor, input } = command;
  const opened = openedCase(state, command.caseId);
  assertAgencyMay(actor, ACCESS);
  assertRegionMay(actor, ACCESS, opened.handlingUnit);
  const reason = text(input.reason, 'reason', 2000);
  if (opened.personalDataErasedAt !== null) {
    throw invalidTransition(`personal data of this case was already erased on ${opened.personalDataErasedAt}`, 'erasure.done', { erasedAt: opened.personalDataErasedAt });
  }
  const open = opened.respondents.some((r) => !isFinished(r.stage));
  if (open && !input.overrideLegalHold) {
    throw invalidTransition(
      `case is at stage ${caseStage(opened.respondents)}: an open case is under legal hold; a national Bawaslu unit may override it with a recorded reason (overrideLegalHold)`,
      'erasure.legalHold',
      { stage: caseStage(opened.respondents) },
    );
  }
  if (open && actor.region !== null) throw forbidden('only a national Bawaslu unit may override the legal hold of an open case', 'access.nationalOverride');
  return [
    {
      type: 'PersonalDataErased',
      data: { caseId: opened.caseId, erasedAt: iso(ctx.now), reason, legalHoldOverridden: open },
    },
  ];
}

/** The step, as steps.ts gathers it: its command, who may take it, its decision and its events. */
export const erasing: Step<ErasePersonalData, PersonalDataErased> = {
  command: 'ErasePersonalData',
  access: ACCESS,
  decide: erasePersonalData,
  events: {
    PersonalDataErased: {
      occurredAt: (e) => e.data.erasedAt,
      sealed: [{ path: 'reason' }],
      timeline: {
        name: { id: 'Data pribadi dihapus', en: 'Personal data erased' },
        line: ({ data: d }) => `Personal data erased: reporter identity and NIPs destroyed${d.legalHoldOverridden ? ' (legal hold overridden)' : ''}`,
        details: ({ data: d }) => ({ respondentIds: [], legalHoldOverridden: d.legalHoldOverridden }),
      },
      tracks: () => [],
      evolve: (state, e) => ({ ...state, personalDataErasedAt: e.data.erasedAt }),
    },
  },
  offers: (trial) => {
    if (trial.accepts({ type: 'ErasePersonalData', ...trial.base, input: { reason: PROBE_TEXT } })) return [{ respondentIds: [] }];
    if (trial.accepts({ type: 'ErasePersonalData', ...trial.base, input: { reason: PROBE_TEXT, overrideLegalHold: true } })) return [{ respondentIds: [], overridesLegalHold: true }];
    return [];
  },
};
