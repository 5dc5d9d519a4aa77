import { assertAgencyMay, assertRegionMay } from '../case-access';
import { badInput, invalidTransition } from '../case-error';
import type { Election, Reporter, RespondentRecord } from '../case-records';
import { caseStage, type CaseState } from '../case-state';
import { CASE_SOURCES, ELECTION_KINDS, type Employment, EMPLOYMENTS, VIOLATION_CODES } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import { iso, listOf, oneOf, optionalText, pastInstant, text } from '../input-rules';
import { formatWib } from '../deadlines/wib';
import { assertNotBefore } from '../validation/dates';
import { routeOf } from '../respondent-kinds';
import { assertValidNik } from '../validation/nik';
import { assertValidNip } from '../validation/nip';
import { assertValidNrp } from '../validation/nrp';
import { assertKnownRegion } from '../validation/regions';
import type { Step, StepAccess } from '../step';
import { CASE_REPORTED, type CaseReported } from './case-reported';

export type { CaseReported } from './case-reported';

export interface ReportCase {
  type: 'ReportCase';
  actor: Actor;
  caseId: string;
  input: {
    source: string;
    election: { kind: string; year: number; regionCode: string };
    handlingUnit: string;
    receivedAt: string;
    knownAt: string;
    occurredAt?: string | null;
    place?: string | null;
    summary: string;
    violations: string[];
    respondents: Array<{
      name: string;
      nip?: string | null;
      nrp?: string | null;
      nik?: string | null;
      employment: string;
      position?: string | null;
      institution: string;
      institutionRegionCode?: string | null;
    }>;
    reporter?: { name: string; address?: string | null; phone?: string | null; email?: string | null } | null;
    evidence?: string[] | null;
    registerNumber?: string | null;
    /** Only for a FINDING: the out-of-time laporan Bawaslu takes up as its own finding. */
    originalReport?: { receivedAt: string; reference?: string | null } | null;
  };
}

const ACCESS: StepAccess<'reportCase'> = { operation: 'reportCase', agencies: ['BAWASLU'], regionOf: 'the case handling unit' };

const MAX_RESPONDENTS = 200;

/** Opens a case: a laporan (with its reporter) or a temuan (Bawaslu's own finding). */
export function reportCase(command: ReportCase, state: CaseState, ctx: DecideContext): CaseReported[] {
  const { actor, input } = command;
  assertAgencyMay(actor, ACCESS);
  if (state.status !== 'empty') {
    throw invalidTransition(`case ${command.caseId} already exists: case is at stage ${caseStage(state.respondents)}`, 'case.exists', {
      stage: caseStage(state.respondents),
    });
  }

  const source = oneOf(input.source, CASE_SOURCES, 'source');
  const election = electionOf(input.election);
  const handlingUnit = text(input.handlingUnit, 'handlingUnit', 20);
  assertKnownRegion(handlingUnit, 'handlingUnit');
  assertRegionMay(actor, ACCESS, handlingUnit);

  const receivedAt = pastInstant(input.receivedAt, 'receivedAt', ctx.now);
  const knownAt = pastInstant(input.knownAt, 'knownAt', ctx.now);
  const occurredAt = input.occurredAt ? pastInstant(input.occurredAt, 'occurredAt', ctx.now) : null;
  if (occurredAt) assertNotBefore(knownAt, 'knownAt', occurredAt, 'occurredAt');
  assertNotBefore(receivedAt, 'receivedAt', knownAt, 'knownAt');
  const originalReport = originalReportOf(source, input.originalReport, knownAt, receivedAt, ctx.now);
  assertWithinReportingLimit(ctx, election.kind, source, originalReport ? new Date(originalReport.receivedAt) : knownAt, receivedAt, originalReport !== null);

  const reporter = reporterOf(source, input.reporter);
  const study = ctx.deadline(election.kind, 'STUDY', receivedAt);
  return [
    {
      type: 'CaseReported',
      data: {
        caseId: command.caseId,
        registerNumber:
          optionalText(input.registerNumber, 'registerNumber', 120) ??
          ctx.registerNumber({ caseId: command.caseId, source, handlingUnit, receivedAt }),
        source,
        election,
        handlingUnit,
        receivedAt: iso(receivedAt),
        knownAt: iso(knownAt),
        occurredAt: occurredAt ? iso(occurredAt) : null,
        place: optionalText(input.place, 'place', 500),
        summary: text(input.summary, 'summary', 10000),
        violations: listOf(input.violations, VIOLATION_CODES, 'violations', 1),
        respondents: respondentsOf(input.respondents),
        reporter,
        evidence: (input.evidence ?? []).map((e, i) => text(e, `evidence[${i}]`, 1000)),
        studyDueAt: iso(study.dueAt),
        studyDeadline: study.applied,
        ...(originalReport ? { originalReport } : {}),
      },
    },
  ];
}

