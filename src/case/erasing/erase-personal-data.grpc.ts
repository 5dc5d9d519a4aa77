import type { CaseCommandMessage } from '../case-command';
import type { Actor } from '../decide-context';
import { commandMessage, some, stepOf, type GrpcRequest, type GrpcStepMethod } from '../../grpc/grpc-step';
import { ErasePersonalDataInput } from './erase-personal-data.input';

/** netra.v1.ErasePersonalDataRequest to the domain command, after the GraphQL input's own checks. */
export const erasePersonalDataGrpc: GrpcStepMethod = { method: 'ErasePersonalData', request };

function request(request: GrpcRequest, actor: Actor): Promise<CaseCommandMessage> {
  return commandMessage(ErasePersonalDataInput, request, stepOf('ErasePersonalData', actor, request), {
    reason: request.reason ?? '',
    overrideLegalHold: some(request.overrideLegalHold),
  });
}
