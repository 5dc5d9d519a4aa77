import { assertAgencyMay, assertNamedPpk, assertRegionMay } from '../case-access';
import { forbidden, list } from '../case-error';
import type { CaseState } from '../case-state';
import { type Agency, IMPOSSIBILITY_REASONS, type ImpossibilityReason } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import { iso, oneOf, pastInstant, text } from '../input-rules';
import { openedCase, refuseStage, trackOf } from '../opened-case';
import { kindOf, routeOf } from '../respondent-kinds';
import { assertNotBefore } from '../validation/dates';
import { regionContains } from '../validation/regions';
import type { Step, StepAccess } from '../step';
import { ON_TIME, countedBy, withTracks } from '../track-change';
import { acceptedTracks, PROBE_TEXT } from '../trial';

export interface FollowUpDeclaredImpossible {
  type: 'FollowUpDeclaredImpossible';
  data: {
    caseId: string;
    respondentId: string;
    reason: ImpossibilityReason;
    note: string;
    declaredAt: string;
    declaredBy: Extract<Agency, 'PPK' | 'BKN' | 'TNI' | 'POLRI'>;
  };
}

export interface DeclareFollowUpImpossible {
  type: 'DeclareFollowUpImpossible';
  actor: Actor;
  caseId: string;
  input: { respondentId: string; reason: string; note: string; declaredAt: string };
}

const ACCESS: StepAccess<'declareFollowUpImpossible'> = { operation: 'declareFollowUpImpossible', agencies: ['PPK', 'BKN', 'TNI', 'POLRI'], regionOf: 'the PPK region of the sanction decision' };

/**
 * A valid reason the recommendation cannot be acted on (BPK: tidak dapat ditindaklanjuti).
 * The PPK declares it for a decided sanction; BKN also before it decides (e.g. the respondent died).
 */
export function declareFollowUpImpossible(
  command: DeclareFollowUpImpossible,
  state: CaseState,
  ctx: DecideContext,
): FollowUpDeclaredImpossible[] {
  const { actor, input } = command;
  const opened = openedCase(state, command.caseId);
  assertAgencyMay(actor, ACCESS);
  const track = trackOf(opened, input.respondentId);
  const route = routeOf(track.employment);
  const ppk = track.decision?.ppk;
  const executor = route.executors.includes(actor.agency);
  if (!executor && !route.alsoDeclaresImpossible.includes(actor.agency)) {
    const allowed = [...route.executors, ...route.alsoDeclaresImpossible];
    throw forbidden(`${actor.agency} may not declareFollowUpImpossible for a respondent who is ${track.employment}; only ${allowed.join(' or ')}`, 'access.employment', {
      agency: actor.agency,
      operation: 'declareFollowUpImpossible',
      employment: track.employment,
      allowed: list(allowed),
    });
  }
  // Whoever received the recommendation may declare before deciding: BKN for ASN, the TNI, Polri or the regional head.
  const recipientToo = actor.agency === 'BKN' || (executor && route.deciders.includes(actor.agency));
  if (actor.agency === 'PPK' && kindOf(track.employment) === 'CIVIL_SERVICE') {
    if (!ppk) throw forbidden('a PPK may declare follow-up impossible only for a sanction addressed to it', 'access.ppkNotAddressed', {
        operation: 'declareFollowUpImpossible',
      });
    assertNamedPpk(actor, ACCESS, ppk.regionCode);
  } else if (ppk && executor) {
    // The regional head is the PPK of exactly the region named; the TNI and Polri act inside their region.
    if (actor.agency === 'PPK') assertNamedPpk(actor, ACCESS, ppk.regionCode);
    else assertRegionMay(actor, ACCESS, ppk.regionCode);
  } else if (!regionContains(actor.region, kindOf(track.employment) === 'VILLAGE' ? (track.institutionRegionCode ?? opened.handlingUnit) : opened.handlingUnit)) {
    // Like every unit, the deciding body acts inside its region: on the cases it may decide (their handling unit).
    throw forbidden(`${actor.agency} unit ${actor.region} may not declareFollowUpImpossible for the case handling unit ${opened.handlingUnit}, outside its region`, 'access.handlingUnit', {
      agency: actor.agency,
      region: actor.region,
      operation: 'declareFollowUpImpossible',
      handlingUnit: opened.handlingUnit,
    });
  }

  const reason = oneOf(input.reason, IMPOSSIBILITY_REASONS, 'reason');
  const note = text(input.note, 'note', 4000);
  const declaredAt = pastInstant(input.declaredAt, 'declaredAt', ctx.now);
  const allowed = recipientToo ? ['RECOMMENDED', 'SANCTION_DECIDED'] : ['SANCTION_DECIDED'];
  if (!allowed.includes(track.stage)) {
    refuseStage(opened, track, 'declare follow-up impossible', `stage ${allowed.join(' or ')}`, 'declareFollowUpImpossible', allowed);
  }
  assertNotBefore(declaredAt, 'declaredAt', new Date(track.since), 'the start of the current stage');

  return [
    {
      type: 'FollowUpDeclaredImpossible',
      data: {
        caseId: opened.caseId,
        respondentId: track.respondentId,
        reason,
        note,
        declaredAt: iso(declaredAt),
        declaredBy: actor.agency as FollowUpDeclaredImpossible['data']['declaredBy'],
      },
    },
  ];
}

/** The step, as steps.ts gathers it: its command, who may take it, its decision and its events. */
export const declaringImpossible: Step<DeclareFollowUpImpossible, FollowUpDeclaredImpossible> = {
  command: 'DeclareFollowUpImpossible',
  access: ACCESS,
  decide: declareFollowUpImpossible,
  events: {
    FollowUpDeclaredImpossible: {
      occurredAt: (e) => e.data.declaredAt,
      sealed: [{ path: 'note' }],
      timeline: {
        name: { id: 'Dinyatakan tidak dapat ditindaklanjuti', en: 'Declared impossible to act on' },
        line: ({ data: d }) => `${d.declaredBy} declared follow-up impossible for ${d.respondentId}: ${d.reason}`,
        details: ({ data: d }) => ({ respondentIds: [d.respondentId], actor: d.declaredBy, impossibilityReason: d.reason }),
        withheld: 'follow-up was declared impossible',
      },
      endsWait: true,
      evolve: (state, { data: d }) =>
        withTracks(state, [d.respondentId], (r) => ({
          ...r,
          stage: 'FOLLOW_UP_IMPOSSIBLE',
          since: d.declaredAt,
          dueAt: null,
          ...countedBy(null),
          ...ON_TIME,
          followUpStatus: 'CANNOT_BE_ACTED_ON',
          impossibility: { reason: d.reason, note: d.note, declaredAt: d.declaredAt, declaredBy: d.declaredBy },
        })),
    },
  },
  offers: (trial) =>
    acceptedTracks(trial, (t) => ({
      type: 'DeclareFollowUpImpossible',
      input: { respondentId: t.respondentId, reason: 'DECEASED', note: PROBE_TEXT, declaredAt: trial.now.toISOString() },
    })),
};
