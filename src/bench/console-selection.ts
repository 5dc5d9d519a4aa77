/**
 * What a liaison's console asks back from every case mutation: a copy of CASE_FIELDS in
 * src/console/web/api/documents.ts (the server may not import the browser's code; a test holds the
 * two equal). The GraphQL phase sends it by default (`--graphql-selection=console`); `minimal` asks
 * `{ id version }` only, as the bench did until session 10.
 */

const FOLLOW_UP_FIELDS = `
  respondentId caseId identityWithheld name nip nrp nik employment position institution institutionRegionCode
  stage waitingOn since dueAt dueAtProvisional overdue daysLate daysWaiting outcome violations
  recommendationRecipient recommendationLetter recommendedAt recommendedSanction
  decidedBy decidedAt decisionLetter ppk { title regionCode regionName } ppkRegionCode
  executedSanction executedAt decreeNumber followUpStatus impossibleReason siasnBlocked
  latestEscalation { kind letterNumber escalatedAt escalatedBy }
  decreeCorrection { correctedBy corrections reason replacedDecreeNumber }`;

export const CONSOLE_CASE_FIELDS = `
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

export type GraphqlSelection = 'console' | 'minimal';

/** The selection set of a case mutation's answer. */
export const selectionOf = (selection: GraphqlSelection): string => (selection === 'console' ? CONSOLE_CASE_FIELDS : 'id version');
