import { Controller, Get, Global, Header, Inject, Module } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TerminusModule, type HealthIndicatorResult } from '@nestjs/terminus';
import { sql } from 'drizzle-orm';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { READ_DB, type ReadDb } from '../oversight/read-model/read-db';
import { NetraMetrics } from './metrics';

/** Readiness lives behind a token so the projection can report itself without a module cycle. */
export const PROJECTION_HEALTH = Symbol('PROJECTION_HEALTH');
export interface ProjectionHealth {
  readonly healthy: boolean;
  readonly position: bigint;
}

/** GET /health (= /health/ready), /health/live and GET /metrics; declared by the app module, which sees the projection. */
@Controller()
export class ObservabilityController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly metrics: NetraMetrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly readDb: ReadDb,
    @Inject(PROJECTION_HEALTH) private readonly projection: ProjectionHealth,
  ) {}

  /** Ready only when the event store and the read model answer and the projection runs. */
  @Get(['health', 'health/ready'])
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.probe('eventStore', () => this.store.ping()),
      () => this.probe('readModel', async () => void (await this.readDb.execute(sql`SELECT 1`))),
      () => this.probe('projection', async () => {
        if (!this.projection.healthy) throw new Error('the projection is not running');
      }),
    ]);
  }

  /** Alive: the process answers HTTP. An orchestrator restarts on this, never on readiness (a store outage is not cured by a restart). */
  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async scrape(): Promise<string> {
    this.metrics.projectedPosition.set(Number(this.projection.position));
    return this.metrics.registry.metrics();
  }

  private async probe(key: string, check: () => Promise<void>): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    try {
      await check();
      return session.up();
    } catch {
      return session.down();
    }
  }
}

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  providers: [NetraMetrics],
  exports: [NetraMetrics, TerminusModule],
})
export class ObservabilityModule {}
