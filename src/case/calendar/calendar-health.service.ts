import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { CLOCK, type Clock } from '../../config/clock';
import { LOGGER } from '../../observability/logger';
import type { CalendarHealth } from '../../observability/health';
import { calendarStatus, type CalendarStatusReport } from '../deadlines/calendar-status';
import { CALENDAR_READS, type CalendarReads } from './calendar-reads.port';
import { CalendarService } from './calendar.service';

/** The calendar's state for /health and the start-up log: a warning, never a reason to refuse traffic. */
@Injectable()
export class CalendarHealthService implements CalendarHealth, OnApplicationBootstrap {
  constructor(
    private readonly calendar: CalendarService,
    @Inject(CALENDAR_READS) private readonly reads: CalendarReads,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const status = await this.status();
    if (status.warning) this.logger.warn({ calendar: status }, `holiday calendar: ${status.warning}`);
  }

  async status(): Promise<CalendarStatusReport> {
    const provisional = await this.reads.provisionalDueTimes();
    return calendarStatus(this.calendar.current, this.clock(), provisional);
  }
}
