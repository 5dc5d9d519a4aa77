import fc from 'fast-check';
import { FOLLOW_UP_STATUSES, RESPONDENT_STAGES } from '../../../src/case/case-vocabulary';
import { KIND_ROUTES, RESPONDENT_KINDS, type RespondentKind } from '../../../src/case/respondent-kinds';
import { casesColumn, kindSets, MEASURE, type CountedRow } from '../../../src/oversight/projection/summary-counters';
import { countAll } from '../../../src/oversight/projection/summary-counter-delta';

/**
 * Pure: whatever mix of respondent kinds the cases have, summing the national counters over every
 * kind set inside the kinds asked for gives the distinct cases a recount gives — per figure, and
 * overdue cases at any instant. Cases with three or four kinds are rare in the projected histories
 * (summary-counters.int-spec.ts); here they are common.
 */

const DAY = 86_400_000;
const BASE = Date.parse('2025-01-01T00:00:00Z');

interface Respondent {
  kind: RespondentKind;
  stage: string;
  status: string | null;
  waitingOn: string | null;
  dueDay: number | null;
}

const respondent: fc.Arbitrary<Respondent> = fc.record({
  kind: fc.constantFrom(...RESPONDENT_KINDS),
  stage: fc.constantFrom(...RESPONDENT_STAGES),
  status: fc.option(fc.constantFrom(...FOLLOW_UP_STATUSES)),
  waitingOn: fc.option(fc.constantFrom('PPK', 'BKN')),
  dueDay: fc.option(fc.integer({ min: 0, max: 20 })),
});

function rowsOf(cases: Respondent[][]): CountedRow[] {
  return cases.flatMap((respondents, c) =>
    respondents.map((r) => ({
      caseId: `case-${c}`,
      employment: KIND_ROUTES[r.kind].employments[0],
      stage: r.stage,
      waitingOn: r.waitingOn,
      since: new Date(BASE),
      dueAt: r.dueDay === null ? null : new Date(BASE + r.dueDay * DAY),
      followUpStatus: r.status,
      recommendedAt: null,
      decidedAt: null,
      executedAt: null,
      violations: [],
      ppkTitle: null,
      provinceCode: '32',
      regencyCode: null,
      electionKind: 'PILKADA',
      electionYear: 2024,
    })),
  );
}

describe('the summary counters over several respondent kinds', () => {
  it('count a case with respondents of two kinds once, not once per kind', () => {
    const counters = countAll(
      rowsOf([
        [
          { kind: 'CIVIL_SERVICE', stage: 'STUDIED', status: null, waitingOn: 'PPK', dueDay: 3 },
          { kind: 'POLRI', stage: 'STUDIED', status: null, waitingOn: 'PPK', dueDay: 5 },
        ],
      ]),
    );
    const national = [...counters.counts.values()].filter((r) => r.grouping === 0);
    const sum = (kinds: string[], column: string) => national.filter((r) => kindSets(kinds).includes(r.kind)).reduce((n, r) => n + (r.counts[column] ?? 0), 0);
    expect(sum(['CIVIL_SERVICE', 'POLRI', 'TNI'], 'cases')).toBe(1);
    expect(sum(['CIVIL_SERVICE', 'POLRI', 'TNI'], 'total')).toBe(2);
    expect(sum(['CIVIL_SERVICE', 'POLRI'], 'stage_STUDIED_cases')).toBe(1);
    expect(sum(['POLRI'], 'waiting_cases')).toBe(1);
    expect(national.find((r) => r.kind === 'CIVIL_SERVICE+POLRI')?.counts).toEqual({ cases: -1, stage_STUDIED_cases: -1, waiting_cases: -1 });
  });

  it('summed over every kind set inside the kinds asked for, equal a recount of distinct cases, overdue ones too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(respondent, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.subarray([...RESPONDENT_KINDS], { minLength: 1 }),
        fc.integer({ min: 0, max: 21 }),
        (cases, asked, atDay) => {
          const rows = rowsOf(cases);
          const counters = countAll(rows);
          const sets = new Set(kindSets(asked));
          const national = [...counters.counts.values()].filter((r) => r.grouping === 0 && sets.has(r.kind));
          const inAsked = cases.map((respondents) => respondents.filter((r) => asked.includes(r.kind)));
          const figures: Array<[string, (r: Respondent) => boolean]> = [
            ['total', () => true],
            ...RESPONDENT_STAGES.map((s): [string, (r: Respondent) => boolean] => [`stage_${s}`, (r) => r.stage === s]),
            ...FOLLOW_UP_STATUSES.map((s): [string, (r: Respondent) => boolean] => [`status_${s}`, (r) => r.status === s]),
            ['waiting', (r) => r.waitingOn !== null],
          ];
          for (const [figure, holds] of figures) {
            const distinct = inAsked.filter((respondents) => respondents.some(holds)).length;
            expect([figure, national.reduce((n, r) => n + (r.counts[casesColumn(figure)] ?? 0), 0)]).toEqual([figure, distinct]);
          }
          // Overdue cases at an instant: CASE_DUE values before it, less CASE_DUE_EXCESS values before it.
          const at = BASE + atDay * DAY;
          const before = (measure: number) =>
            [...counters.values.values()]
              .filter((v) => v.grouping === 0 && sets.has(v.kind) && v.measure === measure)
              .reduce((n, v) => n + [...v.values].filter(([value]) => value < at).reduce((m, [, times]) => m + times, 0), 0);
          const overdue = inAsked.filter((respondents) => respondents.some((r) => r.waitingOn !== null && r.dueDay !== null && BASE + r.dueDay * DAY < at)).length;
          expect(before(MEASURE.CASE_DUE) - before(MEASURE.CASE_DUE_EXCESS)).toBe(overdue);
        },
      ),
      { numRuns: 100 },
    );
  });
});
