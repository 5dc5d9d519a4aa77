import { Controller, Get, Global, Inject, Module, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TerminusModule, type HealthIndicatorResult } from '@nestjs/terminus';
import { sql } from 'drizzle-orm';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { READ_DB, type ReadDb } from '../storage/read-db';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';
import { CALENDAR_HEALTH, PROJECTION_HEALTH, type CalendarHealth, type ProjectionHealth } from './health';
import { metricsAccess } from './metrics-access';
import { NetraMetrics } from './metrics';

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
    @Inject(CALENDAR_HEALTH) private readonly calendar: CalendarHealth,
    @Inject(NETRA_CONFIG) private readonly config: NetraConfig,
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
      // Up even when it warns: a provisional calendar makes due times uncertain, not the service unready.
      async () => {
        const session = this.indicator.check('calendar');
        try {
          return session.up({ ...(await this.calendar.status()) });
        } catch {
          return session.down();
        }
      },
    ]);
  }

  /** Alive: the process answers HTTP. An orchestrator restarts on this, never on readiness (a store outage is not cured by a restart). */
  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  @Get('metrics')
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    const access = metricsAccess(this.config, req.headers.authorization, false);
    if (access === 'not-here') return void res.status(404).json({ statusCode: 404, message: 'Not Found' });
    if (access === 'unauthorized') {
      return void res.status(401).setHeader('WWW-Authenticate', 'Bearer').json({ statusCode: 401, message: 'GET /metrics needs the METRICS_TOKEN bearer token' });
    }
    res.status(200).setHeader('Content-Type', 'text/plain; version=0.0.4').send(await this.figures());
  }

  /** The Prometheus text, also for the separate listener on METRICS_PORT. */
  async figures(): Promise<string> {
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
