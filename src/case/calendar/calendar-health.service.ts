import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { CLOCK, type Clock } from '../../config/clock';
import { LOGGER } from '../../observability/logger';
import type { CalendarHealth } from '../../observability/health';
import { READ_DB, type ReadDb } from '../../storage/read-db';
import { calendarStatus, type CalendarStatusReport } from '../deadlines/calendar-status';
import { CalendarService } from './calendar.service';

/** The calendar's state for /health and the start-up log: a warning, never a reason to refuse traffic. */
@Injectable()
export class CalendarHealthService implements CalendarHealth, OnApplicationBootstrap {
  constructor(
    private readonly calendar: CalendarService,
    @Inject(READ_DB) private readonly db: ReadDb,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const status = await this.status();
    if (status.warning) this.logger.warn({ calendar: status }, `holiday calendar: ${status.warning}`);
  }

  async status(): Promise<CalendarStatusReport> {
    const result = await this.db.execute(sql`SELECT count(*) AS n FROM rm_follow_ups WHERE waiting_on IS NOT NULL AND due_at_provisional`);
    const provisional = Number((result as unknown as { rows: Array<{ n: unknown }> }).rows[0].n);
    return calendarStatus(this.calendar.current, this.clock(), provisional);
  }
}
