/** The GraphQL the console sends: only public operations of src/schema.graphql. */

const FOLLOW_UP_FIELDS = `
  respondentId caseId identityWithheld name nip nrp nik employment position institution institutionRegionCode
  stage waitingOn since dueAt dueAtProvisional overdue daysLate daysWaiting outcome violations
  recommendationRecipient recommendationLetter recommendedAt recommendedSanction
  decidedBy decidedAt decisionLetter ppk { title regionCode regionName } ppkRegionCode
  executedSanction executedAt decreeNumber followUpStatus impossibleReason siasnBlocked
  latestEscalation { kind letterNumber escalatedAt escalatedBy }
  decreeCorrection { correctedBy corrections reason replacedDecreeNumber }`;

const CASE_FIELDS = `
  id registerNumber source stage summary violations evidence place version
  receivedAt knownAt occurredAt handlingUnit handlingUnitName personalDataErasedAt
  election { kind year regionCode }
  reporter { name address phone email }
  respondents { ${FOLLOW_UP_FIELDS} }
  documents { id kind name size contentType sha256 respondentId attachedAt attachedBy attachedByUnit readable version }
  nextSteps { step respondentIds escalationKinds deadlineStep overridesLegalHold letterKind }
  timeline {
    version type occurredAt recordedAt agency unit actorName description withdrawn
    details {
      respondentIds withheld actor source handlingUnit handlingUnitName lateReport findings { respondentId outcome violations }
      recipient letterNumber sanction previousSanction decreeNumber previousDecreeNumber ppkTitle ppkRegionCode ppkRegionName
      followUpStatus impossibilityReason step waitingOn dueAt previousDueAt escalation legalHoldOverridden calendarYear provisional withdrawalReason
    }
  }`;

const CALENDAR_YEAR_FIELDS = 'year status publishedAt publishedBy legalBasis { decree signedAt source } holidays { date kind name }';

/** Every year of the holiday calendar Netra counts working days with (any signed-in officer may read it). */
export const HOLIDAY_CALENDAR_QUERY = `query HolidayCalendar { holidayCalendar { ${CALENDAR_YEAR_FIELDS} } }`;

/** Whether this officer may publish the holiday calendar: the header and the calendar page ask, the rule stays on the server. */
export const MAY_PUBLISH_CALENDAR_QUERY = `query MayPublishCalendar { mayPublishCalendar }`;

/** Who is signed in and what it may do (open a case, where it starts): the header and the first page ask, the rules stay on the server. */
export const ME_QUERY = `query Me { me { agency region mayOpenCase landing } }`;

/** The simultaneous elections Netra knows, newest first: the new-case form offers these. */
export const ELECTIONS_QUERY = `query Elections { elections { kind year votingDay } }`;

export const CASE_QUERY = `query Case($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`;

/** One page of what waits on an agency; the server keeps it to the token's region. */
export const QUEUE_QUERY = `query Queue($waitingOn: Agency!, $overdue: Boolean!) {
  followUps(filter: { waitingOn: $waitingOn, overdue: $overdue }, first: 100) {
    totalCount
    edges { node { respondentId caseId identityWithheld name institution stage dueAt dueAtProvisional overdue daysLate daysWaiting ppk { title } } }
  }
}`;

/** Register number and handling unit of several cases in one request (aliases c0, c1, …). */
export function caseHeadersQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `c${i}: case(id: $id${i}) { id registerNumber handlingUnit handlingUnitName }`).join(' ');
  return `query CaseHeaders(${variables}) { ${fields} }`;
}

const mutation = (name: string, input: string) =>
  `mutation ${name[0].toUpperCase()}${name.slice(1)}($input: ${input}!) { ${name}(input: $input) { ${CASE_FIELDS} } }`;

export const MUTATIONS = {
  reportCase: mutation('reportCase', 'ReportCaseInput'),
  recordStudy: mutation('recordStudy', 'RecordStudyInput'),
  issueRecommendation: mutation('issueRecommendation', 'IssueRecommendationInput'),
  decideSanction: mutation('decideSanction', 'DecideSanctionInput'),
  recordSanctionExecution: mutation('recordSanctionExecution', 'RecordSanctionExecutionInput'),
  declareFollowUpImpossible: mutation('declareFollowUpImpossible', 'DeclareFollowUpImpossibleInput'),
  correctSanctionExecution: mutation('correctSanctionExecution', 'CorrectSanctionExecutionInput'),
  extendDeadline: mutation('extendDeadline', 'ExtendDeadlineInput'),
  recordEscalation: mutation('recordEscalation', 'RecordEscalationInput'),
  erasePersonalData: mutation('erasePersonalData', 'ErasePersonalDataInput'),
  /** Answers a CalendarPublication, not a Case (calendar/calendar-page.tsx reads it so). */
  publishCalendar: `mutation PublishCalendar($input: PublishCalendarInput!) {
    publishCalendar(input: $input) { recomputedDueTimes withdrawnOverdueRecords replayed calendarYear { ${CALENDAR_YEAR_FIELDS} } }
  }`,
} as const;

export type MutationName = keyof typeof MUTATIONS;

/** The server writes the letter (README "Letters") and attaches it; the case comes back with it in its documents. */
export const GENERATE_LETTER = `mutation GenerateLetter($input: GenerateLetterInput!) {
  generateLetter(input: $input) { document { id kind name } case { ${CASE_FIELDS} } }
}`;
