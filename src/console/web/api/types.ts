/**
 * The shapes of src/schema.graphql the console reads: generated into schema-types.ts (`npm run
 * console-types`), narrowed here to the fields api/documents.ts asks for.
 */
import type * as S from './schema-types';

export type { Caller, CalendarPublication, CalendarYear, DecreeCorrection, Holiday, NextStep, NextStepName, TimelineDetails, TimelineEntry } from './schema-types';

export type Ppk = S.PpkView;

/** A respondent's track as the case page reads it; identityWithheld: identity, region, letters and sanctions are null. */
export type FollowUp = Pick<
  S.FollowUp,
  | 'respondentId'
  | 'caseId'
  | 'identityWithheld'
  | 'name'
  | 'nip'
  | 'nrp'
  | 'nik'
  | 'employment'
  | 'position'
  | 'institution'
  | 'institutionRegionCode'
  | 'stage'
  | 'waitingOn'
  | 'since'
  | 'dueAt'
  | 'dueAtProvisional'
  | 'overdue'
  | 'daysLate'
  | 'daysWaiting'
  | 'outcome'
  | 'violations'
  | 'recommendationRecipient'
  | 'recommendationLetter'
  | 'recommendedAt'
  | 'recommendedSanction'
  | 'decidedBy'
  | 'decidedAt'
  | 'decisionLetter'
  | 'ppk'
  | 'ppkRegionCode'
  | 'executedSanction'
  | 'executedAt'
  | 'decreeNumber'
  | 'followUpStatus'
  | 'impossibleReason'
  | 'siasnBlocked'
  | 'latestEscalation'
  | 'decreeCorrection'
>;

/** The case page's case; reporter is null unless the caller is the handling Bawaslu unit (or above it). */
export type Case = Omit<S.Case, 'respondents'> & { respondents: FollowUp[] };

export type QueueRow = Pick<FollowUp, 'respondentId' | 'caseId' | 'identityWithheld' | 'name' | 'institution' | 'stage' | 'dueAt' | 'dueAtProvisional' | 'overdue' | 'daysLate' | 'daysWaiting'> & {
  ppk: Pick<S.PpkView, 'title'> | null;
};

export type CaseHeader = Pick<S.Case, 'id' | 'registerNumber' | 'handlingUnit' | 'handlingUnitName'>;
