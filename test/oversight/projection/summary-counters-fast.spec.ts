import fc from 'fast-check';
import { FOLLOW_UP_STATUSES, RESPONDENT_STAGES } from '../../../src/case/case-vocabulary';
import { KIND_ROUTES, RESPONDENT_KINDS } from '../../../src/case/respondent-kinds';
import { emptyDelta, type CounterDelta, type CountedRow } from '../../../src/oversight/projection/summary-counters';
import { addCase } from '../../../src/oversight/projection/summary-counter-delta';
import * as reference from './summary-counters-reference';

/**
 * `addCase` was rewritten for speed in session 9 (each row read once instead of once per grouping,
 * bucket ids built without intermediate arrays, no overlap pass for a case of one kind): on any rows
 * (several kinds, violations repeated or none, regions, PPKs, waits, due times, both signs) it must
 * give exactly the delta the previous one gave (summary-counters-reference.ts).
 */

const DAY = 86_400_000;
const BASE = Date.parse('2024-06-01T00:00:00Z');
const employments = RESPONDENT_KINDS.flatMap((k) => KIND_ROUTES[k].employments);
const day = fc.integer({ min: 0, max: 400 }).map((d) => new Date(BASE + d * DAY + (d % 7) * 3_600_000));

const row = (caseId: string): fc.Arbitrary<CountedRow> =>
  fc.record({
    caseId: fc.constant(caseId),
    employment: fc.constantFrom(...employments),
    stage: fc.constantFrom(...RESPONDENT_STAGES),
    waitingOn: fc.option(fc.constantFrom('PPK', 'BKN', 'KASN')),
    since: day,
    dueAt: fc.option(day),
    followUpStatus: fc.option(fc.constantFrom(...FOLLOW_UP_STATUSES)),
    recommendedAt: fc.option(day),
    decidedAt: fc.option(day),
    executedAt: fc.option(day),
    violations: fc.array(fc.constantFrom('NETRALITAS', 'KAMPANYE', 'MEDSOS'), { maxLength: 3 }),
    ppkTitle: fc.option(fc.constantFrom('Bupati Bandung', 'Gubernur Jawa Barat')),
    provinceCode: fc.constantFrom('32', '31'),
    regencyCode: fc.option(fc.constantFrom('3204', '3171')),
    electionKind: fc.constantFrom('PILKADA', 'PEMILU'),
    electionYear: fc.constantFrom(2020, 2024),
  });

const history = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: 4 }).chain((c) => fc.array(row(`case-${c}`), { maxLength: 5 })),
    fc.constantFrom<1 | -1>(1, -1),
  ),
  { minLength: 1, maxLength: 8 },
);

/** A delta as plain sorted data: Maps' order is not part of its meaning. */
function plain(delta: CounterDelta | reference.CounterDelta) {
  const counts = [...delta.counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const values = [...delta.values.entries()]
    .map(([id, v]) => [id, { ...v, values: [...v.values.entries()].sort(([a], [b]) => a - b) }] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return { counts, values };
}

describe('the summary counters, rewritten for speed', () => {
  it('give the same delta as the previous addCase on any rows and signs', () => {
    fc.assert(
      fc.property(history, (steps) => {
        const fast = emptyDelta();
        const old = reference.emptyDelta();
        for (const [rows, sign] of steps) {
          addCase(fast, rows, sign);
          reference.addCase(old, rows, sign);
        }
        expect(plain(fast)).toEqual(plain(old));
      }),
      { numRuns: 300 },
    );
  });

  it('give the same delta for a case with persons of every kind in one place', () => {
    const rows = employments.map((employment, i) => ({
      caseId: 'c',
      employment,
      stage: RESPONDENT_STAGES[i % RESPONDENT_STAGES.length],
      waitingOn: i % 2 ? 'PPK' : null,
      since: new Date(BASE),
      dueAt: new Date(BASE + i * DAY),
      followUpStatus: null,
      recommendedAt: null,
      decidedAt: null,
      executedAt: null,
      violations: ['NETRALITAS'],
      ppkTitle: null,
      provinceCode: '32',
      regencyCode: '3204',
      electionKind: 'PILKADA',
      electionYear: 2024,
    }));
    const fast = emptyDelta();
    const old = reference.emptyDelta();
    addCase(fast, rows, 1);
    reference.addCase(old, rows, 1);
    expect([...fast.counts.keys()].some((id) => id.includes('+'))).toBe(true);
    expect(plain(fast)).toEqual(plain(old));
  });
});
