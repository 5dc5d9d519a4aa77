import type { Actor } from '../decide-context';
import { commandMessage, fromProto, stepOf, type GrpcRequest, type GrpcStepMethod } from '../../grpc/grpc-step';
import { CorrectSanctionExecutionInput } from './correct-sanction-execution.input';

/** netra.v1.CorrectSanctionExecutionRequest to the domain command, after the GraphQL input's own checks. */
export function correctSanctionExecutionRequest(request: GrpcRequest, actor: Actor) {
  return commandMessage(CorrectSanctionExecutionInput, request, stepOf('CorrectSanctionExecution', actor, request), {
    respondentId: request.respondentId ?? '',
    decreeNumber: request.decreeNumber ?? '',
    executedAt: request.executedAt ?? '',
    sanction: fromProto('SanctionKind', request.sanction),
    reason: request.reason ?? '',
  });
}

export const correctSanctionExecutionGrpc: GrpcStepMethod = { method: 'CorrectSanctionExecution', request: correctSanctionExecutionRequest };
