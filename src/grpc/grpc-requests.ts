import type { CaseCommand } from '../case/case';
import type { CaseCommandMessage } from '../case/case-command';
import type { Actor } from '../case/decide-context';
import { DeclareFollowUpImpossibleInput } from '../case/declaring-impossible/declare-follow-up-impossible.input';
import { ErasePersonalDataInput } from '../case/erasing/erase-personal-data.input';
import { RecordEscalationInput } from '../case/escalating/record-escalation.input';
import { ExtendDeadlineInput } from '../case/extending-deadline/extend-deadline.input';
import { RecordSanctionExecutionInput } from '../case/executing-sanction/record-sanction-execution.input';
import { IssueRecommendationInput } from '../case/recommending/issue-recommendation.input';
import { ReportCaseInput } from '../case/reporting/report-case.input';
import { DecideSanctionInput } from '../case/sanctioning/decide-sanction.input';
import { RecordStudyInput } from '../case/studying/record-study.input';
import { reportedCaseId } from '../case/reporting/reported-case-id';
import { fromProto, listFromProto } from './grpc-enums';
import { commandMessage, some, stepOf, type GrpcRequest } from './grpc-step';

/**
 * gRPC requests to the domain's commands. The fields are GraphQL's inputs under proto names, checked
 * by the same class-validator rules, then decided by the same decider: the two transports cannot
 * disagree on what a field means.
 */

type Request = GrpcRequest;

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);
const message = commandMessage;
const step = stepOf;

export function reportCase(request: Request, actor: Actor): Promise<CaseCommandMessage> {
  const election = request.election ?? {};
  const input = {
    source: fromProto('CaseSource', request.source),
    election: { kind: fromProto('ElectionKind', election.kind), year: election.year ?? 0, regionCode: election.regionCode ?? '' },
    handlingUnit: request.handlingUnit ?? '',
    receivedAt: request.receivedAt ?? '',
    knownAt: request.knownAt ?? '',
    occurredAt: some(request.occurredAt) ?? null,
    place: some(request.place),
    summary: request.summary ?? '',
    violations: listFromProto('ViolationCode', request.violations) ?? [],
    respondents: (request.respondents ?? []).map((r: Request) => ({
      name: r.name ?? '',
      nip: some(r.nip),
      nrp: some(r.nrp),
      nik: some(r.nik),
      employment: fromProto('Employment', r.employment),
      position: some(r.position),
      institution: r.institution ?? '',
      institutionRegionCode: some(r.institutionRegionCode),
    })),
    reporter: request.reporter
      ? { name: request.reporter.name ?? '', address: some(request.reporter.address), phone: some(request.reporter.phone), email: some(request.reporter.email) }
      : undefined,
    evidence: nonEmpty(request.evidence),
    registerNumber: some(request.registerNumber),
  };
  const commandId: string | undefined = some(request.commandId);
  const caseId = reportedCaseId(actor, commandId);
  return message(ReportCaseInput, { ...request, caseId: undefined }, (i) => ({ type: 'ReportCase', actor, caseId, input: i }) as CaseCommand, input);
}

export function recordStudy(request: Request, actor: Actor): Promise<CaseCommandMessage> {
  return message(RecordStudyInput, request, step('RecordStudy', actor, request), {
    studiedAt: request.studiedAt ?? '',
    findings: (request.findings ?? []).map((f: Request) => ({
      respondentId: f.respondentId ?? '',
      outcome: fromProto('StudyOutcome', f.outcome),
      violations: nonEmpty(listFromProto('ViolationCode', f.violations)),
      note: some(f.note),
    })),
  });
}

export function issueRecommendation(request: Request, actor: Actor): Promise<CaseCommandMessage> {
  return message(IssueRecommendationInput, request, step('IssueRecommendation', actor, request), {
    respondentIds: request.respondentIds ?? [],
    recipient: fromProto('RecommendationRecipient', request.recipient),
    letterNumber: request.letterNumber ?? '',
    issuedAt: request.issuedAt ?? '',
  });
}

export function decideSanction(request: Request, actor: Actor): Promise<CaseCommandMessage> {
  return message(DecideSanctionInput, request, step('DecideSanction', actor, request), {
    respondentId: request.respondentId ?? '',
    decision: fromProto('SanctionDecision', request.decision),
    letterNumber: request.letterNumber ?? '',
    decidedAt: request.decidedAt ?? '',
    sanction: fromProto('SanctionKind', request.sanction),
    ppk: request.ppk ? { title: request.ppk.title ?? '', regionCode: request.ppk.regionCode ?? '' } : undefined,
    dueAt: some(request.dueAt) ?? null,
  });
}

export function recordSanctionExecution(request: Request, actor: Actor): Promise<CaseCommandMessage> {
  return message(RecordSanctionExecutionInput, request, step('RecordSanctionExecution', actor, request), {
    respondentId: request.respondentId ?? '',
    decreeNumber: request.decreeNumber ?? '',
    executedAt: request.executedAt ?? '',
    sanction: fromProto('SanctionKind', request.sanction),
  });
}

export function declareFollowUpImpossible(request: Request, actor: Actor): Promise<CaseCommandMessage> {
  return message(DeclareFollowUpImpossibleInput, request, step('DeclareFollowUpImpossible', actor, request), {
    respondentId: request.respondentId ?? '',
    reason: fromProto('ImpossibilityReason', request.reason),
    note: request.note ?? '',
    declaredAt: request.declaredAt ?? '',
  });
}

export function extendDeadline(request: Request, actor: Actor): Promise<CaseCommandMessage> {
  return message(ExtendDeadlineInput, request, step('ExtendDeadline', actor, request), {
    respondentId: request.respondentId ?? '',
    newDueAt: request.newDueAt ?? '',
    legalBasis: request.legalBasis ?? '',
  });
}

export function recordEscalation(request: Request, actor: Actor): Promise<CaseCommandMessage> {
  return message(RecordEscalationInput, request, step('RecordEscalation', actor, request), {
    respondentId: request.respondentId ?? '',
    kind: fromProto('EscalationKind', request.kind),
    letterNumber: request.letterNumber ?? '',
    escalatedAt: request.escalatedAt ?? '',
    note: some(request.note),
  });
}

export function erasePersonalData(request: Request, actor: Actor): Promise<CaseCommandMessage> {
  return message(ErasePersonalDataInput, request, step('ErasePersonalData', actor, request), {
    reason: request.reason ?? '',
    overrideLegalHold: some(request.overrideLegalHold),
  });
}