/**
 * The reporting limit (shared/DOMAIN.md §4): a laporan received after it is refused. A temuan has its
 * own limit where the law sets one (Pemilu: 7 days), counted from when Bawaslu found the violation —
 * for a finding taken up from an out-of-time laporan, from when that report came in.
 */
function assertWithinReportingLimit(ctx: DecideContext, kind: Election['kind'], source: 'REPORT' | 'FINDING', clockFrom: Date, receivedAt: Date, fromLateReport: boolean): void {
  const limit = ctx.reportingLimit(kind, source, clockFrom);
  if (!limit || receivedAt.getTime() <= limit.limitAt.getTime()) return;
  const { days, unit, basis, policyVersion } = limit.applied;
  const span = `${days} ${unit === 'WORKING' ? 'working days' : 'days'}`;
  const from = fromLateReport ? 'originalReport.receivedAt' : 'knownAt';
  const advice = source === 'REPORT' ? '; Bawaslu may take it up as its own finding (source FINDING with originalReport)' : '';
  throw badInput(
    'receivedAt',
    `is after the reporting limit ${formatWib(limit.limitAt)}: a ${source === 'REPORT' ? 'report (laporan)' : 'finding (temuan)'} in a ${kind} is registered within ${span} of ${from} (${basis})${advice}`,
    'report.late',
    { limitAt: iso(limit.limitAt), receivedAt: iso(receivedAt), clockFrom: iso(clockFrom), clockField: from, days, unit, source, electionKind: kind, policyVersion },
  );
}

function originalReportOf(
  source: string,
  value: ReportCase['input']['originalReport'],
  knownAt: Date,
  receivedAt: Date,
  now: Date,
): { receivedAt: string; reference: string | null } | null {
  if (value === undefined || value === null) return null;
  if (source !== 'FINDING') {
    throw badInput('originalReport', 'only a finding (temuan) records the out-of-time report (laporan) it was taken up from', 'report.originalReportOnlyFinding');
  }
  const reportReceivedAt = pastInstant(value.receivedAt, 'originalReport.receivedAt', now);
  assertNotBefore(reportReceivedAt, 'originalReport.receivedAt', knownAt, 'knownAt');
  assertNotBefore(receivedAt, 'receivedAt', reportReceivedAt, 'originalReport.receivedAt');
  return { receivedAt: iso(reportReceivedAt), reference: optionalText(value.reference, 'originalReport.reference', 120) };
}

function electionOf(election: ReportCase['input']['election']): Election {
  if (!election || typeof election !== 'object') throw badInput('election', 'is required', 'election.required');
  const kind = oneOf(election.kind, ELECTION_KINDS, 'election.kind');
  if (!Number.isInteger(election.year) || election.year < 2004 || election.year > 2100) {
    throw badInput('election.year', 'must be a year between 2004 and 2100', 'election.year', { minimum: 2004, maximum: 2100 });
  }
  const regionCode = text(election.regionCode, 'election.regionCode', 20);
  assertKnownRegion(regionCode, 'election.regionCode', ['PROVINCE', 'REGENCY']);
  return { kind, year: election.year, regionCode };
}

