import type { CaseCommandMessage } from '../case-command';
import type { Actor } from '../decide-context';
import { commandMessage, fromProto, some, stepOf, type GrpcRequest, type GrpcStepMethod } from '../../grpc/grpc-step';
import { RecordEscalationInput } from './record-escalation.input';

/** netra.v1.RecordEscalationRequest to the domain command, after the GraphQL input's own checks. */
export const recordEscalationGrpc: GrpcStepMethod = { method: 'RecordEscalation', request };

function request(request: GrpcRequest, actor: Actor): Promise<CaseCommandMessage> {
  return commandMessage(RecordEscalationInput, request, stepOf('RecordEscalation', actor, request), {
    respondentId: request.respondentId ?? '',
    kind: fromProto('EscalationKind', request.kind),
    letterNumber: request.letterNumber ?? '',
    escalatedAt: request.escalatedAt ?? '',
    note: some(request.note),
  });
}
