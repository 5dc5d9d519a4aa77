import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CALENDAR_HEALTH } from '../observability/health';
import { CalendarHealthService } from './calendar/calendar-health.service';
import { CalendarRecount } from './calendar/calendar-recount.service';
import { CalendarService } from './calendar/calendar.service';
import { CaseCommandHandler } from './case-command.handler';
import { CaseCommands } from './case-commands.service';
import { CaseRules } from './case-rules.service';
import { CaseRepository } from './case.repository';
import { OverdueScheduler } from './overdue/overdue-scheduler.service';

/**
 * The write side: the command gateway, the one handler of every step's command, and the deadline and calendar
 * processes. It reads nothing of the read model but through the ports beside the processes, which
 * OversightModule provides; the mutations are wired by CaseApiModule (src/api).
 */
@Module({
  imports: [CqrsModule],
  providers: [
    CaseRules,
    CaseRepository,
    CaseCommands,
    CaseCommandHandler,
    OverdueScheduler,
    CalendarService,
    CalendarRecount,
    CalendarHealthService,
    { provide: CALENDAR_HEALTH, useExisting: CalendarHealthService },
  ],
  exports: [CaseCommands, CaseRules, CalendarService, CalendarRecount, CALENDAR_HEALTH],
})
export class CaseModule {}
