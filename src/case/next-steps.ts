import { decide, type CaseCommand } from './case';
import { CaseError } from './case-error';
import { deadlineStepOf, type CaseState, type RespondentTrack } from './case-state';
import { ESCALATION_KINDS, RECOMMENDATION_RECIPIENTS, type DeadlineStep, type EscalationKind } from './case-vocabulary';
import type { Actor, DecideContext } from './decide-context';

/**
 * The steps a caller may take next on a case, per respondent, asked of the decider itself: each
 * step is tried with a plausible command (dated now, with placeholder letter numbers and the
 * values the track already holds) and offered when the decider accepts it. So the access table,
 * the region rules, the respondent kinds and the stage rules are the decider's own — nothing here
 * restates them, and the console renders what the server would accept instead of keeping a copy.
 * The events a trial produces are thrown away. A step the decider refuses for the trial's
 * placeholder values alone would go missing; test/case/next-steps.spec.ts holds every step of the
 * access matrix against this.
 */

export const NEXT_STEPS = [
  'recordStudy',
  'issueRecommendation',
  'decideSanction',
  'recordSanctionExecution',
  'correctSanctionExecution',
  'declareFollowUpImpossible',
  'extendDeadline',
  'recordEscalation',
  'erasePersonalData',
] as const;
export type NextStepName = (typeof NEXT_STEPS)[number];

export interface NextStep {
  step: NextStepName;
  /** The respondents it may be taken for; empty for a step on the whole case (erasure). */
  respondentIds: string[];
  /** For recordEscalation: the kinds this caller may record for these respondents (one entry per set of kinds). */
  escalationKinds?: EscalationKind[];
  /** For extendDeadline: the step whose due time it moves (one entry per such step). */
  deadlineStep?: DeadlineStep;
  /** For erasePersonalData: the case is open, under legal hold, and this caller may erase only by overriding it with a recorded reason. */
  overridesLegalHold?: boolean;
}

const PROBE_LETTER = 'PERCOBAAN/NETRA';
const PROBE_TEXT = 'percobaan: langkah yang tersedia';

export function nextSteps(state: CaseState, actor: Actor, ctx: DecideContext): NextStep[] {
  if (state.status !== 'opened') return [];
  const opened = state;
  const now = ctx.now.toISOString();
  const accepts = (command: CaseCommand): boolean => {
    try {
      decide(command, state, ctx);
      return true;
    } catch (error) {
      if (error instanceof CaseError) return false;
      throw error;
    }
  };
  const base = { actor, caseId: opened.caseId };
  const steps: NextStep[] = [];
  const offer = (step: NextStepName, respondentIds: string[], extra: Partial<NextStep> = {}) => {
    if (respondentIds.length > 0) steps.push({ step, respondentIds, ...extra });
  };

  // A study is recorded once for the whole case, with a finding for every respondent.
  const reported = opened.respondents.filter((r) => r.stage === 'REPORTED');
  if (
    reported.length > 0 &&
    accepts({
      type: 'RecordStudy',
      ...base,
      input: { studiedAt: now, findings: opened.respondents.map((r) => ({ respondentId: r.respondentId, outcome: 'NO_VIOLATION' })) },
    })
  ) {
    offer('recordStudy', reported.map((r) => r.respondentId));
  }

  offer(
    'issueRecommendation',
    opened.respondents
      .filter((r) =>
        RECOMMENDATION_RECIPIENTS.some((recipient) =>
          accepts({ type: 'IssueRecommendation', ...base, input: { respondentIds: [r.respondentId], recipient, letterNumber: PROBE_LETTER, issuedAt: now } }),
        ),
      )
      .map((r) => r.respondentId),
  );

  const perTrack = (step: NextStepName, command: (track: RespondentTrack) => CaseCommand | null) =>
    offer(
      step,
      opened.respondents
        .filter((track) => {
          const c = command(track);
          return c !== null && accepts(c);
        })
        .map((r) => r.respondentId),
    );
  perTrack('decideSanction', (t) => ({ type: 'DecideSanction', ...base, input: { respondentId: t.respondentId, decision: 'CLEAR', letterNumber: PROBE_LETTER, decidedAt: now } }));
  const decreed = (t: RespondentTrack) => t.execution?.sanction ?? t.decision?.sanction ?? null;
  perTrack('recordSanctionExecution', (t) =>
    decreed(t) === null ? null : { type: 'RecordSanctionExecution', ...base, input: { respondentId: t.respondentId, decreeNumber: PROBE_LETTER, executedAt: now, sanction: decreed(t)! } },
  );
  perTrack('correctSanctionExecution', (t) =>
    decreed(t) === null
      ? null
      : { type: 'CorrectSanctionExecution', ...base, input: { respondentId: t.respondentId, decreeNumber: `${PROBE_LETTER}/2`, executedAt: now, sanction: decreed(t)!, reason: PROBE_TEXT } },
  );
  perTrack('declareFollowUpImpossible', (t) => ({
    type: 'DeclareFollowUpImpossible',
    ...base,
    input: { respondentId: t.respondentId, reason: 'DECEASED', note: PROBE_TEXT, declaredAt: now },
  }));
  // One entry per waiting step, so the console names the due time it moves ("Perpanjang tenggat Kajian").
  const extendable = opened.respondents.filter(
    (t) =>
      t.dueAt !== null &&
      accepts({ type: 'ExtendDeadline', ...base, input: { respondentId: t.respondentId, newDueAt: new Date(Math.max(Date.parse(t.dueAt), ctx.now.getTime()) + 86_400_000).toISOString(), legalBasis: PROBE_TEXT } }),
  );
  for (const deadlineStep of [...new Set(extendable.map((t) => deadlineStepOf(t.stage)))]) {
    if (deadlineStep !== null) offer('extendDeadline', extendable.filter((t) => deadlineStepOf(t.stage) === deadlineStep).map((t) => t.respondentId), { deadlineStep });
  }

  const escalations = new Map<string, EscalationKind[]>();
  for (const t of opened.respondents) {
    const kinds = ESCALATION_KINDS.filter((kind) =>
      accepts({ type: 'RecordEscalation', ...base, input: { respondentId: t.respondentId, kind, letterNumber: PROBE_LETTER, escalatedAt: now } }),
    );
    if (kinds.length > 0) escalations.set(t.respondentId, kinds);
  }
  // One entry per set of kinds, so a form offers a respondent only the kinds it may record for that respondent.
  const kindSets = new Map<string, string[]>();
  for (const [respondentId, kinds] of escalations) kindSets.set(kinds.join(','), [...(kindSets.get(kinds.join(',')) ?? []), respondentId]);
  for (const [kinds, respondentIds] of kindSets) offer('recordEscalation', respondentIds, { escalationKinds: kinds.split(',') as EscalationKind[] });

  if (accepts({ type: 'ErasePersonalData', ...base, input: { reason: PROBE_TEXT } })) steps.push({ step: 'erasePersonalData', respondentIds: [] });
  else if (accepts({ type: 'ErasePersonalData', ...base, input: { reason: PROBE_TEXT, overrideLegalHold: true } })) {
    steps.push({ step: 'erasePersonalData', respondentIds: [], overridesLegalHold: true });
  }
  return steps;
}

