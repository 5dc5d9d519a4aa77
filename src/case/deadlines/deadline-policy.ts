import { badInput } from '../case-error';
import type { DeadlineApplied } from '../case-records';
import { WorkingDayCalendar } from './working-day-calendar';
import { addDays, endOfWibDay, wibDayOf } from './wib';

export type ElectionKind = 'PILKADA' | 'PEMILU';
/** The step whose clock runs: Bawaslu's study, its recommendation, BKN/KASN's decision, the PPK's execution. */
export type DeadlineStep = 'STUDY' | 'RECOMMENDATION' | 'SANCTION_DECISION' | 'EXECUTION';
export type DeadlineUnit = 'CALENDAR' | 'WORKING';

export interface DeadlineRule {
  days: number;
  unit: DeadlineUnit;
  /** The legal basis, or why there is none; shown to officers beside the due date. */
  basis: string;
  /** True only when a statute or regulation sets this count; false marks a setting, not law. */
  confirmed: boolean;
}

/** Who brought the case: an outside reporter's laporan, or Bawaslu's own temuan. */
export type ReportingSource = 'REPORT' | 'FINDING';
export const REPORTING_SOURCES: readonly ReportingSource[] = ['REPORT', 'FINDING'];

export interface DeadlinePolicy {
  version: string;
  rules: Record<ElectionKind, Record<DeadlineStep, DeadlineRule>>;
  /** How long after the violation became known a case may still be registered; absent = no limit. */
  reporting: Record<ElectionKind, Partial<Record<ReportingSource, DeadlineRule>>>;
}

export const ELECTION_KINDS: readonly ElectionKind[] = ['PILKADA', 'PEMILU'];
export const DEADLINE_STEPS: readonly DeadlineStep[] = ['STUDY', 'RECOMMENDATION', 'SANCTION_DECISION', 'EXECUTION'];
const UNITS: readonly DeadlineUnit[] = ['CALENDAR', 'WORKING'];
const MAX_DAYS = 366;

/** Settings where no statute was found; the same for Pilkada and Pemilu. */
const UNCONFIRMED_STEPS: Record<Exclude<DeadlineStep, 'STUDY'>, DeadlineRule> = {
  RECOMMENDATION: {
    days: 7,
    unit: 'CALENDAR',
    basis:
      'Setting, not law: no statute found for how soon Bawaslu forwards its recommendation to KASN/BKN after the plenary; 7 calendar days by default.',
    confirmed: false,
  },
  SANCTION_DECISION: {
    days: 7,
    unit: 'CALENDAR',
    basis:
      'Setting, not law: borrowed from the 2024 shared system (SBT), where the neutrality task force (Satgas) verifies within 7 days; unit unconfirmed.',
    confirmed: false,
  },
  EXECUTION: {
    days: 14,
    unit: 'CALENDAR',
    basis:
      'Setting, not law: no statutory day count was found for the PPK to execute a sanction recommendation; 14 calendar days by default.',
    confirmed: false,
  },
};

/** shared/DOMAIN.md §4. */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = deepFreeze({
  version: 'default-2025.1',
  rules: {
    PILKADA: {
      STUDY: {
        days: 5,
        unit: 'CALENDAR',
        basis:
          'UU 1/2015 as amended, Pasal 134: Bawaslu decides within 3 days of receiving the report, plus 2 days when it asks for more information. Reading these as calendar days is unconfirmed.',
        confirmed: true,
      },
      ...UNCONFIRMED_STEPS,
    },
    PEMILU: {
      STUDY: {
        days: 14,
        unit: 'WORKING',
        basis:
          'UU 7/2017, Pasal 454: Bawaslu decides within 7 days after registration, extendable up to 14 working days.',
        confirmed: true,
      },
      ...UNCONFIRMED_STEPS,
    },
  },
  reporting: {
    PILKADA: {
      REPORT: {
        days: 7,
        unit: 'CALENDAR',
        basis:
          'UU 1/2015 as amended, Pasal 134: a report is filed within 7 days of the violation becoming known. Reading these as calendar days is unconfirmed; no separate limit for a finding (temuan) was found.',
        confirmed: true,
      },
    },
    PEMILU: {
      REPORT: {
        days: 7,
        unit: 'WORKING',
        basis: 'UU 7/2017, Pasal 454: a report is filed within 7 working days of the violation becoming known.',
        confirmed: true,
      },
      FINDING: {
        days: 7,
        unit: 'CALENDAR',
        basis: 'UU 7/2017, Pasal 454: a finding (temuan) is registered within 7 days of the violation being found.',
        confirmed: true,
      },
    },
  },
});

