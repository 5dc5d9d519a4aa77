import { assertAgencyMay, assertRegionMay, ESCALATION_BY_KIND } from '../case-access';
import { badInput, forbidden, invalidTransition, list } from '../case-error';
import type { CaseState } from '../case-state';
import { type Agency, ESCALATION_KINDS, type EscalationKind, KASN_DISSOLVED_AT } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import { iso, oneOf, optionalText, pastInstant, text } from '../input-rules';
import { openedCase, refuseStage, trackOf } from '../opened-case';
import { routeOf } from '../respondent-kinds';
import { assertNotBefore } from '../validation/dates';
import type { Step, StepAccess } from '../step';
import { withTracks } from '../track-change';
import { PROBE_LETTER } from '../trial';

/** A PPK that does not act is reprimanded, the respondent's SIASN data blocked (or unblocked), or the case referred to the President. */
export interface EscalationRecorded {
  type: 'EscalationRecorded';
  data: {
    caseId: string;
    respondentId: string;
    kind: EscalationKind;
    letterNumber: string;
    escalatedAt: string;
    note: string | null;
    escalatedBy: Agency;
  };
}

/** Its timeline line, by kind. */
const ESCALATION_LINE: Record<string, string> = {
  KEMENDAGRI_REPRIMAND: 'Kemendagri reprimanded the PPK',
  KEMENPANRB_REPRIMAND: 'KemenPANRB reprimanded the PPK',
  SIASN_BLOCKED: 'BKN blocked the personnel data in SIASN',
  SIASN_UNBLOCKED: 'BKN unblocked the personnel data in SIASN',
  REFERRED_TO_PRESIDENT: 'KASN referred the case to the President',
};

export interface RecordEscalation {
  type: 'RecordEscalation';
  actor: Actor;
  caseId: string;
  input: { respondentId: string; kind: string; letterNumber: string; escalatedAt: string; note?: string | null };
}

/** Which one depends on the kind: ESCALATION_BY_KIND. */
const ACCESS: StepAccess<'recordEscalation'> = { operation: 'recordEscalation', agencies: ['KEMENDAGRI', 'KEMENPANRB', 'BKN', 'KASN'], regionOf: 'the PPK region of the sanction decision' };

/**
 * A PPK that does not execute a recommended sanction is escalated (ESCALATION_BY_KIND says by whom).
 * Only while the sanction waits on the PPK (SANCTION_DECIDED): an escalation answers a PPK that has
 * not acted. It does not have to wait for the due time, because the PPK's day count is a setting,
 * not law (shared/DOMAIN.md §4), and the letter is a fact Netra records; FollowUp rows show both.
 * Unblocking SIASN is the exception: it follows the block whatever the stage (typically after the
 * sanction was executed).
 */
