/**
 * Proto enums are the domain words with the enum's name as prefix (`SANCTION_KIND_MORAL_OPEN`) and
 * `<PREFIX>_UNSPECIFIED = 0`: "not given" in a request, null in an answer.
 */

export const ENUM_PREFIXES = {
  CaseSource: 'CASE_SOURCE',
  ElectionKind: 'ELECTION_KIND',
  Agency: 'AGENCY',
  RecommendationRecipient: 'RECOMMENDATION_RECIPIENT',
  Employment: 'EMPLOYMENT',
  ViolationCode: 'VIOLATION_CODE',
  SanctionKind: 'SANCTION_KIND',
  StudyOutcome: 'STUDY_OUTCOME',
  SanctionDecision: 'SANCTION_DECISION',
  ImpossibilityReason: 'IMPOSSIBILITY_REASON',
  CaseStage: 'CASE_STAGE',
  RespondentStage: 'RESPONDENT_STAGE',
  FollowUpStatus: 'FOLLOW_UP_STATUS',
  EscalationKind: 'ESCALATION_KIND',
  DeadlineStep: 'DEADLINE_STEP',
  SearchKey: 'SEARCH_KEY',
  CalendarStatus: 'CALENDAR_STATUS',
  HolidayKind: 'HOLIDAY_KIND',
  InboxKind: 'INBOX_KIND',
  DocumentKind: 'DOCUMENT_KIND',
} as const;

export type ProtoEnum = keyof typeof ENUM_PREFIXES;

/** The domain word of a request's enum value; undefined when unset or unspecified (the decider names the field). */
export function fromProto(kind: ProtoEnum, value: unknown): string | undefined {
  if (typeof value !== 'string') return value === undefined || value === null || value === 0 ? undefined : String(value);
  const prefix = `${ENUM_PREFIXES[kind]}_`;
  if (!value.startsWith(prefix)) return value;
  const word = value.slice(prefix.length);
  return word === 'UNSPECIFIED' ? undefined : word;
}

export function listFromProto(kind: ProtoEnum, values: unknown): string[] | undefined {
  if (!Array.isArray(values)) return undefined;
  return values.map((v) => fromProto(kind, v) ?? String(v));
}

/** The proto name of a domain word; null stays absent (UNSPECIFIED on the wire). */
export function toProto(kind: ProtoEnum, word: string | null | undefined): string | undefined {
  return word === null || word === undefined ? undefined : `${ENUM_PREFIXES[kind]}_${word}`;
}

export const listToProto = (kind: ProtoEnum, words: readonly string[]) => words.map((w) => `${ENUM_PREFIXES[kind]}_${w}`);