export function deadlineRule(policy: DeadlinePolicy, kind: ElectionKind, step: DeadlineStep): DeadlineRule {
  return policy.rules[kind][step];
}

/**
 * The due time a policy gives a step, with the record of which rule gave it: the event that sets the
 * due date stores both, so a later policy never rewrites it (evolve reads the event, not the policy).
 * `provisional` says the count ran through a year whose holiday decree is not in the calendar yet.
 */
export function policyDeadline(policy: DeadlinePolicy, calendar: WorkingDayCalendar) {
  return (kind: ElectionKind, step: DeadlineStep, start: Date): { dueAt: Date; applied: DeadlineApplied } => {
    const rule = deadlineRule(policy, kind, step);
    const counted = countDue(start, rule.days, rule.unit, calendar);
    return {
      dueAt: counted.dueAt,
      applied: { policyVersion: policy.version, days: rule.days, unit: rule.unit, basis: rule.basis, provisional: counted.provisional },
    };
  };
}

/**
 * The last instant a case from `source` may be registered for a violation that became known at
 * `knownAt`, with the rule that set it; null when the policy sets no limit for it.
 */
export function policyReportingLimit(policy: DeadlinePolicy, calendar: WorkingDayCalendar) {
  return (kind: ElectionKind, source: ReportingSource, knownAt: Date): { limitAt: Date; applied: DeadlineApplied } | null => {
    const rule = policy.reporting[kind][source];
    if (!rule) return null;
    return {
      limitAt: dueAt(knownAt, rule, calendar),
      applied: { policyVersion: policy.version, days: rule.days, unit: rule.unit, basis: rule.basis },
    };
  };
}

/**
 * The last instant a step is on time: 23:59:59.999 WIB of the Nth calendar day, or the Nth working
 * day, after the WIB day on which `start` falls (the start day itself never counts).
 */
export function dueAt(start: Date, rule: Pick<DeadlineRule, 'days' | 'unit'>, calendar: WorkingDayCalendar): Date {
  return countDue(start, rule.days, rule.unit, calendar).dueAt;
}

/** The due time and whether it may still move: a working-day count through a year the calendar does not fully cover. */
export function countDue(start: Date, days: number, unit: DeadlineUnit, calendar: WorkingDayCalendar): { dueAt: Date; provisional: boolean } {
  if (Number.isNaN(start.getTime())) throw new RangeError('deadline start is not a valid date');
  const startDay = wibDayOf(start);
  if (unit !== 'WORKING') return { dueAt: endOfWibDay(addDays(startDay, days)), provisional: false };
  const dueDay = calendar.nthWorkingDayAfter(startDay, days);
  return { dueAt: endOfWibDay(dueDay), provisional: !calendar.coversSpan(startDay, dueDay) };
}

/**
 * An administrator's policy (parsed JSON or JSON text) merged onto the default: `version` is
 * required; each rule given must name `days`, `unit` and `basis`, and counts as unconfirmed unless
 * it says `confirmed: true`. Unknown election kinds, steps or fields are refused, so a typo never
 * silently leaves the default in force.
 */
