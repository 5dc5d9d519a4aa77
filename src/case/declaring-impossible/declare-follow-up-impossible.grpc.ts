import type { CaseCommandMessage } from '../case-command';
import type { Actor } from '../decide-context';
import { commandMessage, fromProto, stepOf, type GrpcRequest, type GrpcStepMethod } from '../../grpc/grpc-step';
import { DeclareFollowUpImpossibleInput } from './declare-follow-up-impossible.input';

/** netra.v1.DeclareFollowUpImpossibleRequest to the domain command, after the GraphQL input's own checks. */
export const declareFollowUpImpossibleGrpc: GrpcStepMethod = { method: 'DeclareFollowUpImpossible', request };

function request(request: GrpcRequest, actor: Actor): Promise<CaseCommandMessage> {
  return commandMessage(DeclareFollowUpImpossibleInput, request, stepOf('DeclareFollowUpImpossible', actor, request), {
    respondentId: request.respondentId ?? '',
    reason: fromProto('ImpossibilityReason', request.reason),
    note: request.note ?? '',
    declaredAt: request.declaredAt ?? '',
  });
}
