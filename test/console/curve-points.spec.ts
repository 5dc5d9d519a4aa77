import { curveInstants, endOfMonthWib, fromFirstReport } from '../../src/console/web/dashboard/curve-points';
import type { CurvePoint } from '../../src/console/web/dashboard/types';

describe('the acted-on curve of the dashboard', () => {
  it('asks for the last second of each month in WIB, leap days included', () => {
    expect(endOfMonthWib(2020, 1)).toBe('2020-02-29T23:59:59+07:00');
    expect(endOfMonthWib(2021, 11)).toBe('2021-12-31T23:59:59+07:00');
  });

  describe('for Pilkada 2020, seen in November 2026', () => {
    const instants = curveInstants([2020], new Date('2026-11-25T00:00:00Z'));

    it('takes every month end from the year before the election to the year after it', () => {
      const monthly = instants.filter((i) => i < '2022');
      expect(monthly).toHaveLength(36);
      expect(monthly[0]).toBe('2019-01-31T23:59:59+07:00');
      expect(monthly).toContain('2020-06-30T23:59:59+07:00');
      expect(monthly[35]).toBe('2021-12-31T23:59:59+07:00');
    });

    it('then the year ends that have passed, leaving the current figures to close the curve', () => {
      expect(instants.filter((i) => i > '2022')).toEqual(['2022', '2023', '2024', '2025'].map((y) => `${y}-12-31T23:59:59+07:00`));
    });
  });

  it('takes every third month end when two elections four years apart are drawn together', () => {
    const instants = curveInstants([2020, 2024], new Date('2026-11-25T00:00:00Z'));
    expect(instants.slice(0, 4)).toEqual(['2019-03-31T23:59:59+07:00', '2019-06-30T23:59:59+07:00', '2019-09-30T23:59:59+07:00', '2019-12-31T23:59:59+07:00']);
    expect(instants).toHaveLength(28);
  });

  it('never asks about the future: the history cannot answer it', () => {
    const instants = curveInstants([2024], new Date('2024-10-15T03:00:00Z'));
    expect(instants[instants.length - 1]).toBe('2024-09-30T23:59:59+07:00');
    expect(curveInstants([], new Date())).toEqual([]);
  });

  it('starts at the first month anyone was reported', () => {
    const point = (total: number): CurvePoint => ({ asOf: `t${total}`, latest: false, total, decided: 0, actedOn: 0, rate: null });
    expect(fromFirstReport([point(0), point(0), point(2), point(5)]).map((p) => p.total)).toEqual([2, 5]);
    expect(fromFirstReport([point(0)])).toEqual([]);
  });
});