function reporterOf(source: string, reporter: ReportCase['input']['reporter']): Reporter | null {
  if (source === 'FINDING') {
    if (reporter) throw badInput('reporter', 'a finding (temuan) is Bawaslu’s own and has no outside reporter', 'reporter.notForFinding');
    return null;
  }
  if (!reporter) throw badInput('reporter', 'a report (laporan) needs the reporter’s identity', 'reporter.required');
  const email = optionalText(reporter.email, 'reporter.email', 200);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badInput('reporter.email', 'is not an e-mail address', 'reporter.email');
  const phone = optionalText(reporter.phone, 'reporter.phone', 40);
  if (phone && !/^\+?[0-9 ()-]{6,}$/.test(phone)) throw badInput('reporter.phone', 'is not a phone number', 'reporter.phone');
  return {
    name: text(reporter.name, 'reporter.name', 200),
    address: optionalText(reporter.address, 'reporter.address', 500),
    phone,
    email,
  };
}

function respondentsOf(respondents: ReportCase['input']['respondents']): RespondentRecord[] {
  if (!Array.isArray(respondents) || respondents.length === 0) {
    throw badInput('respondents', 'a case names at least one respondent (terlapor)', 'respondents.required');
  }
  if (respondents.length > MAX_RESPONDENTS) throw badInput('respondents', `at most ${MAX_RESPONDENTS} per case`, 'respondents.tooMany', { maximum: MAX_RESPONDENTS });
  const seen = new Set<string>();
  return respondents.map((r, i) => {
    const field = `respondents[${i}]`;
    const employment = oneOf(r.employment, EMPLOYMENTS, `${field}.employment`);
    const ids = identifiersOf(r, employment, field);
    for (const key of ['nip', 'nrp', 'nik'] as const) {
      const value = ids[key];
      if (!value) continue;
      if (seen.has(`${key}:${value}`)) throw badInput(`${field}.${key}`, 'names the same person twice in one case', 'respondents.samePerson', { identifier: key });
      seen.add(`${key}:${value}`);
    }
    const institutionRegionCode = optionalText(r.institutionRegionCode, `${field}.institutionRegionCode`, 20);
    if (institutionRegionCode) assertKnownRegion(institutionRegionCode, `${field}.institutionRegionCode`);
    return {
      respondentId: `R${i + 1}`,
      name: text(r.name, `${field}.name`, 200),
      nip: ids.nip,
      // Written only when given: a record without them reads as it always did.
      ...(ids.nrp ? { nrp: ids.nrp } : {}),
      ...(ids.nik ? { nik: ids.nik } : {}),
      employment,
      position: optionalText(r.position, `${field}.position`, 300),
      institution: text(r.institution, `${field}.institution`, 300),
      institutionRegionCode,
    };
  });
}

type Respondent = ReportCase['input']['respondents'][number];

/** The identifier follows the kind (respondent-kinds.ts): NIP for ASN, NRP for TNI/Polri, NIK (or none) in a village. */
function identifiersOf(r: Respondent, employment: Employment, field: string) {
  const route = routeOf(employment);
  const given = {
    nip: optionalText(r.nip, `${field}.nip`, 40),
    nrp: optionalText(r.nrp, `${field}.nrp`, 40),
    nik: optionalText(r.nik, `${field}.nik`, 40),
  };
  for (const key of ['nip', 'nrp', 'nik'] as const) {
    if (given[key] && key !== route.identifier) {
      throw badInput(`${field}.${key}`, `${employment} is identified by ${route.identifier.toUpperCase()}, not ${key.toUpperCase()}`, 'respondent.wrongIdentifier', {
        employment,
        expected: route.identifier,
        given: key,
      });
    }
  }
  if (given.nip) assertValidNip(given.nip, `${field}.nip`);
  if (given.nrp) assertValidNrp(given.nrp, employment === 'POLRI' ? 'POLRI' : 'TNI', `${field}.nrp`);
  if (given.nik) assertValidNik(given.nik, `${field}.nik`);
  return given;
}

/** The step, as steps.ts gathers it: its command, who may take it, its decision and its events. */
export const reporting: Step<ReportCase, CaseReported> = {
  command: 'ReportCase',
  opensCase: true,
  access: ACCESS,
  decide: reportCase,
  events: {
    CaseReported: CASE_REPORTED,
  },
};