export function parseDeadlinePolicy(
  json: unknown,
  field = 'deadlinePolicy',
  base: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): DeadlinePolicy {
  const input = typeof json === 'string' ? parseJson(json, field) : json;
  const root = asObject(input, field, 'the deadline policy must be an object { version, rules }');
  refuseUnknownKeys(root, ['version', 'rules', 'reporting'], field);
  if (typeof root.version !== 'string' || root.version.trim() === '') {
    throw badInput(`${field}.version`, 'the deadline policy needs a version name, e.g. "2025-02-bawaslu"', 'config.deadlinePolicy');
  }
  const rules = structuredClone(base.rules) as DeadlinePolicy['rules'];
  if (root.rules !== undefined) {
    const byKind = asObject(root.rules, `${field}.rules`, 'rules must be an object keyed by PILKADA / PEMILU');
    refuseUnknownKeys(byKind, ELECTION_KINDS, `${field}.rules`, 'election kind');
    for (const kind of ELECTION_KINDS) {
      if (byKind[kind] === undefined) continue;
      const path = `${field}.rules.${kind}`;
      const bySteps = asObject(byKind[kind], path, `rules for ${kind} must be an object keyed by step`);
      refuseUnknownKeys(bySteps, DEADLINE_STEPS, path, 'step');
      for (const step of DEADLINE_STEPS) {
        if (bySteps[step] !== undefined) rules[kind][step] = parseRule(bySteps[step], `${path}.${step}`);
      }
    }
  }
  return deepFreeze({ version: root.version.trim(), rules, reporting: parseReporting(root.reporting, `${field}.reporting`, base.reporting) });
}

/** `reporting: { PEMILU: { FINDING: { days, unit, basis } } }`; a rule given as null removes that limit. */
function parseReporting(value: unknown, path: string, base: DeadlinePolicy['reporting']): DeadlinePolicy['reporting'] {
  const reporting = structuredClone(base) as DeadlinePolicy['reporting'];
  if (value === undefined) return reporting;
  const byKind = asObject(value, path, 'reporting must be an object keyed by PILKADA / PEMILU');
  refuseUnknownKeys(byKind, ELECTION_KINDS, path, 'election kind');
  for (const kind of ELECTION_KINDS) {
    if (byKind[kind] === undefined) continue;
    const bySource = asObject(byKind[kind], `${path}.${kind}`, `reporting limits for ${kind} must be an object keyed by REPORT / FINDING`);
    refuseUnknownKeys(bySource, REPORTING_SOURCES, `${path}.${kind}`, 'source');
    for (const source of REPORTING_SOURCES) {
      if (bySource[source] === null) delete reporting[kind][source];
      else if (bySource[source] !== undefined) reporting[kind][source] = parseRule(bySource[source], `${path}.${kind}.${source}`);
    }
  }
  return reporting;
}

function parseRule(value: unknown, path: string): DeadlineRule {
  const rule = asObject(value, path, 'a deadline rule must be an object { days, unit, basis, confirmed? }');
  refuseUnknownKeys(rule, ['days', 'unit', 'basis', 'confirmed'], path);
  const { days, unit, basis, confirmed } = rule;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw badInput(`${path}.days`, `days must be a whole number from 1 to ${MAX_DAYS}, not ${JSON.stringify(days)}`, 'config.deadlinePolicy');
  }
  if (!UNITS.includes(unit as DeadlineUnit)) {
    throw badInput(`${path}.unit`, `unit must be CALENDAR or WORKING, not ${JSON.stringify(unit)}`, 'config.deadlinePolicy');
  }
  if (typeof basis !== 'string' || basis.trim() === '') {
    throw badInput(`${path}.basis`, 'basis must name the legal basis, or say that the count is a setting and why', 'config.deadlinePolicy');
  }
  if (confirmed !== undefined && typeof confirmed !== 'boolean') {
    throw badInput(`${path}.confirmed`, 'confirmed must be true or false', 'config.deadlinePolicy');
  }
  return { days, unit: unit as DeadlineUnit, basis: basis.trim(), confirmed: confirmed === true };
}

function parseJson(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badInput(field, `the deadline policy is not valid JSON (${(error as Error).message})`, 'config.deadlinePolicy');
  }
}

function asObject(value: unknown, field: string, message: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badInput(field, message, 'config.deadlinePolicy');
  return value as Record<string, unknown>;
}

function refuseUnknownKeys(object: Record<string, unknown>, allowed: readonly string[], field: string, what = 'field'): void {
  const unknown = Object.keys(object).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    throw badInput(`${field}.${unknown}`, `unknown ${what} ${JSON.stringify(unknown)}; expected one of ${allowed.join(', ')}`, 'config.deadlinePolicy');
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
