import type { CaseCommandMessage } from '../case-command';
import type { Actor } from '../decide-context';
import { commandMessage, stepOf, type GrpcRequest, type GrpcStepMethod } from '../../grpc/grpc-step';
import { ExtendDeadlineInput } from './extend-deadline.input';

/** netra.v1.ExtendDeadlineRequest to the domain command, after the GraphQL input's own checks. */
export const extendDeadlineGrpc: GrpcStepMethod = { method: 'ExtendDeadline', request };

function request(request: GrpcRequest, actor: Actor): Promise<CaseCommandMessage> {
  return commandMessage(ExtendDeadlineInput, request, stepOf('ExtendDeadline', actor, request), {
    respondentId: request.respondentId ?? '',
    newDueAt: request.newDueAt ?? '',
    legalBasis: request.legalBasis ?? '',
  });
}
