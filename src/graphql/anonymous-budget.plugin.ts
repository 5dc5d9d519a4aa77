import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, TypeInfo, ValidationContext } from 'graphql';
import type { GraphqlContext } from '../auth/current-actor.decorator';
import { AnonymousLimits } from '../security/anonymous-limits';
import { RateLimitedError } from '../security/mutation-rate-limit';
import { operationCost } from './query-limits';

/**
 * Before anything runs for a caller without a token: one request off its address's budget, then
 * the operation's cost against the anonymous limit. Both refusals come before any read.
 */
export function anonymousBudgetPlugin(limits: AnonymousLimits): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema, operation }) {
          if (contextValue.actor !== null || contextValue.authError !== null || !operation) return;
          try {
            limits.take(contextValue.client ?? 'unknown');
          } catch (error) {
            if (!(error instanceof RateLimitedError)) throw error;
            throw new GraphQLError(error.message, {
              extensions: {
                code: 'RATE_LIMITED',
                retryAfterSeconds: error.retryAfterSeconds,
                http: { status: 429, headers: new Map([['retry-after', String(error.retryAfterSeconds)]]) },
              },
            });
          }
          const cost = operationCost(new ValidationContext(schema, document, new TypeInfo(schema), () => {}), operation);
          if (cost > limits.maxCost) {
            throw new GraphQLError(`this ${operation.operation} would cost about ${Math.round(cost)}; without a token the limit is ${limits.maxCost} (ask for fewer aliases or groupings, or send a token)`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
