import type { CaseCommandMessage } from '../case-command';
import type { Actor } from '../decide-context';
import { commandMessage, fromProto, some, stepOf, type GrpcRequest, type GrpcStepMethod } from '../../grpc/grpc-step';
import { DecideSanctionInput } from './decide-sanction.input';

/** netra.v1.DecideSanctionRequest to the domain command, after the GraphQL input's own checks. */
export const decideSanctionGrpc: GrpcStepMethod = { method: 'DecideSanction', request };

function request(request: GrpcRequest, actor: Actor): Promise<CaseCommandMessage> {
  return commandMessage(DecideSanctionInput, request, stepOf('DecideSanction', actor, request), {
    respondentId: request.respondentId ?? '',
    decision: fromProto('SanctionDecision', request.decision),
    letterNumber: request.letterNumber ?? '',
    decidedAt: request.decidedAt ?? '',
    sanction: fromProto('SanctionKind', request.sanction),
    ppk: request.ppk ? { title: request.ppk.title ?? '', regionCode: request.ppk.regionCode ?? '' } : undefined,
    dueAt: some(request.dueAt) ?? null,
  });
}
