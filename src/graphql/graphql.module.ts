import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from '../auth/auth.service';
import type { GraphqlContext } from '../auth/current-actor.decorator';
import { CaseError } from '../case/case-error';
import { DateTimeScalar } from './date-time.scalar';

export const NetraGraphqlModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [AuthModule],
  inject: [AuthService],
  useFactory: (auth: AuthService) => ({
    autoSchemaFile: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
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
