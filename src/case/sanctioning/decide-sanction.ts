import { assertAgencyMay, assertRegionMay } from '../case-access';
import { badInput, forbidden } from '../case-error';
import type { CaseState } from '../case-state';
import { type Agency, KASN_DISSOLVED_AT, SANCTION_DECISIONS, type SanctionKind } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import { iso, oneOf, pastInstant, text } from '../input-rules';
import { openedCase, refuseStage, trackOf } from '../opened-case';
import { assertDecider, kindOf, routeOf, sanctionFor } from '../respondent-kinds';
import { assertNotBefore, parseInstant } from '../validation/dates';
import { assertKnownRegion } from '../validation/regions';
import type { DeadlineApplied, Ppk } from '../case-records';
import type { Step, StepAccess } from '../step';
import { ON_TIME, countedBy, withTracks } from '../track-change';
import { acceptedTracks, PROBE_LETTER } from '../trial';

export interface SanctionDecided {
  type: 'SanctionDecided';
  data: {
    caseId: string;
    respondentId: string;
    /** KASN/BKN for ASN; the TNI, Polri or the regional head (PPK) for the others (respondent-kinds.ts). */
    decidedBy: Extract<Agency, 'KASN' | 'BKN' | 'TNI' | 'POLRI' | 'PPK'>;
    letterNumber: string;
    decidedAt: string;
    sanction: SanctionKind;
    ppk: Ppk;
    dueAt: string;
    /** Null when the decision letter set the due date itself. */
    deadline: DeadlineApplied | null;
  };
}

export interface RespondentCleared {
  type: 'RespondentCleared';
  data: {
    caseId: string;
    respondentId: string;
    decidedBy: Extract<Agency, 'KASN' | 'BKN' | 'TNI' | 'POLRI' | 'PPK'>;
    letterNumber: string;
    decidedAt: string;
  };
}

export interface DecideSanction {
  type: 'DecideSanction';
  actor: Actor;
  caseId: string;
  input: {
    respondentId: string;
    decision: string;
    letterNumber: string;
    decidedAt: string;
    sanction?: string | null;
    ppk?: { title: string; regionCode: string } | null;
    dueAt?: string | null;
  };
}

/** Which one depends on the respondent's kind (respondent-kinds.ts): KASN/BKN for ASN, TNI, POLRI, the PPK for a village. */
const ACCESS: StepAccess<'decideSanction'> = { operation: 'decideSanction', agencies: ['BKN', 'KASN', 'TNI', 'POLRI', 'PPK'], regionOf: 'the case handling unit (for a village respondent, its region)' };

/**
 * KASN/BKN examine the recommendation: a sanction recommended to the respondent's PPK, or cleared. For a
 * respondent who is not ASN the body that handles them decides (respondent-kinds.ts): the TNI, Polri, or
 * the bupati/walikota for a village head or official, naming who carries the punishment out.
 */
export function decideSanction(
  command: DecideSanction,
  state: CaseState,
  ctx: DecideContext,
): Array<SanctionDecided | RespondentCleared> {
  const { actor, input } = command;
  const opened = openedCase(state, command.caseId);
  assertAgencyMay(actor, ACCESS);
  const track = trackOf(opened, input.respondentId);
  const route = routeOf(track.employment);
  assertDecider(actor, route, track.employment);
  // The regional head decides for the villages of its own regency; the national bodies by the case's handling unit.
  const village = kindOf(track.employment) === 'VILLAGE';
  assertRegionMay(actor, ACCESS, village ? (track.institutionRegionCode ?? opened.handlingUnit) : opened.handlingUnit);

  const decision = oneOf(input.decision, SANCTION_DECISIONS, 'decision');
  const letterNumber = text(input.letterNumber, 'letterNumber', 120);
  const decidedAt = pastInstant(input.decidedAt, 'decidedAt', ctx.now);
  if (actor.agency === 'KASN' && decidedAt >= KASN_DISSOLVED_AT) {
    throw forbidden('KASN may only decide before 24 Aug 2024, when its neutrality duties went to BKN', 'access.kasnClosed', {
      operation: 'decideSanction',
      closedOn: '2024-08-24',
    });
  }
  const decidedBy = actor.agency as SanctionDecided['data']['decidedBy'];
  const base = { caseId: opened.caseId, respondentId: track.respondentId, decidedBy, letterNumber } as const;

  if (decision === 'CLEAR') {
    if (input.sanction) throw badInput('sanction', 'is not given when the decision is CLEAR', 'decision.notForClear');
    if (input.ppk) throw badInput('ppk', 'is not given when the decision is CLEAR', 'decision.notForClear');
    if (input.dueAt) throw badInput('dueAt', 'is not given when the decision is CLEAR', 'decision.notForClear');
    assertStage();
    return [{ type: 'RespondentCleared', data: { ...base, decidedAt: iso(decidedAt) } }];
  }

  const sanction = sanctionFor(input.sanction, track.employment, 'sanction');
  if (!input.ppk) throw badInput('ppk', `a sanction is addressed to the official who carries it out (title and region): for ${track.employment}, ${route.body}`, 'decision.ppkRequired', {
      employment: track.employment,
    });
  const ppk = { title: text(input.ppk.title, 'ppk.title', 200), regionCode: text(input.ppk.regionCode, 'ppk.regionCode', 20) };
  assertKnownRegion(ppk.regionCode, 'ppk.regionCode', [...route.executorLevels]);
  if (village) assertRegionMay(actor, ACCESS, ppk.regionCode);
  const given = input.dueAt ? parseInstant(input.dueAt, 'dueAt') : null;
  if (given && given <= decidedAt) throw badInput('dueAt', 'must be after decidedAt', 'decision.dueNotAfterDecision');
  assertStage();

  const policy = given ? null : ctx.deadline(opened.election.kind, 'EXECUTION', decidedAt);
  return [
    {
      type: 'SanctionDecided',
      data: {
        ...base,
        decidedAt: iso(decidedAt),
        sanction,
        ppk,
        dueAt: iso(given ?? policy!.dueAt),
        deadline: policy?.applied ?? null,
      },
    },
  ];

  function assertStage() {
    if (track.stage !== 'RECOMMENDED') refuseStage(opened, track, 'decide a sanction', 'stage RECOMMENDED', 'decideSanction', ['RECOMMENDED']);
    assertNotBefore(decidedAt, 'decidedAt', new Date(track.since), 'issuedAt');
  }
}

