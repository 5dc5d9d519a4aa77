import type { CaseState, OpenedCase } from './case-state';
import type { Agency } from './case-vocabulary';
import type { DecideContext } from './decide-context';
import type { TimelineWording } from './timeline';
import type { Offer, Trial } from './trial';

/**
 * What a step folder declares about itself, so that nothing outside it lists the step: steps.ts
 * gathers every folder's Step, and the dispatch of decide, the fold, the effective time, the access
 * table and the CommandBus wiring read them from there. Plain data and pure functions.
 */

/** A row of the access table (shared/CONTRACT.md "Who may do what"): who may take the step, and in which region. */
export interface StepAccess<Operation extends string = string> {
  /** The mutation's name, as refusals and the access table name it. */
  operation: Operation;
  agencies: readonly Agency[];
  regionOf: string;
}

/** An event: plain data, named in the past tense, versioned by name (a breaking change gets `…V2`). */
export interface DomainEvent {
  type: string;
  data: object;
}

/** How one event of a step is folded, dated and placed on tracks. */
export interface EventRules<E extends DomainEvent> {
  /** When it took effect in the world: the date the agency recorded for its step, not the day it was typed in. */
  occurredAt(event: E): string;
  /** The respondent tracks it moves: null for every track, [] for none. Without it: the event's `data.respondentId`. */
  tracks?(event: E): readonly string[] | null;
  /** Folds it into an opened case whose `version` already counts it. */
  evolve?(state: OpenedCase, event: E): OpenedCase;
  /** Only the event that opens a case: the case it opens at `version`. */
  opens?(event: E, version: number): OpenedCase;
  /** Ends the wait an overdue record is about (src/case/correcting): a step taken by the due time was not late. */
  endsWait?: boolean;
  /** How it reads on the case's timeline (timeline.ts). */
  timeline: TimelineWording<E>;
  /**
   * The fields that carry personal data, sealed with the case's data key before the event is stored
   * and read as erased once the key is destroyed (src/privacy/personal-fields.ts gathers them).
   */
  sealed?: readonly SealedField[];
}

/** A field of an event that carries personal data (README, "Security and privacy", gives the reasons). */
export interface SealedField {
  /** Object keys joined by dots; `*` walks every element of an array. */
  path: string;
  /** Once erased it reads as null (an identifier a client would parse, or an object), else as the erased marker. */
  erasedAsNull?: boolean;
  /** The label bound into the ciphertext (with the case, and the respondent or index): the path unless given. Stored values were sealed with it: never change it. */
  context?: string;
}

/**
 * A lifecycle step: its command (C), the events it appends (E), who may take it, its pure decision
 * and the rules of its events. `command`, `access` and `decide` are null for events Netra appends
 * beside another command's (OverdueWithdrawn).
 */
export interface Step<C extends { type: string } = { type: string }, E extends DomainEvent = DomainEvent> {
  command: C['type'] | null;
  /** The step opens a case (reporting): there is no case yet whose read permission to check first. */
  opensCase?: boolean;
  access: StepAccess | null;
  decide: ((command: C, state: CaseState, ctx: DecideContext) => E[]) | null;
  events: { [T in E['type']]: EventRules<Extract<E, { type: T }>> };
  /**
   * Whether a caller may take the step next, per respondent, asked of the decider with trial commands
   * (next-steps.ts); without it the step is never offered (the processes' steps, reporting, documents).
   */
  offers?(trial: Trial): Offer[];
  /** The operation a step without an access row (it asks another step's row inside) is offered as. */
  offeredAs?: string;
  /** Never set: carries the command's and the events' types to steps.ts, which unites them. */
  readonly types?: { command: C; event: E };
}
