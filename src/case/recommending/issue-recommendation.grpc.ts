import type { CaseCommandMessage } from '../case-command';
import type { Actor } from '../decide-context';
import { commandMessage, fromProto, stepOf, type GrpcRequest, type GrpcStepMethod } from '../../grpc/grpc-step';
import { IssueRecommendationInput } from './issue-recommendation.input';

/** netra.v1.IssueRecommendationRequest to the domain command, after the GraphQL input's own checks. */
export const issueRecommendationGrpc: GrpcStepMethod = { method: 'IssueRecommendation', request };

function request(request: GrpcRequest, actor: Actor): Promise<CaseCommandMessage> {
  return commandMessage(IssueRecommendationInput, request, stepOf('IssueRecommendation', actor, request), {
    respondentIds: request.respondentIds ?? [],
    recipient: fromProto('RecommendationRecipient', request.recipient),
    letterNumber: request.letterNumber ?? '',
    issuedAt: request.issuedAt ?? '',
  });
}
