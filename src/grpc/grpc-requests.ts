import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { CaseCommand } from '../case/case';
import type { CaseCommandMessage } from '../case/case-command';
import { messageFor } from '../case/case-command-messages';
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
import { uuidFrom } from '../event-store/event-id';
import { validationError } from '../graphql/graphql-errors';
import { fromProto, listFromProto } from './grpc-enums';

/**
 * gRPC requests to the domain's commands. The fields are GraphQL's inputs under proto names, checked
 * by the same class-validator rules, then decided by the same decider: the two transports cannot
 * disagree on what a field means.
 */

type Request = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const some = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);
const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);

async function checked<I extends object>(Input: ClassConstructor<I>, plain: object): Promise<void> {
  // As Nest's ValidationPipe does for GraphQL: inputs without rules (ElectionInput) are not "unknown values".
  const errors = await validate(plainToInstance(Input, plain) as object, { forbidUnknownValues: false });
  if (errors.length > 0) throw validationError(errors);
}

/** Builds the CommandBus message of a command after the GraphQL input's own checks. */
async function message(
  Input: ClassConstructor<object>,
  request: Request,
  command: (input: Record<string, unknown>) => CaseCommand,
  input: Record<string, unknown>,
): Promise<CaseCommandMessage> {
  const commandId = some(request.commandId);
  const expectedVersion = some(request.expectedVersion);
  await checked(Input, { ...input, caseId: request.caseId ?? '', commandId, expectedVersion });
  return messageFor(command(input), commandId ?? null, expectedVersion ?? null);
}

const step = (type: string, actor: Actor, request: Request) => (input: Record<string, unknown>) =>
  ({ type, actor, caseId: request.caseId ?? '', input }) as unknown as CaseCommand;

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
  // The same command id always opens the same case, so a retried report cannot open a second one.
  const caseId = commandId ? uuidFrom(`case:${commandId}`) : randomUUID();
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
