import type { CaseCommand } from '../case/case';
import { SANCTION_KINDS, VIOLATION_CODES, type SanctionKind } from '../case/case-vocabulary';
import { wibDayOf } from '../case/deadlines/wib';
import type { Actor } from '../case/decide-context';
import { regionName } from '../case/validation/regions';
import { GUBERNATORIAL_2020, ppkTitle } from './pilkada-2020-escalations';
import { DAY, HOUR, MINUTE, type CasePlan, type Rnd } from './pilkada-2020-timeline';

/**
 * One planned case of the Pilkada 2020 history as the commands its agencies would have sent, in
 * the order of their dates. Names, letter and decree numbers are invented.
 */

const kasn: Actor = { agency: 'KASN', region: null, userId: 'kasn' };
const kemendagri: Actor = { agency: 'KEMENDAGRI', region: null, userId: 'kemendagri' };
const bkn: Actor = { agency: 'BKN', region: null, userId: 'bkn' };

const FIRST_NAMES = ['Agus', 'Budi', 'Dewi', 'Eka', 'Fitri', 'Hendra', 'Indah', 'Joko', 'Kartika', 'Lestari', 'Made', 'Nur', 'Putu', 'Rahmat', 'Sari', 'Teguh', 'Wahyu', 'Yuni'];
const LAST_NAMES = ['Saputra', 'Wijaya', 'Hidayat', 'Pratama', 'Siregar', 'Nasution', 'Harahap', 'Kusuma', 'Santoso', 'Rahman', 'Lubis', 'Gultom', 'Syahputra', 'Utami'];
const POSITIONS = ['Camat', 'Lurah', 'Sekretaris Kecamatan', 'Kepala Dinas', 'Kepala Bidang', 'Kepala Sekolah', 'Guru', 'Penyuluh Pertanian', 'Tenaga Kesehatan', 'Staf Pelaksana'];
/** What KASN recommended in 2020, mostly moral (ethics) sanctions: kind and weight. */
const RECOMMENDED: Array<[SanctionKind, number]> = [
  ['MORAL_CLOSED', 0.3],
  ['MORAL_OPEN', 0.35],
  ['WRITTEN_REPRIMAND', 0.1],
  ['STATEMENT_OF_DISSATISFACTION', 0.08],
  ['ALLOWANCE_CUT_6M', 0.07],
  ['ALLOWANCE_CUT_12M', 0.05],
  ['DEMOTION_12M', 0.05],
];
/** Executed one step lighter than recommended: follow-up NOT_AS_RECOMMENDED (DOMAIN.md §6). */
const LIGHTER = 0.15;

/** Order of steps that fall on the same instant. */
const RANK = { report: 0, study: 1, recommend: 2, decide: 3, reprimand: 4, block: 5, execute: 6, unblock: 7 } as const;

