import { caseStage, waitingOn, type OpenedCase, type RespondentTrack } from '../../case/case';
import { missingDocument } from '../../case/case-state';
import { caseScope } from '../../case/case-access';
import { countingRegion } from '../figures/counting-region';
import type { cases, followUpVersions, followUps } from '../read-model/schema';

/** Read-model rows of one case, derived only from its folded state: a rebuild gives the same rows. */

const date = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

export function caseRow(state: OpenedCase, position: bigint): typeof cases.$inferInsert {
  return {
    id: state.caseId,
    registerNumber: state.registerNumber,
    source: state.source,
    electionKind: state.election.kind,
    electionYear: state.election.year,
    electionRegion: state.election.regionCode,
    handlingUnit: state.handlingUnit,
    stage: caseStage(state.respondents),
    receivedAt: new Date(state.receivedAt),
    knownAt: new Date(state.knownAt),
    occurredAt: date(state.occurredAt),
    place: state.place,
    summary: state.summary,
    violations: state.violations,
    evidence: state.evidence,
    scopeCodes: caseScope(state),
    personalDataErasedAt: date(state.personalDataErasedAt),
    version: state.version,
    position,
  };
}

export function scopeCodes(state: OpenedCase): string[] {
  const codes = new Set<string>([state.handlingUnit]);
  for (const r of state.respondents) {
    if (r.decision?.ppk) codes.add(r.decision.ppk.regionCode);
    if (r.institutionRegionCode) codes.add(r.institutionRegionCode);
  }
  return [...codes].sort();
}

/** From a state folded from opened events (personal values readable, or the erased marker). */
export function followUpRow(state: OpenedCase, track: RespondentTrack): typeof followUps.$inferInsert {
  const row = trackRow(state, track) as typeof followUps.$inferInsert;
  row.nip = track.nip;
  row.nrp = track.nrp ?? null;
  row.nik = track.nik ?? null;
  return row;
}

/** The track's row as its history keeps it: without the NIP, which only the current row holds until erasure. */
export function followUpVersionRow(state: OpenedCase, track: RespondentTrack): Omit<typeof followUpVersions.$inferInsert, 'caseVersion' | 'validFrom' | 'logPosition'> {
  return trackRow(state, track);
}

/**
 * Every column of the track's row but the identifiers (NIP, NRP, NIK): built once for both rows
 * instead of the current row copied without them (a copy per track version was a rebuild's cost).
 */
function trackRow(state: OpenedCase, track: RespondentTrack): Omit<typeof followUps.$inferInsert, 'nip' | 'nrp' | 'nik'> {
  const counted = countingRegion(state, track);
  return {
    caseId: state.caseId,
    respondentId: track.respondentId,
    name: track.name,
    employment: track.employment,
    position: track.position,
    institution: track.institution,
    institutionRegion: track.institutionRegionCode,
    stage: track.stage,
    waitingOn: waitingOn(track),
    since: new Date(track.since),
    dueAt: date(track.dueAt),
    dueAtProvisional: track.dueAtProvisional === true,
    followUpStatus: track.followUpStatus,
    outcome: track.outcome,
    violations: track.findingViolations.length > 0 ? track.findingViolations : state.violations,
    recommendationRecipient: track.recommendation?.recipient ?? null,
    recommendationLetter: track.recommendation?.letterNumber ?? null,
    recommendedAt: date(track.recommendation?.issuedAt),
    decidedBy: track.decision?.decidedBy ?? null,
    decisionLetter: track.decision?.letterNumber ?? null,
    decidedAt: date(track.decision?.decidedAt),
    recommendedSanction: track.decision?.sanction ?? null,
    ppkTitle: track.decision?.ppk?.title ?? null,
    ppkRegion: track.decision?.ppk?.regionCode ?? null,
    executedSanction: track.execution?.sanction ?? null,
    decreeNumber: track.execution?.decreeNumber ?? null,
    executedAt: date(track.execution?.executedAt),
    impossibleReason: track.impossibility?.reason ?? null,
    // States folded before the deadline process existed lack these fields.
    overdueSince: date(track.overdueSince),
    overdueStep: track.overdueFor ?? null,
    escalationKind: track.escalation?.kind ?? null,
    escalationLetter: track.escalation?.letterNumber ?? null,
    escalatedAt: date(track.escalation?.escalatedAt),
    escalatedBy: track.escalation?.escalatedBy ?? null,
    siasnBlocked: track.siasnBlocked === true,
    studyNote: track.findingNote ?? null,
    decreeCorrectionReason: track.executionCorrection?.reason ?? null,
    decreeCorrectedBy: track.executionCorrection?.correctedBy ?? null,
    replacedDecreeNumber: track.executionCorrection?.replacedDecreeNumber ?? null,
    decreeCorrections: track.executionCorrection?.corrections ?? 0,
    // States folded before tracks kept their version: the case version is a safe upper bound.
    trackVersion: track.trackVersion ?? state.version,
    missingDocument: missingDocument(track),
    regionCode: counted.regionCode,
    provinceCode: counted.provinceCode,
    regencyCode: counted.regencyCode,
    electionKind: state.election.kind,
    electionYear: state.election.year,
    handlingUnit: state.handlingUnit,
    caseReceivedAt: new Date(state.receivedAt),
  };
}
