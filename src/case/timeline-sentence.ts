import type { LabelSet } from './case-vocabulary-id';
import type { Agency, CaseSource, DeadlineStep, EscalationKind, FollowUpStatus, ImpossibilityReason, SanctionKind, StudyOutcome, ViolationCode } from './case-vocabulary';

/**
 * The line's data as a client reads it: the server's TimelineDetails (timeline.ts) as the API gives
 * them, any field but the respondents missing or null, the handling unit and the PPK's region named.
 * Spelled out here, not derived, so that the console's bundle reaches no step's code.
 */
export interface SentenceDetails {
  respondentIds: string[];
  actor?: Agency | null;
  source?: CaseSource | null;
  handlingUnit?: string | null;
  handlingUnitName?: string | null;
  lateReport?: boolean | null;
  findings?: Array<{ respondentId: string; outcome: StudyOutcome; violations: ViolationCode[] }> | null;
  recipient?: string | null;
  letterNumber?: string | null;
  sanction?: SanctionKind | null;
  previousSanction?: SanctionKind | null;
  decreeNumber?: string | null;
  previousDecreeNumber?: string | null;
  ppkTitle?: string | null;
  ppkRegionCode?: string | null;
  ppkRegionName?: string | null;
  followUpStatus?: FollowUpStatus | null;
  impossibilityReason?: ImpossibilityReason | null;
  step?: DeadlineStep | null;
  waitingOn?: Agency | null;
  dueAt?: string | null;
  previousDueAt?: string | null;
  escalation?: EscalationKind | null;
  legalHoldOverridden?: boolean | null;
  calendarYear?: number | null;
  provisional?: boolean | null;
  withdrawalReason?: string | null;
}

/**
 * What a timeline sentence is written with, given by the console for the caller's language: the
 * step's own phrases filled in, the respondents by the names this caller may see, instants in the
 * caller's zone, API enum values by their words.
 */
export interface SentenceWords<K extends string> {
  /** One of the step's phrases (TimelineSentence.words) in the caller's language, `{name}` placeholders filled. */
  say(key: K, params?: Record<string, string | number>): string;
  /** A respondent's name as the case shows it to this caller ("Terlapor 2" when withheld or erased). */
  name(respondentId: string): string;
  /** Several respondents' names, comma-separated. */
  names(respondentIds: string[]): string;
  /** An instant in the caller's zone and language; "—" for none. */
  when(instant: string | null | undefined): string;
  /** An API enum value in the caller's words ("—" for none). */
  label(set: LabelSet, value: string | null | undefined): string;
  /** The kind of the document this line attached, in the caller's words; null when the caller may not see it. */
  documentKind(): string | null;
}

/**
 * How an event reads as a sentence on the console's timeline, in both languages, declared in its
 * step's folder (a `*.sentences.ts` file, browser-safe: types and plain code only). `npm run
 * console-types` gathers them into case/timeline-sentences.ts, which the console bundles.
 */
export interface TimelineSentence<K extends string = string> {
  /** The phrases, by key, in Indonesian and English (placeholders as the console's messages: `{name}`). */
  words: { id: Record<K, string>; en: Record<K, string> };
  /** The sentence from the line's data. */
  sentence(details: SentenceDetails, words: SentenceWords<K>): string;
}

/** Declares one event's sentence, its phrase keys taken from its words. */
export function timelineSentence<K extends string>(sentence: TimelineSentence<K>): TimelineSentence {
  return sentence as unknown as TimelineSentence;
}
