/**
 * Every refusal's stable message key with the names of the parameters it carries
 * (`extensions.key` and `extensions.params` in GraphQL, `netra-error-key` and `netra-error-params`
 * in gRPC trailers). A client writes the sentence in its own language from key + params; the
 * English `message` stays as it was for clients that show it. Plain data: the console's catalogues
 * are typed against it, and a test checks they cover every key.
 *
 * Lists (allowed values, respondent ids) are comma-separated strings; instants are ISO-8601 UTC.
 * A refusal raised without a key of its own (sign-in, token checks) carries its code as the key.
 */
/** The error codes of CONTRACT.md; each transport maps them once (GraphQL extensions.code, gRPC status). */
export const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Beside the contract's codes (README): too many requests, and a store or read model that does not answer. */
export const BUSY_CODES = ['RATE_LIMITED', 'UNAVAILABLE'] as const;
export type BusyCode = (typeof BUSY_CODES)[number];

export const REFUSALS = {
  // Generic: one per contract code, for refusals that have no more specific key.
  UNAUTHENTICATED: [],
  FORBIDDEN: [],
  BAD_USER_INPUT: [],
  NOT_FOUND: [],
  INVALID_TRANSITION: [],
  CONFLICT: [],
  // Beside the contract's codes (README): too many requests, and a store or read model that does not answer.
  RATE_LIMITED: ['retryAfterSeconds'],
  UNAVAILABLE: ['retryAfterSeconds', 'caseId', 'version', 'position'],

  // Text, lists and choices (input-rules.ts, the text-safety pipe, class-validator).
  'text.empty': [],
  'text.controlCharacters': [],
  'text.nulCharacter': [],
  'text.malformedUnicode': [],
  'text.bidiControls': [],
  'text.tooLong': ['max'],
  'value.notOneOf': ['allowed'],
  'value.invalid': ['constraint'],
  'list.notList': [],
  'list.tooFew': ['minimum'],
  'list.repeated': [],

  // Dates (validation/dates.ts, the DateTime scalar).
  'date.required': [],
  'date.malformed': ['value'],
  'date.noZone': ['value'],
  'date.notRealTime': ['value'],
  'date.badOffset': ['value', 'offset'],
  'date.implausibleYear': ['year', 'minimum'],
  'date.notRealDate': ['date'],
  'date.invalid': [],
  'date.future': ['at', 'now'],
  'date.beforeOther': ['otherField', 'at', 'other'],

  // Identifiers of persons (validation/nip.ts, nik.ts, nrp.ts).
  'nip.notString': ['expected'],
  'nip.separators': ['expected'],
  'nip.length': ['expected', 'length', 'digits'],
  'nip.birthYear': ['year', 'minimum'],
  'nip.birthDate': ['date'],
  'nip.appointmentMonth': ['month'],
  'nip.appointmentBeforeAdult': ['appointed', 'birthDate'],
  'nip.sexDigit': ['digit'],
  'nip.sequence': [],
  'nik.length': ['expected', 'length', 'digits'],
  'nik.regionPart': [],
  'nik.birthDate': ['part'],
  'nik.sequence': [],
  'nrp.shape': ['service', 'minLength', 'maxLength', 'length', 'digits'],
  'nrp.month': ['month'],

  // Region codes (validation/regions.ts).
  'region.required': [],
  'region.bpsCode': ['code', 'dotted'],
  'region.noDots': ['code'],
  'region.malformed': ['code'],
  'region.village': ['code'],
  'region.unknown': ['code'],
  'region.wrongLevel': ['code', 'name', 'level', 'expected'],

  // The case and its steps.
  'case.notFound': [],
  'case.exists': ['stage'],
  'respondent.notFound': ['respondentId'],
  'stage.case': ['operation', 'stage', 'needed'],
  'stage.respondent': ['operation', 'respondentId', 'stage', 'needed'],
  'version.stale': ['version', 'expected'],
  'version.busy': ['attempts'],
  'command.otherCaller': [],
  'command.reused': ['command'],

  // Who may do what (case-access.ts, respondent-kinds.ts, the steps).
  'access.agency': ['agency', 'operation', 'allowed'],
  'access.region': ['agency', 'region', 'operation', 'regionCode'],
  'access.namedPpk': ['region', 'operation', 'ppkRegion'],
  'access.ppkNotAddressed': ['operation'],
  'access.handlingUnit': ['agency', 'region', 'operation', 'handlingUnit'],
  'access.employment': ['agency', 'operation', 'employment', 'allowed'],
  'access.kasnClosed': ['operation', 'closedOn'],
  'access.calendarPublisher': ['agency', 'region', 'allowed'],
  'access.escalation': ['agency', 'kind', 'allowed'],
  'access.extendStep': ['agency', 'step', 'allowed'],
  'access.nationalOverride': [],
  'access.auditReader': ['agency', 'region'],

  // Reporting (reporting/report-case.ts).
  'report.late': ['limitAt', 'receivedAt', 'clockFrom', 'clockField', 'days', 'unit', 'source', 'electionKind', 'policyVersion'],
  'report.originalReportOnlyFinding': [],
  'election.required': [],
  'election.year': ['minimum', 'maximum'],
  'reporter.notForFinding': [],
  'reporter.required': [],
  'reporter.email': [],
  'reporter.phone': [],
  'respondents.required': [],
  'respondents.tooMany': ['maximum'],
  'respondents.samePerson': ['identifier'],
  'respondent.wrongIdentifier': ['employment', 'expected', 'given'],

  // Study, recommendation, decision, decree, escalation, erasure.
  'findings.required': [],
  'findings.repeated': ['respondentId'],
  'findings.violationsNotForOutcome': ['outcome'],
  'findings.violationsRequired': ['respondentId'],
  'findings.missing': ['respondentIds'],
  'recommendation.kasnClosed': ['closedOn'],
  'recommendation.respondentsRequired': [],
  'recommendation.respondentsRepeated': [],
  'recommendation.recipient': ['respondentId', 'employment', 'recipients', 'recipient'],
  'decision.notForClear': [],
  'decision.ppkRequired': ['employment'],
  'decision.dueNotAfterDecision': [],
  'sanction.notForEmployment': ['sanction', 'employment', 'allowed'],
  'correction.unchanged': [],
  'deadline.notLater': ['dueAt'],
  'escalation.notForEmployment': ['kind', 'employment', 'allowed'],
  'escalation.notBlocked': ['respondentId'],
  'escalation.alreadyBlocked': ['respondentId'],
  'erasure.done': ['erasedAt'],

  // Documents (attaching-document/, the upload and download of src/api/documents).
  'document.notMultipart': [],
  'document.fileMissing': [],
  'document.oneFile': [],
  'document.empty': [],
  'document.tooLarge': ['maxBytes', 'maxMegabytes'],
  'document.type': ['allowed'],
  'document.notFound': ['documentId'],
  'document.erased': ['erasedAt'],
  // Generated letters (generating-letter/): no letter of that kind recorded for the track; its respondents changed meanwhile.
  'letter.notIssued': ['kind', 'respondentId', 'stage'],
  'letter.changed': ['respondentId'],

  // Importing an agency's register (src/import): the file, then each row's cells.
  'import.fileMissing': [],
  'import.fileType': [],
  'import.tooLarge': ['maxBytes', 'maxMegabytes'],
  'import.noHeader': ['required'],
  'import.noRows': [],
  'import.tooManyRows': ['maximum'],
  'import.confirmRequired': [],
  'import.confirmMismatch': ['importId'],
  'import.busy': [],
  'import.required': ['column'],
  'import.date': ['value'],
  'import.status': ['value', 'allowed'],
  'import.election': ['value'],
  'import.value': ['value', 'allowed'],
  'import.nipAsNumber': [],
  'import.caseDisagrees': ['column', 'row'],
  'import.sameCase': ['row'],
  'import.studiedTogether': ['row'],
  'import.newRespondent': ['respondents'],
  'import.registerTaken': ['caseId'],
  'erasure.legalHold': ['stage'],
  'overdue.notPast': ['respondentId', 'stage'],
  'overdue.moved': ['respondentId', 'dueAt', 'given'],
  'dueTime.none': ['respondentId', 'stage'],
  'dueTime.unchanged': ['respondentId'],

  // The holiday calendar and the deadline policy (deadlines/).
  'calendar.shape': [],
  'calendar.year': ['minimum', 'maximum'],
  'calendar.status': ['allowed'],
  'calendar.holidaysTooMany': ['maximum'],
  'calendar.dateOutsideYear': ['date', 'year'],
  'calendar.dateRepeated': ['date'],
  'calendar.day': [],
  'calendar.holidayName': ['date'],
  'calendar.holidayKind': ['allowed'],
  'calendar.unknownField': ['name', 'allowed'],
  'calendar.changed': [],
  'config.deadlinePolicy': [],

  // Reads, pages, filters and exports.
  'page.size': ['minimum', 'maximum'],
  'page.cursor': [],
  'inbox.notFound': ['ids'],
  'search.empty': [],
  'search.tooLong': ['maxLength', 'length'],
  'search.noLetterOrDigit': [],
  'read.asOfFuture': [],
  'filter.needsToken': ['allowed'],
  'filter.regionLevel': [],
  'filter.monthOrder': [],
  'filter.month': [],
  'export.unknownParameter': ['allowed'],
  'export.repeatedParameter': [],
  'export.wholeNumber': [],
  'export.boolean': [],
  'export.headers': [],
  'grpc.caseId': [],
  'grpc.position': [],
  'signIn.name': [],
} as const satisfies Record<string, readonly string[]>;

export type RefusalKey = keyof typeof REFUSALS;
export type RefusalParamValue = string | number | boolean | null;
export type RefusalParams<K extends RefusalKey> = { [P in (typeof REFUSALS)[K][number]]: RefusalParamValue };

/** The keys in a stable order, for catalogues and tests. */
export const REFUSAL_KEYS = Object.keys(REFUSALS) as RefusalKey[];
