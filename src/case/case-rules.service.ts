import { Inject, Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { NETRA_CONFIG, type NetraConfig, ConfigError } from '../config/config';
import { DEFAULT_DEADLINE_POLICY, parseDeadlinePolicy, policyDeadline, policyReportingLimit, type DeadlinePolicy } from './deadlines/deadline-policy';
import { WorkingDayCalendar } from './deadlines/working-day-calendar';
import type { DecideContext } from './decide-context';

/** What decisions need from configuration: the deadline policy, the working-day calendar, the register template. */
@Injectable()
export class CaseRules {
  readonly policy: DeadlinePolicy;
  private readonly calendar = WorkingDayCalendar.indonesia();

  constructor(@Inject(NETRA_CONFIG) private readonly config: NetraConfig) {
    this.policy = config.deadlinePolicyFile ? loadPolicy(config.deadlinePolicyFile) : DEFAULT_DEADLINE_POLICY;
  }

  context(now: Date): DecideContext {
    return {
      now,
      deadline: policyDeadline(this.policy, this.calendar),
      reportingLimit: policyReportingLimit(this.policy, this.calendar),
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
