import { attachingDocument } from './attaching-document/attach-document';
import { correcting } from './correcting/overdue-withdrawn';
import { correctingSanctionExecution } from './correcting-sanction-execution/correct-sanction-execution';
import { declaringImpossible } from './declaring-impossible/declare-follow-up-impossible';
import { erasing } from './erasing/erase-personal-data';
import { escalating } from './escalating/record-escalation';
import { executingSanction } from './executing-sanction/record-sanction-execution';
import { extendingDeadline } from './extending-deadline/extend-deadline';
import { generatingLetter } from './generating-letter/generate-letter';
import { overdue } from './overdue/mark-overdue';
import { recommending } from './recommending/issue-recommendation';
import { recomputingDueTime } from './recomputing-due-time/recompute-due-time';
import { reporting } from './reporting/report-case';
import { sanctioning } from './sanctioning/decide-sanction';
import type { EventRules, Step, StepAccess } from './step';
import { studying } from './studying/record-study';

/**
 * Every step of the lifecycle, each declared in its own folder (step.ts says what a step declares).
 * This list is the one place a new step is named outside its folder: the command and event unions,
 * the dispatch of decide, the fold, the effective time, the access table and the CommandBus all
 * follow from it (README, "Layout of src/").
 */
export const STEPS = [
  reporting,
  studying,
  recommending,
  sanctioning,
  executingSanction,
  correctingSanctionExecution,
  declaringImpossible,
  extendingDeadline,
  overdue,
  escalating,
  erasing,
  recomputingDueTime,
  correcting,
  attachingDocument,
  generatingLetter,
] as const;

type Declared = NonNullable<(typeof STEPS)[number]['types']>;

/** Every command a case takes. */
export type CaseCommand = Declared['command'];

// The steps seen through the widest types, for lookups by name.
const steps = STEPS as readonly Step<{ type: string }, { type: string; data: object }>[];

const byCommand = new Map(steps.filter((s) => s.command !== null).map((s) => [s.command!, s]));
const byEvent = new Map(steps.flatMap((s) => Object.entries(s.events as Record<string, EventRules<{ type: string; data: object }>>)));

/** The step a command belongs to. */
export function stepOf(command: { type: string }): Step<{ type: string }, { type: string; data: object }> {
  const step = byCommand.get(command.type);
  if (!step) throw new Error(`unknown command ${command.type}`);
  return step;
}

/** The rules of an event, from the step that declares it. */
export function rulesOf(event: { type: string }): EventRules<{ type: string; data: object }> {
  const rules = byEvent.get(event.type);
  if (!rules) throw new Error(`unknown event ${event.type}`);
  return rules;
}

/** The type of every case event, as the steps declare them. */
export const CASE_EVENT_TYPES: readonly string[] = [...byEvent.keys()];

/** Who may do what (shared/CONTRACT.md "Who may do what"): each step's row, by its operation. */
export const WRITE_ACCESS: Readonly<Record<string, StepAccess>> = Object.fromEntries(
  steps.filter((s) => s.access !== null).map((s) => [s.access!.operation, s.access!]),
);
