import type { OpenedCase, RespondentTrack } from './case-state';
import type { DeadlineStep, EscalationKind, LetterKind } from './case-vocabulary';
import type { Actor } from './decide-context';

/**
 * How a step tells whether a caller may take it next (next-steps.ts): it tries plausible commands
 * on the decider itself and offers the respondents it accepts them for. Nothing here restates a rule.
 */

/** A step a caller may take next, for these respondents. */
export interface Offer {
  /** The respondents it may be taken for; empty for a step on the whole case (erasure). */
  respondentIds: string[];
  /** For recordEscalation: the kinds this caller may record for these respondents (one entry per set of kinds). */
  escalationKinds?: EscalationKind[];
  /** For extendDeadline: the step whose due time it moves (one entry per such step). */
  deadlineStep?: DeadlineStep;
  /** For erasePersonalData: the case is open, under legal hold, and this caller may erase only by overriding it with a recorded reason. */
  overridesLegalHold?: boolean;
  /** For generateLetter: the letter these respondents' step was recorded with (one entry per kind). */
  letterKind?: LetterKind;
}

/** What a step's trial has at hand: the case, the caller, now, and the decider (a trial's events are thrown away). */
export interface Trial {
  state: OpenedCase;
  base: { actor: Actor; caseId: string };
  now: Date;
  accepts(command: { type: string; actor: Actor; caseId: string; input: object }): boolean;
}

/** Placeholders a trial command carries where the decider wants a letter or a reason. */
export const PROBE_LETTER = 'PERCOBAAN/NETRA';
export const PROBE_TEXT = 'percobaan: langkah yang tersedia';

/** The respondents whose track the decider accepts `command` for (null: not tried for that track). */
export function acceptedTracks(trial: Trial, command: (track: RespondentTrack) => { type: string; input: object } | null): Offer[] {
  const respondentIds = trial.state.respondents
    .filter((track) => {
      const c = command(track);
      return c !== null && trial.accepts({ ...trial.base, ...c });
    })
    .map((r) => r.respondentId);
  return respondentIds.length > 0 ? [{ respondentIds }] : [];
}

/** The sanction a track's decree would name: the one executed, else the one decided. */
export const decreed = (t: RespondentTrack) => t.execution?.sanction ?? t.decision?.sanction ?? null;
