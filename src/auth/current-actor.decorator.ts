import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { CaseError } from '../case/case-error';
import type { Actor } from '../case/decide-context';

/** What each GraphQL request carries: the verified caller, or why its credentials were refused. */
export interface GraphqlContext {
  actor: Actor | null;
  authError: CaseError | null;
  /** The client's address (after TRUST_PROXY): the key of the anonymous rate limit. */
  client?: string;
  /** Aborted when the client goes away before the answer is sent: reads stop. */
  signal?: AbortSignal;
}

function actorOf(context: ExecutionContext, optional: boolean): Actor | null {
  const gql = GqlExecutionContext.create(context).getContext<GraphqlContext>();
  if (gql.authError) throw gql.authError;
  if (!gql.actor && !optional) throw new CaseError('UNAUTHENTICATED', 'this operation needs a bearer token');
  return gql.actor;
}

/** The calling unit; UNAUTHENTICATED without a valid token. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext) => actorOf(context, false));

/** The calling unit or null for anonymous callers (aggregates only). */
export const OptionalActor = createParamDecorator((_: unknown, context: ExecutionContext) => actorOf(context, true));
