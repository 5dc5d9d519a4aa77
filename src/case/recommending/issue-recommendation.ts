import { assertAgencyMay, assertRegionMay } from '../case-access';
import { badInput, list } from '../case-error';
import type { CaseState } from '../case-state';
import { KASN_DISSOLVED_AT, RECOMMENDATION_RECIPIENTS, type RecommendationRecipient } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import { iso, oneOf, pastInstant, text } from '../input-rules';
import { openedCase, refuseStage, trackOf } from '../opened-case';
import { routeOf } from '../respondent-kinds';
import { assertNotBefore } from '../validation/dates';
import type { DeadlineApplied } from '../case-records';
import type { Step, StepAccess } from '../step';
import { ON_TIME, countedBy, withTracks } from '../track-change';
import { PROBE_LETTER } from '../trial';

export interface RecommendationIssued {
  type: 'RecommendationIssued';
  data: {
    caseId: string;
    respondentIds: string[];
    recipient: RecommendationRecipient;
    letterNumber: string;
    issuedAt: string;
    decisionDueAt: string;
    decisionDeadline: DeadlineApplied;
  };
}

export interface IssueRecommendation {
  type: 'IssueRecommendation';
  actor: Actor;
  caseId: string;
  input: { respondentIds: string[]; recipient: string; letterNumber: string; issuedAt: string };
}

const ACCESS: StepAccess<'issueRecommendation'> = { operation: 'issueRecommendation', agencies: ['BAWASLU'], regionOf: 'the case handling unit' };

/**
 * Bawaslu forwards its recommendation, for proven violations only, to the body that handles the respondent
 * (respondent-kinds.ts): KASN (before 24 Aug 2024) or BKN for ASN, the TNI, Polri, or the bupati/walikota.
 */
export function issueRecommendation(
  command: IssueRecommendation,
  state: CaseState,
  ctx: DecideContext,
): RecommendationIssued[] {
  const { actor, input } = command;
  const opened = openedCase(state, command.caseId);
  assertAgencyMay(actor, ACCESS);
  assertRegionMay(actor, ACCESS, opened.handlingUnit);

  const recipient = oneOf(input.recipient, RECOMMENDATION_RECIPIENTS, 'recipient');
  const letterNumber = text(input.letterNumber, 'letterNumber', 120);
  const issuedAt = pastInstant(input.issuedAt, 'issuedAt', ctx.now);
  if (recipient === 'KASN' && issuedAt >= KASN_DISSOLVED_AT) {
    throw badInput('recipient', 'KASN stopped operating on 24 Aug 2024; its neutrality duties went to BKN', 'recommendation.kasnClosed', { closedOn: '2024-08-24' });
  }
  if (!Array.isArray(input.respondentIds) || input.respondentIds.length === 0) {
    throw badInput('respondentIds', 'must name at least one respondent', 'recommendation.respondentsRequired');
  }
  const tracks = input.respondentIds.map((id, i) => trackOf(opened, id, `respondentIds[${i}]`));
  if (new Set(tracks).size !== tracks.length) throw badInput('respondentIds', 'must not repeat a respondent', 'recommendation.respondentsRepeated');
  for (const track of tracks) {
    if (track.stage !== 'STUDIED') refuseStage(opened, track, 'issue a recommendation', 'stage STUDIED with a proven violation', 'issueRecommendation', ['STUDIED']);
    const route = routeOf(track.employment);
    if (!route.recipients.includes(recipient)) {
      throw badInput('recipient', `respondent ${track.respondentId} is ${track.employment}: the recommendation goes to ${route.recipients.join(' or ')}, not ${recipient}`, 'recommendation.recipient', {
        respondentId: track.respondentId,
        employment: track.employment,
        recipients: list(route.recipients),
        recipient,
      });
    }
    assertNotBefore(issuedAt, 'issuedAt', new Date(track.since), 'studiedAt');
  }

  const decision = ctx.deadline(opened.election.kind, 'SANCTION_DECISION', issuedAt);
  return [
    {
      type: 'RecommendationIssued',
      data: {
        caseId: opened.caseId,
        respondentIds: tracks.map((t) => t.respondentId),
        recipient,
        letterNumber,
        issuedAt: iso(issuedAt),
        decisionDueAt: iso(decision.dueAt),
        decisionDeadline: decision.applied,
      },
    },
  ];
}

/** The step, as steps.ts gathers it: its command, who may take it, its decision and its events. */
export const recommending: Step<IssueRecommendation, RecommendationIssued> = {
  command: 'IssueRecommendation',
  access: ACCESS,
  decide: issueRecommendation,
  events: {
    RecommendationIssued: {
      occurredAt: (e) => e.data.issuedAt,
      timeline: {
        name: { id: 'Rekomendasi diterbitkan', en: 'Recommendation issued' },
        line: ({ data: d }) => `Recommendation ${d.letterNumber} to ${d.recipient} for ${d.respondentIds.join(', ')}`,
        details: ({ data: d }) => ({ respondentIds: d.respondentIds, recipient: d.recipient, letterNumber: d.letterNumber }),
      },
      tracks: (e) => e.data.respondentIds,
      endsWait: true,
      evolve: (state, { data: d }) =>
        withTracks(state, d.respondentIds, (r) => ({
          ...r,
          stage: 'RECOMMENDED',
          since: d.issuedAt,
          dueAt: d.decisionDueAt,
          ...countedBy(d.decisionDeadline),
          ...ON_TIME,
          recommendation: { recipient: d.recipient, letterNumber: d.letterNumber, issuedAt: d.issuedAt },
        })),
    },
  },
  offers: (trial) => {
    const issuedAt = trial.now.toISOString();
    const respondentIds = trial.state.respondents
      .filter((r) =>
        RECOMMENDATION_RECIPIENTS.some((recipient) =>
          trial.accepts({ type: 'IssueRecommendation', ...trial.base, input: { respondentIds: [r.respondentId], recipient, letterNumber: PROBE_LETTER, issuedAt } }),
        ),
      )
      .map((r) => r.respondentId);
    return respondentIds.length > 0 ? [{ respondentIds }] : [];
  },
};
