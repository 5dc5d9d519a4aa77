import fc from 'fast-check';
import { matches, type Person } from '../../../src/oversight/figures/recompute-aggregate';
import { figureFilter } from '../../../src/oversight/figures/figure-filter';
import { SummaryDimension } from '../../../src/oversight/models/summary.model';
import type { FollowUpFilter } from '../../../src/oversight/queries/filters.input';
import { cellsHoldAt, figuresFromCells, protectCells } from '../../../src/oversight/small-cells/anonymous-summary';

/**
 * Anonymous figures are answered from one set of protected cells of every person, formed once per
 * read-model position (follow-up-summary.ts). That is only right if (1) keeping whole cells after
 * protecting them gives the same answer as protecting only the kept persons, and (2) the cells are
 * not used past the first due time that makes someone overdue.
 */

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 3, 0);
const REGIONS = ['16', '16.71', '16.71.01', '16.73', '16.73.02', '31.71', '31.74.05'];

const person = fc
  .record({
    region: fc.constantFrom(...REGIONS),
    kind: fc.constantFrom('PILKADA', 'PEMILU'),
    year: fc.constantFrom(2020, 2024),
    receivedDays: fc.integer({ min: 0, max: 120 }),
    stage: fc.constantFrom('REPORTED', 'STUDIED', 'RECOMMENDED', 'DECIDED', 'EXECUTED'),
    waitingOn: fc.constantFrom(null, 'BAWASLU', 'BKN', 'PPK'),
    dueDays: fc.option(fc.integer({ min: -30, max: 30 }), { nil: null }),
    status: fc.constantFrom(null, 'AS_RECOMMENDED', 'NOT_AS_RECOMMENDED', 'NOT_EXECUTED', 'IMPOSSIBLE'),
    recommended: fc.boolean(),
  })
  .map(
    (r, ): Person => {
      const parts = r.region.split('.');
      return {
        caseId: 'c',
        stage: r.stage,
        waitingOn: r.waitingOn,
        employment: 'PNS',
        since: NOW - 40 * DAY,
        dueAt: r.dueDays === null ? null : NOW + r.dueDays * DAY,
        followUpStatus: r.status,
        recommended: r.recommended,
        decidedAt: r.status ? NOW - 20 * DAY : null,
        executedAt: r.status === 'AS_RECOMMENDED' ? NOW - 10 * DAY : null,
        violations: [],
        ppk: null,
        ppkRegion: null,
        election: { kind: r.kind, year: r.year },
        receivedAt: Date.UTC(2024, 7, 1) + r.receivedDays * DAY,
        regionCode: r.region,
        provinceCode: parts[0],
        regencyCode: parts.length > 1 ? `${parts[0]}.${parts[1]}` : null,
      };
    },
  );

const anonymousFilter = fc.record(
  {
    electionKind: fc.constantFrom('PILKADA', 'PEMILU'),
    electionYear: fc.constantFrom(2020, 2024),
    regionPrefix: fc.constantFrom('16', '16.71', '16.73', '31', '31.74'),
    receivedFromMonth: fc.constantFrom('2024-08', '2024-09', '2024-10'),
    receivedToMonth: fc.constantFrom('2024-09', '2024-10', '2024-11'),
  },
  { requiredKeys: [] },
);

const groupBy = fc.subarray([SummaryDimension.ELECTION, SummaryDimension.PROVINCE, SummaryDimension.REGION]);

describe('protected cells shared by every anonymous question', () => {
  it('keeping whole cells after protecting everyone answers exactly as protecting only the kept persons', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 80 }), anonymousFilter, groupBy, fc.integer({ min: 2, max: 6 }), (persons, filter, dims, threshold) => {
        const f = figureFilter(filter as FollowUpFilter);
        const keep = (p: Person) => matches(p, f, NOW);
        const at = new Date(NOW);
        const shared = figuresFromCells(protectCells(persons, at, threshold), { groupBy: dims, keep, at, threshold });
        const own = figuresFromCells(protectCells(persons.filter(keep), at, threshold), { groupBy: dims, keep, at, threshold });
        expect(shared).toEqual(own);
      }),
      { numRuns: 300 },
    );
  });

  it('the cells hold from when they were formed until just past the next due time of someone waiting, and no longer', () => {
    const base = fc.sample(person, { numRuns: 1, seed: 7 })[0];
    const waiting = (dueAt: number | null, waitingOn: string | null = 'PPK'): Person => ({ ...base, waitingOn, dueAt });
    const at = new Date(NOW);
    const cells = protectCells([waiting(NOW - DAY), waiting(NOW + 3 * DAY), waiting(NOW + 2 * DAY), waiting(NOW + DAY, null), waiting(null)], at, 5);
    // Already overdue, not waiting, or without a due time: none of them changes who is overdue later.
    expect(cells.validUntil).toBe(NOW + 2 * DAY + 1);
    expect(cellsHoldAt(cells, new Date(NOW + 2 * DAY))).toBe(true);
    expect(cellsHoldAt(cells, new Date(NOW + 2 * DAY + 1))).toBe(false);
    expect(cellsHoldAt(cells, new Date(NOW - 1))).toBe(false);
    expect(() => figuresFromCells(cells, { groupBy: [], keep: () => true, at: new Date(NOW + 2 * DAY + 1), threshold: 5 })).toThrow(/outside the instants/);
    expect(protectCells([waiting(null)], at, 5).validUntil).toBe(Number.POSITIVE_INFINITY);
  });
});
