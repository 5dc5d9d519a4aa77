import { Inject, Injectable, Optional } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { NETRA_CONFIG, type NetraConfig, ConfigError } from '../config/config';
import { CalendarService } from './calendar/calendar.service';
import { countDue, DEFAULT_DEADLINE_POLICY, parseDeadlinePolicy, policyDeadline, policyReportingLimit, type DeadlinePolicy } from './deadlines/deadline-policy';
import { WorkingDayCalendar } from './deadlines/working-day-calendar';
import type { DecideContext } from './decide-context';

/** What decisions need from configuration: the deadline policy, the working-day calendar in force, the register template. */
@Injectable()
export class CaseRules {
  readonly policy: DeadlinePolicy;
  private readonly bundled = WorkingDayCalendar.indonesia();

  constructor(
    @Inject(NETRA_CONFIG) private readonly config: NetraConfig,
    /** The calendar in force (files and publications); without it (the demo's offline history) the bundled files. */
    @Optional() private readonly calendars?: CalendarService,
  ) {
    this.policy = config.deadlinePolicyFile ? loadPolicy(config.deadlinePolicyFile) : DEFAULT_DEADLINE_POLICY;
  }

  get calendar(): WorkingDayCalendar {
    return this.calendars?.current ?? this.bundled;
  }

  context(now: Date): DecideContext {
    const calendar = this.calendar;
    return {
      now,
      deadline: policyDeadline(this.policy, calendar),
      reportingLimit: policyReportingLimit(this.policy, calendar),
      recount: (start, days, unit) => countDue(start, days, unit, calendar),
      registerNumber: ({ caseId, source, handlingUnit, receivedAt }) =>
        this.config.registerNumberTemplate
          .replace('{source}', source === 'REPORT' ? 'LP' : 'TM')
          .replace('{unit}', handlingUnit)
          .replace('{year}', String(receivedAt.getUTCFullYear()))
          .replace('{id}', caseId.slice(0, 8).toUpperCase()),
    };
  }
}

function loadPolicy(file: string): DeadlinePolicy {
  try {
    return parseDeadlinePolicy(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('DEADLINE_POLICY_FILE', error instanceof Error ? error.message : String(error));
  }
}
