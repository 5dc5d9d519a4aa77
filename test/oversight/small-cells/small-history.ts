import type { RunningNetra } from '../../support/netra-app';
import { aClearance, aDeclaration, aRecommendation, anExecution, aSanctionDecision, aStudy, DECIDE, DECLARE, EXECUTE, mutate, RECOMMEND, REPORT, STUDY } from '../../e2e/case-steps';

/** Where one respondent's track ends in the generated history. */
export type Target = 'REPORTED' | 'NO_VIOLATION' | 'RECOMMENDED' | 'DECIDED' | 'EXECUTED' | 'CLEARED' | 'IMPOSSIBLE';

export interface Truth {
  election: string;
  kind: string;
  year: number;
  province: string;
  region: string;
  month: string;
  stage: string;
  status: string | null;
  recommended: boolean;
  waiting: boolean;
}

interface Recipe {
  kind: 'PILKADA' | 'PEMILU';
  region: string;
  month: string;
  cases: Target[][];
}

/**
 * A small history with cells of every size around the threshold of 5 (one election, one region,
 * one month each): 12, 6, 7, 2, 5, 6 and 3 persons, mixing every end of a track.
 */
export const RECIPES: Recipe[] = [
  { kind: 'PILKADA', region: '16.73', month: '2024-09', cases: [['REPORTED', 'REPORTED', 'REPORTED'], ['NO_VIOLATION', 'NO_VIOLATION', 'RECOMMENDED'], ['DECIDED', 'DECIDED', 'EXECUTED'], ['EXECUTED', 'EXECUTED', 'CLEARED']] },
  // Six executed and nothing else decided: the one cell whose acted-on figure can be published (a decided
  // person beside five acted on would leave 1 = decided − acted on, and complementary suppression hides both).
  { kind: 'PILKADA', region: '16.73', month: '2024-10', cases: [['EXECUTED', 'EXECUTED', 'EXECUTED'], ['EXECUTED', 'EXECUTED', 'EXECUTED']] },
  { kind: 'PILKADA', region: '16.71', month: '2024-10', cases: [['REPORTED', 'REPORTED', 'REPORTED'], ['REPORTED', 'REPORTED'], ['EXECUTED', 'EXECUTED']] },
  { kind: 'PILKADA', region: '16.74', month: '2024-09', cases: [['EXECUTED', 'DECIDED']] },
  { kind: 'PILKADA', region: '16', month: '2024-10', cases: [['IMPOSSIBLE', 'EXECUTED', 'EXECUTED'], ['EXECUTED', 'EXECUTED']] },
  { kind: 'PEMILU', region: '16.73', month: '2024-02', cases: [['REPORTED', 'REPORTED', 'REPORTED'], ['REPORTED', 'REPORTED', 'REPORTED']] },
  { kind: 'PILKADA', region: '13.72', month: '2024-09', cases: [['EXECUTED', 'EXECUTED', 'RECOMMENDED']] },
];

const STAGE: Record<Target, string> = {
  REPORTED: 'REPORTED',
  NO_VIOLATION: 'NO_VIOLATION',
  RECOMMENDED: 'RECOMMENDED',
  DECIDED: 'SANCTION_DECIDED',
  EXECUTED: 'SANCTION_EXECUTED',
  CLEARED: 'CLEARED',
  IMPOSSIBLE: 'FOLLOW_UP_IMPOSSIBLE',
};
const STATUS: Partial<Record<Target, string>> = { DECIDED: 'PENDING', EXECUTED: 'AS_RECOMMENDED', IMPOSSIBLE: 'CANNOT_BE_ACTED_ON' };

/** Records the history through the API, as Bawaslu, BKN and each region's PPK would; answers what each person is. */
export async function recordSmallHistory(netra: RunningNetra): Promise<Truth[]> {
  const bawaslu = await netra.client('BAWASLU', null);
  const bkn = await netra.client('BKN', null);
  const truths: Truth[] = [];
  let seq = 0;
  for (const recipe of RECIPES) {
    const ppkClient = await netra.client('PPK', recipe.region);
    const ppk = { title: `Kepala Daerah ${recipe.region}`, regionCode: recipe.region };
    const day = (d: number) => `${recipe.month}-${String(d).padStart(2, '0')}T10:00:00+07:00`;
    for (const targets of recipe.cases) {
      const ids = targets.map((_, i) => `R${i + 1}`);
      const reported = await mutate(bawaslu, REPORT, {
        source: 'FINDING',
        election: { kind: recipe.kind, year: 2024, regionCode: recipe.region },
        handlingUnit: recipe.region,
        occurredAt: day(3),
        knownAt: day(4),
        receivedAt: day(5),
        summary: 'Generated case for the small-cell suite.',
        violations: ['SOCIAL_MEDIA_ENGAGEMENT'],
        respondents: targets.map(() => ({
          name: `Terlapor ${++seq}`,
          nip: `198503302010121${String(seq).padStart(3, '0')}`,
          employment: 'PNS',
          institution: `Instansi ${recipe.region}`,
          institutionRegionCode: recipe.region,
        })),
        evidence: [],
      });
      const caseId = reported.id;
      if (!targets.every((t) => t === 'REPORTED')) {
        if (targets.includes('REPORTED')) throw new Error('a case is studied for all its respondents at once');
        const findings = Object.fromEntries(targets.map((t, i) => [ids[i], t === 'NO_VIOLATION' ? 'NO_VIOLATION' : 'VIOLATION']));
        await mutate(bawaslu, STUDY, aStudy(caseId, findings, { studiedAt: day(7) }));
        const violators = ids.filter((_, i) => targets[i] !== 'NO_VIOLATION');
        await mutate(bawaslu, RECOMMEND, aRecommendation(caseId, violators, { issuedAt: day(9) }));
        for (const [i, target] of targets.entries()) {
          if (target === 'CLEARED') await mutate(bkn, DECIDE, aClearance(caseId, ids[i], { decidedAt: day(12) }));
          if (['DECIDED', 'EXECUTED', 'IMPOSSIBLE'].includes(target)) await mutate(bkn, DECIDE, aSanctionDecision(caseId, ids[i], { decidedAt: day(12), ppk }));
          if (target === 'EXECUTED') await mutate(ppkClient, EXECUTE, anExecution(caseId, ids[i], { executedAt: day(14 + i) }));
          if (target === 'IMPOSSIBLE') await mutate(ppkClient, DECLARE, aDeclaration(caseId, ids[i], { declaredAt: day(20) }));
        }
      }
      for (const target of targets) {
        truths.push({
          election: `${recipe.kind} 2024`,
          kind: recipe.kind,
          year: 2024,
          province: recipe.region.slice(0, 2),
          region: recipe.region,
          month: recipe.month,
          stage: STAGE[target],
          status: STATUS[target] ?? null,
          recommended: !['REPORTED', 'NO_VIOLATION'].includes(target),
          waiting: ['REPORTED', 'RECOMMENDED', 'DECIDED'].includes(target),
        });
      }
    }
  }
  return truths;
}
