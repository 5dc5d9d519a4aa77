import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import type { NetraMetrics } from '../observability/metrics';
import { trace } from '../observability/tracing';

/**
 * Count and time of each GraphQL operation by type and root field (not the client's operation name,
 * which is free text), with the first error code as the outcome. An operation refused before it was
 * resolved (parse or validation) is counted under field "-".
 */
export function operationMetrics(metrics: NetraMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, errors }) {
          const type = operation?.operation ?? 'unknown';
          const field = rootFieldOf(operation);
          const code = errors?.[0]?.extensions?.code;
          const outcome = errors && errors.length > 0 ? (typeof code === 'string' ? code : 'ERROR') : 'ok';
          metrics.graphqlOperations.inc({ type, field, outcome });
          // The request's span becomes the operation's: `graphql mutation reportCase`.
          const span = trace.getActiveSpan();
          span?.updateName(`graphql ${type} ${field}`);
          span?.setAttributes({ 'graphql.operation.type': type, 'graphql.field': field, 'netra.outcome': outcome });
          metrics.graphqlSeconds.observe({ type, field }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}

function rootFieldOf(operation: OperationDefinitionNode | undefined | null): string {
  const first = operation?.selectionSet.selections.find((selection) => selection.kind === 'Field');
  if (!first || first.kind !== 'Field') return '-';
  // Aliases are the client's; the field name is ours and comes from a fixed schema.
  return first.name.value;
}
