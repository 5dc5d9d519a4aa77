import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one process; a registry per app so tests can start several. */
export class NetraMetrics {
  readonly registry = new Registry();
  readonly commands = new Counter({
    name: 'netra_commands_total',
    help: 'Case commands handled, by command and outcome (ok or an error code)',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly commandSeconds = new Histogram({
    name: 'netra_command_duration_seconds',
    help: 'Time from command received to events appended',
    labelNames: ['command'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly projectedPosition = new Gauge({
    name: 'netra_projection_position',
    help: 'Last global log position applied to the read model',
    registers: [this.registry],
  });
  readonly projectedEvents = new Counter({
    name: 'netra_projection_events_total',
    help: 'Events applied to the read model by this process',
    registers: [this.registry],
  });

  readonly publicFigures = new Counter({
    name: 'netra_public_figures_total',
    help: 'Anonymous followUpSummary requests by how they were served: computed, shared (waited for the same computation), cached, not_modified (304)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly summaryReads = new Counter({
    name: 'netra_summary_reads_total',
    help: 'followUpSummary reads (GraphQL and exports) by outcome: answered, ClientGoneError (the client went away, work stopped), ReadTimeoutError, …',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly anonymousCells = new Counter({
    name: 'netra_anonymous_cells_total',
    help: 'Small-cell protected cells behind anonymous figures: formed (read every ASN person and protected each cell, one at a time) or reused (same read-model position, no due time passed since)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly anonymousGate = new Counter({
    name: 'netra_anonymous_gate_total',
    help: 'Requests without a token at the anonymous gate: admitted at once, queued (waited for a turn), refused (queue full or waited too long: RATE_LIMITED)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly httpRequests = new Counter({
    name: 'netra_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpSeconds = new Histogram({
    name: 'netra_http_request_duration_seconds',
    help: 'Time from request received to response finished, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });
  readonly graphqlOperations = new Counter({
    name: 'netra_graphql_operations_total',
    help: 'GraphQL operations answered, by operation type, root field and outcome (ok or the first error code)',
    labelNames: ['type', 'field', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly graphqlSeconds = new Histogram({
    name: 'netra_graphql_operation_duration_seconds',
    help: 'Time from GraphQL request parsed to response ready, by operation type and root field',
    labelNames: ['type', 'field'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });

  readonly grpcCalls = new Counter({
    name: 'netra_grpc_calls_total',
    help: 'gRPC calls answered, by method (its full path) and status code (OK, INVALID_ARGUMENT, …)',
    labelNames: ['method', 'code'] as const,
    registers: [this.registry],
  });
  readonly grpcSeconds = new Histogram({
    name: 'netra_grpc_call_duration_seconds',
    help: 'Time from gRPC call received to status sent, by method (a WatchEvents stream: its whole life)',
    labelNames: ['method'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'netra_' });
  }
}
