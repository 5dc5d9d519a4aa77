import type { CaseCommandMessage } from '../case-command';
import type { Actor } from '../decide-context';
import { commandMessage, fromProto, listFromProto, some, stepOf, type GrpcRequest, type GrpcStepMethod } from '../../grpc/grpc-step';
import { RecordStudyInput } from './record-study.input';

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);

/** netra.v1.RecordStudyRequest to the domain command, after the GraphQL input's own checks. */
export const recordStudyGrpc: GrpcStepMethod = { method: 'RecordStudy', request };

function request(request: GrpcRequest, actor: Actor): Promise<CaseCommandMessage> {
  return commandMessage(RecordStudyInput, request, stepOf('RecordStudy', actor, request), {
    studiedAt: request.studiedAt ?? '',
    findings: (request.findings ?? []).map((f: GrpcRequest) => ({
      respondentId: f.respondentId ?? '',
      outcome: fromProto('StudyOutcome', f.outcome),
      violations: nonEmpty(listFromProto('ViolationCode', f.violations)),
      note: some(f.note),
    })),
  });
}
