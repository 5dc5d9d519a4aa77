import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from '../auth/auth.service';
import type { GraphqlContext } from '../auth/current-actor.decorator';
import { CaseError } from '../case/case-error';
import type { Logger } from 'pino';
import { LOGGER } from '../observability/logger';
import { NetraMetrics } from '../observability/metrics';
import { operationMetrics } from './operation-metrics';
import { DateTimeScalar } from './date-time.scalar';
import { formatGraphqlError } from './graphql-errors';
import { MAX_QUERY_TOKENS, queryLimitRule } from './query-limits';

export const NetraGraphqlModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [AuthModule],
  inject: [AuthService, LOGGER, NetraMetrics],
  useFactory: (auth: AuthService, logger: Logger, metrics: NetraMetrics) => ({
    autoSchemaFile: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphqlError(logger),
    plugins: [operationMetrics(metrics)],
    // Depth and cost are checked before anything runs (query-limits.ts); refusals are GRAPHQL_VALIDATION_FAILED.
    validationRules: [queryLimitRule()],
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    context: async ({ req }: { req: Request }): Promise<GraphqlContext> => {
      try {
        return { actor: await auth.actorFrom(req.headers.authorization), authError: null };
      } catch (error) {
        if (error instanceof CaseError) return { actor: null, authError: error };
        throw error;
      }
    },
  }),
});
