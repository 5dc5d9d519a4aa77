import type { CaseCommand } from '../case';
import type { CaseCommandMessage } from '../case-command';
import type { Actor } from '../decide-context';
import { commandMessage, fromProto, listFromProto, some, type GrpcRequest, type GrpcStepMethod } from '../../grpc/grpc-step';
import { ReportCaseInput } from './report-case.input';
import { reportedCaseId } from './reported-case-id';

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);

/** netra.v1.ReportCaseRequest to the domain command, after the GraphQL input's own checks. */
export const reportCaseGrpc: GrpcStepMethod = { method: 'ReportCase', request };

function request(request: GrpcRequest, actor: Actor): Promise<CaseCommandMessage> {
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
    respondents: (request.respondents ?? []).map((r: GrpcRequest) => ({
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
  return commandMessage(ReportCaseInput, { ...request, caseId: undefined }, (i) => ({ type: 'ReportCase', actor, caseId, input: i }) as CaseCommand, input);
}
