import type { CaseCommand } from '../case/case';
import { SANCTION_KINDS, VIOLATION_CODES } from '../case/case-vocabulary';
import type { Actor } from '../case/decide-context';
import { uuidFrom } from '../event-store/event-id';

/**
 * The commands of a synthetic, reproducible history (Mulberry32-seeded): about 1.4 respondents per
 * case, ~78% proven, most recommended, ~90% of decisions a sanction, most executed, some lighter
 * (shared/DOMAIN.md §1). `syntheticHistory` folds them into events; the benchmark sends them.
 */

const REGIONS = ['16.01', '16.02', '16.03', '16.04', '16.05', '16.06', '16.07', '16.08', '16.71', '16.72', '16.73', '16.74', '13.72', '64.02'];
const DAY = 86_400_000;

export interface CaseScript {
  n: number;
  caseId: string;
  commands: CaseCommand[];
}

/** Mulberry32: a small seeded generator, so every synthetic history is reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The scripts of cases 0, 1, 2, … of the history seeded by `seed`, one at a time. */
export function* caseScriptStream(seed = 2024): Generator<CaseScript> {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  for (let n = 0; ; n++) {
    const caseId = uuidFrom(`synthetic:${seed}:${n}`);
    const region = pick(REGIONS);
    const bawaslu: Actor = { agency: 'BAWASLU', region, userId: `bawaslu-${region}` };
    const bkn: Actor = { agency: 'BKN', region: null, userId: 'bkn' };
    const ppk: Actor = { agency: 'PPK', region, userId: `ppk-${region}` };
    let t = new Date('2024-09-01T02:00:00Z').getTime() + Math.floor(rnd() * 200) * DAY;
    const at = (days: number) => new Date((t += days * DAY)).toISOString();
    const respondents = rnd() < 0.65 ? 1 : rnd() < 0.75 ? 2 : 3;
    const source = rnd() < 0.85 ? 'FINDING' : 'REPORT';
    const violations = [pick(VIOLATION_CODES.slice(0, 15))];
    const commands: CaseCommand[] = [
      {
        type: 'ReportCase', actor: bawaslu, caseId,
        input: {
          source, election: { kind: 'PILKADA', year: 2024, regionCode: region }, handlingUnit: region,
          knownAt: at(0), receivedAt: at(1), summary: `Synthetic case ${n}`, violations,
          respondents: Array.from({ length: respondents }, (_, i) => ({ name: `Respondent ${n}-${i + 1}`, employment: 'PNS', institution: `Pemerintah ${region}` })),
          ...(source === 'REPORT' ? { reporter: { name: `Reporter ${n}` } } : {}),
        },
      } as CaseCommand,
    ];
    const ids = Array.from({ length: respondents }, (_, i) => `R${i + 1}`);
    const outcomes = ids.map(() => (rnd() < 0.785 ? 'VIOLATION' : rnd() < 0.7 ? 'NO_VIOLATION' : 'FORWARDED'));
    commands.push({ type: 'RecordStudy', actor: bawaslu, caseId, input: { studiedAt: at(3), findings: ids.map((id, i) => ({ respondentId: id, outcome: outcomes[i], ...(outcomes[i] === 'VIOLATION' ? { violations } : {}) })) } } as CaseCommand);
    const proven = ids.filter((_, i) => outcomes[i] === 'VIOLATION');
    if (proven.length > 0 && rnd() < 0.95) {
      commands.push({ type: 'IssueRecommendation', actor: bawaslu, caseId, input: { respondentIds: proven, recipient: 'BKN', letterNumber: `REK/${n}`, issuedAt: at(2) } } as CaseCommand);
      for (const id of proven) {
        const sanction = pick(SANCTION_KINDS.slice(0, 8));
        if (rnd() < 0.1) {
          commands.push({ type: 'DecideSanction', actor: bkn, caseId, input: { respondentId: id, decision: 'CLEAR', letterNumber: `BKN/${n}/${id}`, decidedAt: at(5) } } as CaseCommand);
          continue;
        }
        commands.push({
          type: 'DecideSanction', actor: bkn, caseId,
          input: { respondentId: id, decision: 'SANCTION', sanction, ppk: { title: `PPK ${region}`, regionCode: region }, letterNumber: `BKN/${n}/${id}`, decidedAt: at(10) },
        } as CaseCommand);
        const fate = rnd();
        if (fate < 0.7) commands.push(execution(ppk, caseId, id, sanction, at(5 + Math.floor(rnd() * 60))));
        else if (fate < 0.85) commands.push(execution(ppk, caseId, id, SANCTION_KINDS[Math.max(0, SANCTION_KINDS.indexOf(sanction) - 1)], at(20)));
        else if (fate < 0.9) commands.push({ type: 'DeclareFollowUpImpossible', actor: ppk, caseId, input: { respondentId: id, reason: 'RETIRED', note: 'Retired', declaredAt: at(15) } } as CaseCommand);
      }
    }
    yield { n, caseId, commands };
  }
}

/** Cases `from`..`from + count - 1` of the history seeded by `seed`. */
export function caseScripts(from: number, count: number, seed = 2024): CaseScript[] {
  const scripts: CaseScript[] = [];
  for (const script of caseScriptStream(seed)) {
    if (script.n >= from + count) break;
    if (script.n >= from) scripts.push(script);
  }
  return scripts;
}

function execution(actor: Actor, caseId: string, respondentId: string, sanction: string, executedAt: string): CaseCommand {
  return { type: 'RecordSanctionExecution', actor, caseId, input: { respondentId, sanction, decreeNumber: `SK/${caseId.slice(0, 6)}/${respondentId}`, executedAt } } as CaseCommand;
}