export function recordEscalation(command: RecordEscalation, state: CaseState, ctx: DecideContext): EscalationRecorded[] {
  const { actor, input } = command;
  const opened = openedCase(state, command.caseId);
  assertAgencyMay(actor, ACCESS);
  const track = trackOf(opened, input.respondentId);
  const kind = oneOf(input.kind, ESCALATION_KINDS, 'kind');
  const route = routeOf(track.employment);
  if (!route.escalations.includes(kind)) {
    const exist = route.escalations.length > 0 ? route.escalations.join(', ') : 'none: their own body decides and acts';
    throw badInput('kind', `${kind} does not apply to a respondent who is ${track.employment}; escalations for them: ${exist}`, 'escalation.notForEmployment', {
      kind,
      employment: track.employment,
      allowed: list(route.escalations),
    });
  }
  if (actor.agency !== ESCALATION_BY_KIND[kind]) {
    throw forbidden(`${actor.agency} may not record ${kind}; only ${ESCALATION_BY_KIND[kind]}`, 'access.escalation', {
      agency: actor.agency,
      kind,
      allowed: ESCALATION_BY_KIND[kind],
    });
  }
  assertRegionMay(actor, ACCESS, track.decision?.ppk?.regionCode ?? opened.handlingUnit);
  const letterNumber = text(input.letterNumber, 'letterNumber', 120);
  const escalatedAt = pastInstant(input.escalatedAt, 'escalatedAt', ctx.now);
  const note = optionalText(input.note, 'note', 2000);
  if (kind === 'REFERRED_TO_PRESIDENT' && escalatedAt >= KASN_DISSOLVED_AT) {
    throw forbidden('KASN may only refer to the President before 24 Aug 2024, when its neutrality duties went to BKN', 'access.kasnClosed', {
      operation: 'recordEscalation',
      closedOn: '2024-08-24',
    });
  }
  if (kind === 'SIASN_UNBLOCKED') {
    if (track.siasnBlocked !== true) throw invalidTransition(`cannot unblock SIASN: respondent ${track.respondentId} is not blocked`, 'escalation.notBlocked', { respondentId: track.respondentId });
  } else {
    if (track.stage !== 'SANCTION_DECIDED') {
      refuseStage(opened, track, `record ${kind}`, 'stage SANCTION_DECIDED (a sanction waiting on the PPK)', 'recordEscalation', ['SANCTION_DECIDED']);
    }
    if (kind === 'SIASN_BLOCKED' && track.siasnBlocked === true) {
      throw invalidTransition(`respondent ${track.respondentId} is already blocked in SIASN`, 'escalation.alreadyBlocked', { respondentId: track.respondentId });
    }
  }
  if (track.decision) assertNotBefore(escalatedAt, 'escalatedAt', new Date(track.decision.decidedAt), 'decidedAt');
  return [
    {
      type: 'EscalationRecorded',
      data: {
        caseId: opened.caseId,
        respondentId: track.respondentId,
        kind,
        letterNumber,
        escalatedAt: iso(escalatedAt),
        note,
        escalatedBy: actor.agency,
      },
    },
  ];
}

/** The step, as steps.ts gathers it: its command, who may take it, its decision and its events. */
export const escalating: Step<RecordEscalation, EscalationRecorded> = {
  command: 'RecordEscalation',
  access: ACCESS,
  decide: recordEscalation,
  events: {
    EscalationRecorded: {
      occurredAt: (e) => e.data.escalatedAt,
      sealed: [{ path: 'note' }],
      timeline: {
        name: { id: 'Eskalasi dicatat', en: 'Escalation recorded' },
        line: ({ data: d }) => `${ESCALATION_LINE[d.kind] ?? d.kind} for ${d.respondentId} (${d.letterNumber})`,
        details: ({ data: d }) => ({ respondentIds: [d.respondentId], actor: d.escalatedBy, escalation: d.kind, letterNumber: d.letterNumber }),
        withheld: 'an escalation was recorded',
      },
      evolve: (state, { data: d }) =>
        withTracks(state, [d.respondentId], (r) => ({
          ...r,
          escalation: { kind: d.kind, letterNumber: d.letterNumber, escalatedAt: d.escalatedAt, escalatedBy: d.escalatedBy },
          siasnBlocked: d.kind === 'SIASN_BLOCKED' ? true : d.kind === 'SIASN_UNBLOCKED' ? false : r.siasnBlocked === true,
        })),
    },
  },
  offers: (trial) => {
    const escalations = new Map<string, EscalationKind[]>();
    for (const t of trial.state.respondents) {
      const kinds = ESCALATION_KINDS.filter((kind) =>
        trial.accepts({ type: 'RecordEscalation', ...trial.base, input: { respondentId: t.respondentId, kind, letterNumber: PROBE_LETTER, escalatedAt: trial.now.toISOString() } }),
      );
      if (kinds.length > 0) escalations.set(t.respondentId, kinds);
    }
    // One entry per set of kinds, so a form offers a respondent only the kinds it may record for that respondent.
    const kindSets = new Map<string, string[]>();
    for (const [respondentId, kinds] of escalations) kindSets.set(kinds.join(','), [...(kindSets.get(kinds.join(',')) ?? []), respondentId]);
    return [...kindSets].map(([kinds, respondentIds]) => ({ respondentIds, escalationKinds: kinds.split(',') as EscalationKind[] }));
  },
};
