import { compareSummaries } from '../../src/oversight/figures/compare-summaries';
import { bucketFrom, type BucketFigures } from '../../src/oversight/figures/summary-buckets';
import type { FollowUpSummary } from '../../src/oversight/models/summary.model';

const figures = (persons: number): BucketFigures => ({
  total: { persons, cases: 1 },
  byStage: new Map([['SANCTION_DECIDED', { persons, cases: 1 }]]),
  byStatus: new Map([['PENDING', { persons, cases: 1 }]]),
  recommended: { persons, cases: 1 },
  decided: { persons, cases: 1 },
  actedOn: { persons: 0, cases: 0 },
  waiting: { persons, cases: 1 },
  overdue: { persons: 0, cases: 0 },
  executeMs: { median: null, p90: null },
  waitingMs: { median: 86_400_000, p90: 86_400_000 },
  maxLateMs: null,
});

const summary = (persons: number): FollowUpSummary => ({
  asOf: new Date('2024-11-01T00:00:00Z'),
  current: false,
  position: '42',
  overall: bucketFrom(figures(persons), {}),
  buckets: [bucketFrom(figures(persons), { PROVINCE: '16' })],
});

describe('comparing a published summary with its recomputation', () => {
  it('checks only what a partial selection carries, matching buckets by their dimension values', () => {
    const published = {
      asOf: '2024-11-01T07:00:00+07:00',
      position: '42',
      overall: { total: 2, byStage: [{ stage: 'SANCTION_DECIDED', count: 2 }], decided: { persons: 2 } },
      buckets: [{ key: { regionCode: '16' }, total: 2 }],
    } as unknown as FollowUpSummary;
    expect(compareSummaries(published, summary(2))).toEqual([]);
  });

  it('names every figure that differs, down to the nested field', () => {
    const differences = compareSummaries(summary(3), summary(2));
    expect(differences).toEqual(expect.arrayContaining(['overall.total: 3 ≠ 2', 'overall.byStage[SANCTION_DECIDED].count: 3 ≠ 2', 'overall.decided.persons: 3 ≠ 2']));
  });

  it('refuses an answer without figures, and catches another instant or position', () => {
    expect(compareSummaries({ asOf: new Date(), position: '42' } as unknown as FollowUpSummary, summary(2))).toEqual([
      'the published answer holds no figures (select overall or buckets)',
    ]);
    expect(compareSummaries({ ...summary(2), asOf: new Date('2024-11-02T00:00:00Z') }, summary(2))).toHaveLength(1);
    expect(compareSummaries({ ...summary(2), position: '43' }, summary(2))).toEqual(['position: "43" ≠ "42"']);
  });
});
