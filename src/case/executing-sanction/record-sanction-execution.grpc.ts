import type { CaseCommandMessage } from '../case-command';
import type { Actor } from '../decide-context';
import { commandMessage, fromProto, stepOf, type GrpcRequest, type GrpcStepMethod } from '../../grpc/grpc-step';
import { RecordSanctionExecutionInput } from './record-sanction-execution.input';

/** netra.v1.RecordSanctionExecutionRequest to the domain command, after the GraphQL input's own checks. */
export const recordSanctionExecutionGrpc: GrpcStepMethod = { method: 'RecordSanctionExecution', request };

function request(request: GrpcRequest, actor: Actor): Promise<CaseCommandMessage> {
  return commandMessage(RecordSanctionExecutionInput, request, stepOf('RecordSanctionExecution', actor, request), {
    respondentId: request.respondentId ?? '',
    decreeNumber: request.decreeNumber ?? '',
    executedAt: request.executedAt ?? '',
    sanction: fromProto('SanctionKind', request.sanction),
  });
}
