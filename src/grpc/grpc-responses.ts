import type { CaseView, ReporterView, TimelineEntryView } from '../oversight/models/case.model';
import type { FollowUpView } from '../oversight/models/follow-up.model';
import { listToProto, toProto } from './grpc-enums';

/** Read-side views to proto messages: the same content as GraphQL's `Case`, times as ISO-8601 UTC. */

const iso = (date: Date | string | null | undefined): string | undefined =>
  date === null || date === undefined ? undefined : new Date(date).toISOString();
const some = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

export interface FullCaseView extends Omit<CaseView, 'reporter'> {
  reporter: ReporterView | null;
}

export function caseMessage(view: FullCaseView) {
  return {
    id: view.id,
    registerNumber: view.registerNumber,
    source: toProto('CaseSource', view.source),
    election: { kind: toProto('ElectionKind', view.election.kind), year: view.election.year, regionCode: view.election.regionCode },
    handlingUnit: view.handlingUnit,
    handlingUnitName: some(view.handlingUnitName),
    stage: toProto('CaseStage', view.stage),
    receivedAt: iso(view.receivedAt),
    knownAt: iso(view.knownAt),
    occurredAt: iso(view.occurredAt),
    place: some(view.place),
    summary: view.summary,
    violations: listToProto('ViolationCode', view.violations),
    evidence: view.evidence,
    respondents: view.respondents.map(followUpMessage),
    reporter: view.reporter
      ? { name: view.reporter.name, address: some(view.reporter.address), phone: some(view.reporter.phone), email: some(view.reporter.email) }
      : undefined,
    version: view.version,
    timeline: view.timeline.map(timelineMessage),
    personalDataErasedAt: iso(view.personalDataErasedAt),
  };
}

export function followUpMessage(row: FollowUpView) {
  return {
    id: row.id,
    caseId: row.caseId,
    respondentId: row.respondentId,
    // proto3 strings have no null: a withheld identity is '' with identity_withheld set.
    name: row.name ?? '',
    nip: some(row.nip),
    nrp: some(row.nrp),
    nik: some(row.nik),
    employment: toProto('Employment', row.employment),
    position: some(row.position),
    institution: row.institution ?? '',
    institutionRegionCode: some(row.institutionRegionCode),
    stage: toProto('RespondentStage', row.stage),
    outcome: toProto('StudyOutcome', row.outcome),
    violations: listToProto('ViolationCode', row.violations),
    waitingOn: toProto('Agency', row.waitingOn),
    since: iso(row.since),
    dueAt: iso(row.dueAt),
    dueAtProvisional: row.dueAtProvisional,
    overdue: row.overdue,
    daysWaiting: some(row.daysWaiting),
    daysLate: some(row.daysLate),
    followUpStatus: toProto('FollowUpStatus', row.followUpStatus),
    recommendationRecipient: toProto('RecommendationRecipient', row.recommendationRecipient),
    recommendationLetter: some(row.recommendationLetter),
    recommendedAt: iso(row.recommendedAt),
    decidedBy: toProto('Agency', row.decidedBy),
    decisionLetter: some(row.decisionLetter),
    decidedAt: iso(row.decidedAt),
    recommendedSanction: toProto('SanctionKind', row.recommendedSanction),
    ppk: row.ppk ? { title: row.ppk.title, regionCode: row.ppk.regionCode, regionName: some(row.ppk.regionName) } : undefined,
    ppkRegionCode: some(row.ppkRegionCode),
    executedSanction: toProto('SanctionKind', row.executedSanction),
    decreeNumber: some(row.decreeNumber),
    executedAt: iso(row.executedAt),
    impossibleReason: toProto('ImpossibilityReason', row.impossibleReason),
    regionCode: row.regionCode ?? '',
    overdueSince: iso(row.overdueSince),
    overdueStep: toProto('DeadlineStep', row.overdueStep),
    latestEscalation: row.latestEscalation
      ? {
          kind: toProto('EscalationKind', row.latestEscalation.kind),
          letterNumber: row.latestEscalation.letterNumber,
          escalatedAt: iso(row.latestEscalation.escalatedAt),
          escalatedBy: toProto('Agency', row.latestEscalation.escalatedBy),
        }
      : undefined,
    siasnBlocked: row.siasnBlocked ?? false,
    identityWithheld: row.identityWithheld,
    decreeCorrection: row.decreeCorrection
      ? {
          reason: row.decreeCorrection.reason,
          correctedBy: toProto('Agency', row.decreeCorrection.correctedBy),
          replacedDecreeNumber: row.decreeCorrection.replacedDecreeNumber,
          corrections: row.decreeCorrection.corrections,
        }
      : undefined,
    studyNote: some(row.studyNote),
    trackVersion: row.trackVersion,
  };
}

export function timelineMessage(entry: TimelineEntryView) {
  return {
    version: entry.version,
    type: entry.type,
    occurredAt: iso(entry.occurredAt),
    recordedAt: iso(entry.recordedAt),
    agency: toProto('Agency', entry.agency),
    unit: some(entry.unit),
    description: entry.description,
  };
}
