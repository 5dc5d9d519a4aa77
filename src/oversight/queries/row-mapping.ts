import { agencyInItsTime } from '../../case/case-vocabulary';
import { regionName } from '../../case/validation/regions';
import type { CaseView, TimelineEntryView } from '../models/case.model';
import type { FollowUpView } from '../models/follow-up.model';
import type { TimelineDetailsView } from '../models/timeline-details.model';
import type { TimelineDetails } from '../projection/timeline-details';

/** Raw SQL rows (snake_case) to GraphQL views; figures that depend on "now" are computed here. */

type Row = Record<string, unknown>;
const DAY_MS = 86_400_000;
const d = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string));
const s = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export function toFollowUp(row: Row, now: Date): FollowUpView {
  const dueAt = d(row.due_at);
  const since = d(row.since)!;
  const waiting = row.waiting_on !== null;
  const late = waiting && dueAt !== null && dueAt < now;
  return {
    id: `${row.case_id}/${row.respondent_id}`,
    caseId: String(row.case_id),
    respondentId: String(row.respondent_id),
    identityWithheld: false,
    name: String(row.name),
    nip: s(row.nip),
    nrp: s(row.nrp),
    nik: s(row.nik),
    employment: String(row.employment),
    position: s(row.position),
    institution: String(row.institution),
    institutionRegionCode: s(row.institution_region),
    stage: String(row.stage),
    outcome: s(row.outcome),
    violations: row.violations as string[],
    waitingOn: agencyInItsTime(s(row.waiting_on), now),
    since,
    dueAt,
    dueAtProvisional: row.due_at_provisional === true,
    missingDocument: s(row.missing_document),
    overdue: late,
    overdueSince: d(row.overdue_since),
    overdueStep: s(row.overdue_step),
    latestEscalation: row.escalation_kind
      ? { kind: String(row.escalation_kind), letterNumber: String(row.escalation_letter), escalatedAt: d(row.escalated_at)!, escalatedBy: String(row.escalated_by) }
      : null,
    siasnBlocked: row.siasn_blocked === true,
    daysWaiting: waiting ? Math.round(((now.getTime() - since.getTime()) / DAY_MS) * 10) / 10 : null,
    daysLate: late ? Math.floor((now.getTime() - dueAt!.getTime()) / DAY_MS) : null,
    followUpStatus: s(row.follow_up_status),
    recommendationRecipient: s(row.recommendation_recipient),
    recommendationLetter: s(row.recommendation_letter),
    recommendedAt: d(row.recommended_at),
    decidedBy: s(row.decided_by),
    decisionLetter: s(row.decision_letter),
    decidedAt: d(row.decided_at),
    recommendedSanction: s(row.recommended_sanction),
    ppk: row.ppk_title
      ? { title: String(row.ppk_title), regionCode: String(row.ppk_region), regionName: regionName(String(row.ppk_region)) ?? null }
      : null,
    ppkRegionCode: s(row.ppk_region),
    executedSanction: s(row.executed_sanction),
    decreeNumber: s(row.decree_number),
    executedAt: d(row.executed_at),
    impossibleReason: s(row.impossible_reason),
    decreeCorrection: row.decree_correction_reason
      ? {
          reason: String(row.decree_correction_reason),
          correctedBy: String(row.decree_corrected_by),
          replacedDecreeNumber: String(row.replaced_decree_number),
          corrections: Number(row.decree_corrections),
        }
      : null,
    studyNote: s(row.study_note),
    trackVersion: Number(row.track_version),
    regionCode: String(row.region_code),
  };
}

/** A case without its lazily resolved parts (respondents, timeline, reporter). */
export function toCase(row: Row): Omit<CaseView, 'respondents' | 'timeline' | 'reporter'> {
  return {
    id: String(row.id),
    registerNumber: String(row.register_number),
    source: String(row.source),
    election: { kind: String(row.election_kind), year: Number(row.election_year), regionCode: String(row.election_region) },
    handlingUnit: String(row.handling_unit),
    handlingUnitName: regionName(String(row.handling_unit)) ?? null,
    stage: String(row.stage),
    receivedAt: d(row.received_at)!,
    knownAt: d(row.known_at)!,
    occurredAt: d(row.occurred_at),
    place: s(row.place),
    summary: String(row.summary),
    violations: row.violations as string[],
    evidence: row.evidence as string[],
    personalDataErasedAt: d(row.personal_data_erased_at),
    version: Number(row.version),
  };
}

/** `asOf`: an overdue record withdrawn after it still stands in the answer. */
export function toTimelineEntry(row: Row, asOf: Date | null = null): TimelineEntryView {
  const withdrawnAt = d(row.withdrawn_at);
  return {
    withdrawn: withdrawnAt !== null && (asOf === null || withdrawnAt <= asOf),
    version: Number(row.version),
    type: String(row.type),
    occurredAt: d(row.occurred_at)!,
    recordedAt: d(row.recorded_at)!,
    agency: String(row.agency),
    unit: s(row.unit),
    actorName: actorNameOf(row.details),
    description: String(row.description),
    details: detailsView(row.details),
  };
}

export const encodeCursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

export function decodeCursor(cursor: string, length: number): unknown[] | null {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(values) && values.length === length ? values : null;
  } catch {
    return null;
  }
}

/** The stored details with region names beside the codes and instants as dates; null on rows projected before details existed. */
export function detailsView(value: unknown): TimelineDetailsView | null {
  if (value === null || value === undefined) return null;
  const x = (typeof value === 'string' ? JSON.parse(value) : value) as TimelineDetails;
  const name = (code: string | undefined) => (code ? (regionName(code) ?? null) : null);
  return {
    respondentIds: x.respondentIds ?? [],
    withheld: x.withheld === true,
    actor: x.actor ?? null,
    source: x.source ?? null,
    handlingUnit: x.handlingUnit ?? null,
    handlingUnitName: name(x.handlingUnit),
    lateReport: x.lateReport ?? null,
    findings: x.findings ?? null,
    recipient: x.recipient ?? null,
    letterNumber: x.letterNumber ?? null,
    sanction: x.sanction ?? null,
    previousSanction: x.previousSanction ?? null,
    decreeNumber: x.decreeNumber ?? null,
    previousDecreeNumber: x.previousDecreeNumber ?? null,
    ppkTitle: x.ppkTitle ?? null,
    ppkRegionCode: x.ppkRegionCode ?? null,
    ppkRegionName: name(x.ppkRegionCode),
    followUpStatus: x.followUpStatus ?? null,
    impossibilityReason: x.impossibilityReason ?? null,
    step: x.step ?? null,
    waitingOn: x.waitingOn ?? null,
    dueAt: x.dueAt ? new Date(x.dueAt) : null,
    previousDueAt: x.previousDueAt ? new Date(x.previousDueAt) : null,
    escalation: x.escalation ?? null,
    legalHoldOverridden: x.legalHoldOverridden ?? null,
    calendarYear: x.calendarYear ?? null,
    provisional: x.provisional ?? null,
    withdrawalReason: x.withdrawalReason ?? null,
  };
}

/** The officer's name kept with a timeline line's data (projection `withActorName`). */
function actorNameOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const x = (typeof value === 'string' ? JSON.parse(value) : value) as { actorName?: unknown };
  return typeof x.actorName === 'string' ? x.actorName : null;
}