/** The step, as steps.ts gathers it: its command, who may take it, its decision and its events. */
export const sanctioning: Step<DecideSanction, SanctionDecided | RespondentCleared> = {
  command: 'DecideSanction',
  access: ACCESS,
  decide: decideSanction,
  events: {
    SanctionDecided: {
      occurredAt: (e) => e.data.decidedAt,
      timeline: {
        name: { id: 'Sanksi direkomendasikan kepada PPK', en: 'Sanction recommended to the PPK' },
        line: ({ data: d }) => {
          // KASN/BKN recommend to the PPK; the TNI, Polri and the regional head decide for their own respondents.
          const verb = d.decidedBy === 'KASN' || d.decidedBy === 'BKN' ? 'recommended' : 'decided';
          return `${d.decidedBy} ${verb} ${d.sanction} for ${d.respondentId} to ${d.ppk.title} (${d.letterNumber})`;
        },
        details: ({ data: d }) => ({
          respondentIds: [d.respondentId],
          actor: d.decidedBy,
          sanction: d.sanction,
          letterNumber: d.letterNumber,
          dueAt: d.dueAt,
          ppkTitle: d.ppk.title,
          ppkRegionCode: d.ppk.regionCode,
        }),
        withheld: 'a sanction was decided',
      },
      endsWait: true,
      evolve: (state, { data: d }) =>
        withTracks(state, [d.respondentId], (r) => ({
          ...r,
          stage: 'SANCTION_DECIDED',
          since: d.decidedAt,
          dueAt: d.dueAt,
          ...countedBy(d.deadline),
          ...ON_TIME,
          decision: { decidedBy: d.decidedBy, letterNumber: d.letterNumber, decidedAt: d.decidedAt, sanction: d.sanction, ppk: d.ppk },
          followUpStatus: 'PENDING',
        })),
    },
    RespondentCleared: {
      occurredAt: (e) => e.data.decidedAt,
      timeline: {
        name: { id: 'Terlapor dibebaskan', en: 'Respondent cleared' },
        line: ({ data: d }) => `${d.decidedBy} cleared ${d.respondentId} (${d.letterNumber})`,
        details: ({ data: d }) => ({ respondentIds: [d.respondentId], actor: d.decidedBy, letterNumber: d.letterNumber }),
        withheld: 'the respondent was cleared',
      },
      endsWait: true,
      evolve: (state, { data: d }) =>
        withTracks(state, [d.respondentId], (r) => ({
          ...r,
          stage: 'CLEARED',
          since: d.decidedAt,
          dueAt: null,
          ...countedBy(null),
          ...ON_TIME,
          decision: { decidedBy: d.decidedBy, letterNumber: d.letterNumber, decidedAt: d.decidedAt, sanction: null, ppk: null },
        })),
    },
  },
  offers: (trial) =>
    acceptedTracks(trial, (t) => ({ type: 'DecideSanction', input: { respondentId: t.respondentId, decision: 'CLEAR', letterNumber: PROBE_LETTER, decidedAt: trial.now.toISOString() } })),
};