export function caseCommands(plan: CasePlan, caseId: string, rnd: Rnd): CaseCommand[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  const { region, receivedAt, n } = plan;
  const province = region.slice(0, 2);
  const electionRegion = region.length > 2 && GUBERNATORIAL_2020.includes(province) && rnd() < 0.3 ? province : region;
  const bawaslu: Actor = { agency: 'BAWASLU', region, userId: `bawaslu-${region}` };
  const ppkActor: Actor = { agency: 'PPK', region, userId: `ppk-${region}` };
  const ppk = { title: ppkTitle(region), regionCode: region };
  const institution = `Pemerintah ${region.length === 2 ? 'Provinsi ' : ''}${regionName(region)}`;
  const steps: Array<{ at: number; rank: number; command: CaseCommand }> = [];
  const add = (at: number, rank: number, command: Omit<CaseCommand, 'caseId'>) => steps.push({ at, rank, command: { ...command, caseId } as CaseCommand });
  const iso = (at: number) => new Date(at).toISOString();

  const violations = rnd() < 0.8 ? [pick(VIOLATION_CODES.slice(0, 13))] : [VIOLATION_CODES[0], pick(VIOLATION_CODES.slice(1, 13))];
  const source = rnd() < 1056 / (1056 + 167) ? 'FINDING' : 'REPORT';
  const knownAt = receivedAt - Math.floor(rnd() * 72) * HOUR;
  add(receivedAt, RANK.report, {
    type: 'ReportCase', actor: bawaslu,
    input: {
      source, election: { kind: 'PILKADA', year: 2020, regionCode: electionRegion }, handlingUnit: region,
      occurredAt: iso(knownAt - Math.floor(rnd() * 48) * HOUR), knownAt: iso(knownAt), receivedAt: iso(receivedAt),
      summary: `Pilkada 2020 (synthetic case ${n + 1}): ${violations.map((v) => v.toLowerCase().replace(/_/g, ' ')).join(', ')}`,
      violations,
      respondents: plan.persons.map(() => ({
        name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`, employment: rnd() < 0.9 ? 'PNS' : 'PPPK',
        position: pick(POSITIONS), institution, institutionRegionCode: region,
      })),
      ...(source === 'REPORT' ? { reporter: { name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`, phone: `+62 812 0000 ${String(n).padStart(4, '0')}` } } : {}),
    },
  });

  const proven = plan.persons.map((p, i) => ({ ...p, id: `R${i + 1}` })).filter((p) => p.proven);
  // The study and the one recommendation letter fall between the report and the first decision.
  const bound = proven.length > 0 ? Math.min(...proven.map((p) => p.decidedAt!)) : receivedAt + 10 * DAY;
  const studiedAt = offMidnight(receivedAt + wholeMinutes(Math.min((1 + rnd() * 4) * DAY, (bound - receivedAt) * 0.4)));
  add(studiedAt, RANK.study, {
    type: 'RecordStudy', actor: bawaslu,
    input: {
      studiedAt: iso(studiedAt),
      findings: plan.persons.map((p, i) => (p.proven ? { respondentId: `R${i + 1}`, outcome: 'VIOLATION', violations } : { respondentId: `R${i + 1}`, outcome: rnd() < 0.75 ? 'NO_VIOLATION' : 'FORWARDED' })),
    },
  });
  if (proven.length === 0) return ordered(steps);
  const issuedAt = offMidnight(studiedAt + wholeMinutes(Math.min((1 + rnd() * 6) * DAY, (bound - studiedAt) * 0.5)));
  add(issuedAt, RANK.recommend, {
    type: 'IssueRecommendation', actor: bawaslu,
    input: { respondentIds: proven.map((p) => p.id), recipient: 'KASN', letterNumber: `${n + 1}/PM.06.02/K.${province}/${month(issuedAt)}`, issuedAt: iso(issuedAt) },
  });

  for (const p of proven) {
    const seq = (n + 1) * 10 + Number(p.id.slice(1));
    const recommended = weighted(RECOMMENDED, rnd());
    add(p.decidedAt!, RANK.decide, {
      type: 'DecideSanction', actor: kasn,
      input: { respondentId: p.id, decision: 'SANCTION', sanction: recommended, ppk, letterNumber: `B-${seq}/KASN/${month(p.decidedAt!)}`, decidedAt: iso(p.decidedAt!) },
    });
    if (p.reprimandedAt !== null) {
      add(p.reprimandedAt, RANK.reprimand, escalation(p.id, 'KEMENDAGRI_REPRIMAND', kemendagri, `800/${region}/OTDA/${month(p.reprimandedAt)}`, p.reprimandedAt));
    }
    if (p.blockedAt !== null) add(p.blockedAt, RANK.block, escalation(p.id, 'SIASN_BLOCKED', bkn, `BKN/SIASN/${seq}/${month(p.blockedAt)}`, p.blockedAt));
    if (p.executedAt !== null) {
      const index = SANCTION_KINDS.indexOf(recommended);
      const executed = index > 0 && rnd() < LIGHTER ? SANCTION_KINDS[index - 1] : recommended;
      add(p.executedAt, RANK.execute, {
        type: 'RecordSanctionExecution', actor: ppkActor,
        input: { respondentId: p.id, sanction: executed, decreeNumber: `800/${seq}/BKPSDM/${month(p.executedAt)}`, executedAt: iso(p.executedAt) },
      });
    }
    if (p.unblockedAt !== null) add(p.unblockedAt, RANK.unblock, escalation(p.id, 'SIASN_UNBLOCKED', bkn, `BKN/SIASN/${seq}/BUKA/${month(p.unblockedAt)}`, p.unblockedAt));
  }
  return ordered(steps);
}

function escalation(respondentId: string, kind: string, actor: Actor, letterNumber: string, at: number): Omit<CaseCommand, 'caseId'> {
  return { type: 'RecordEscalation', actor, input: { respondentId, kind, letterNumber, escalatedAt: new Date(at).toISOString() } };
}

function ordered(steps: Array<{ at: number; rank: number; command: CaseCommand }>): CaseCommand[] {
  return steps.sort((a, b) => a.at - b.at || a.rank - b.rank).map((s) => s.command);
}

const wholeMinutes = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;
/** A minute earlier when a lag lands on midnight WIB, where rows are counted; still after the step before (never on midnight itself). */
const offMidnight = (at: number) => ((at + 7 * HOUR) % DAY === 0 ? at - MINUTE : at);

/** `MM/YYYY` of the WIB day, as letter numbers end. */
const month = (at: number) => {
  const day = wibDayOf(new Date(at));
  return `${day.slice(5, 7)}/${day.slice(0, 4)}`;
};

function weighted<T>(choices: Array<[T, number]>, r: number): T {
  for (const [choice, weight] of choices) {
    if (r < weight) return choice;
    r -= weight;
  }
  return choices[choices.length - 1][0];
}
