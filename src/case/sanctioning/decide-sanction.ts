import { assertAgencyMay, assertRegionMay } from '../case-access';
import { badInput, forbidden } from '../case-error';
import type { RespondentCleared, SanctionDecided } from '../case-events';
import type { CaseState } from '../case-state';
import { KASN_DISSOLVED_AT, SANCTION_DECISIONS } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import { iso, oneOf, pastInstant, text } from '../input-rules';
import { openedCase, refuseStage, trackOf } from '../opened-case';
import { assertDecider, kindOf, routeOf, sanctionFor } from '../respondent-kinds';
import { assertNotBefore, parseInstant } from '../validation/dates';
import { assertKnownRegion } from '../validation/regions';

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
  assertAgencyMay(actor, 'decideSanction');
  const track = trackOf(opened, input.respondentId);
  const route = routeOf(track.employment);
  assertDecider(actor, route, track.employment);
  // The regional head decides for the villages of its own regency; the national bodies by the case's handling unit.
  const village = kindOf(track.employment) === 'VILLAGE';
  assertRegionMay(actor, 'decideSanction', village ? (track.institutionRegionCode ?? opened.handlingUnit) : opened.handlingUnit);

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
  if (village) assertRegionMay(actor, 'decideSanction', ppk.regionCode);
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
