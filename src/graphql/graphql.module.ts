import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from '../auth/auth.service';
import type { GraphqlContext } from '../auth/current-actor.decorator';
import { CaseError } from '../case/case-error';
import type { Logger } from 'pino';
import { LOGGER } from '../observability/logger';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';
import { NetraMetrics } from '../observability/metrics';
import { operationMetrics } from './operation-metrics';
import { DateTimeScalar } from './date-time.scalar';
import { formatGraphqlError } from './graphql-errors';
import { MAX_QUERY_DEPTH, MAX_QUERY_TOKENS, queryLimitRule } from './query-limits';
import { anonymousBudgetPlugin } from './anonymous-budget.plugin';
import { noStorePlugin } from './no-store.plugin';
import { AnonymousLimits } from '../security/anonymous-limits';
import { requestSignal } from '../security/request-signal';

export const NetraGraphqlModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [AuthModule],
  inject: [AuthService, LOGGER, NETRA_CONFIG, AnonymousLimits, NetraMetrics],
  useFactory: (auth: AuthService, logger: Logger, config: NetraConfig, limits: AnonymousLimits, metrics: NetraMetrics) => ({
    autoSchemaFile: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    sortSchema: true,
    path: '/graphql',
    playground: false,
    // The schema is public in src/schema.graphql; a production server need not hand its map to every caller.
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphqlError(logger),
    // Depth and cost are checked before anything runs (query-limits.ts); refusals are GRAPHQL_VALIDATION_FAILED.
    validationRules: [queryLimitRule({ maxDepth: MAX_QUERY_DEPTH, maxCost: config.queryCostLimit })],
    // A caller without a token: its address's rate limit and a smaller cost budget, before any read.
    // No per-field cache-control hook (no-store.plugin.ts says why): Apollo then runs resolvers unwrapped.
    plugins: [operationMetrics(metrics), anonymousBudgetPlugin(limits), ApolloServerPluginCacheControlDisabled(), noStorePlugin()],
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    context: async ({ req, res }: { req: Request; res: Response }): Promise<GraphqlContext> => {
      const request = { client: req.ip ?? req.socket.remoteAddress ?? 'unknown', signal: requestSignal(req, res) };
      try {
        return { actor: await auth.actorFrom(req.headers.authorization), authError: null, ...request };
      } catch (error) {
        if (error instanceof CaseError) return { actor: null, authError: error, ...request };
        throw error;
      }
    },
  }),
});
