import type { EventStore } from '../../src/event-store/event-store';
import { appendSyntheticHistory } from '../../src/demo/synthetic-history';
import { compareSummaries } from '../../src/oversight/figures/compare-summaries';
import { recomputeFigures } from '../../src/oversight/figures/recompute';
import type { FollowUpSummary } from '../../src/oversight/models/summary.model';
import { SummaryDimension } from '../../src/oversight/models/summary.model';
import { STORAGE } from '../../src/storage/storage.module';
import type { Storage } from '../../src/storage/storage';
import { aLaporan, REPORT_CASE } from '../e2e/fixtures';
import type { RunningNetra } from '../support/netra-app';
import { appendUnprojected } from '../support/append-unprojected';
import { onBothStores, type StartNetra } from '../support/on-both-stores';
import { settledLog } from '../support/settled-log';
import { SUMMARY_QUERY } from './summary-fields';

/**
 * Issue 5: every published figure can be recomputed from the raw events at the position it carries,
 * without the read model, and must match — now and as of dates across the history, grouped and
 * filtered, on the embedded store and on PostgreSQL.
 */

const CASES = 1500;
const AS_OF = [undefined, '2024-09-15T00:00:00+07:00', '2024-11-01T12:00:00Z', '2025-01-20T00:00:00Z', '2025-04-01T00:00:00Z'];
const QUESTIONS: Array<{ groupBy: SummaryDimension[]; filter?: Record<string, unknown> }> = [
  { groupBy: [] },
  { groupBy: [SummaryDimension.PROVINCE, SummaryDimension.REGION] },
  { groupBy: [SummaryDimension.PPK, SummaryDimension.WAITING_ON] },
  { groupBy: [SummaryDimension.VIOLATION, SummaryDimension.ELECTION] },
  { groupBy: [SummaryDimension.REGION], filter: { regionPrefix: '16', overdue: true } },
  { groupBy: [SummaryDimension.WAITING_ON], filter: { followUpStatus: 'PENDING', electionYear: 2024 } },
];

function reproducibility(start: StartNetra) {
  let netra: RunningNetra;
  let cleanup: () => Promise<void>;
  let storage: Storage;
  /** The 30 recomputations of the first test read the settled part of the log from the store once (settled-log.ts). */
  let log: EventStore;

  beforeAll(async () => {
    ({ netra, cleanup } = await start());
    storage = netra.app.get<Storage>(STORAGE);
    log = settledLog(storage.store);
    // Appended, then projected in batches (append-unprojected.ts).
    await appendUnprojected(netra, (s) => appendSyntheticHistory(s.store, CASES));
  }, 300_000);
  afterAll(() => cleanup());

  it.each(AS_OF)('followUpSummary as of %s matches the recomputation from the events, for every grouping', async (asOf) => {
    for (const { groupBy, filter } of QUESTIONS) {
      const { followUpSummary: published } = await (await netra.client('OVERSIGHT'))
        .request<{ followUpSummary: FollowUpSummary }>(SUMMARY_QUERY, { groupBy, filter, asOf });
      const recomputed = await recomputeFigures(log, {
        position: BigInt(published.position),
        asOf: new Date(String(published.asOf)),
        current: published.current,
        groupBy,
        filter: filter as never,
      });
      expect(compareSummaries(published, recomputed)).toEqual([]);
      expect(published.buckets.length).toBe(recomputed.buckets.length);
      if (groupBy.length === 0 && asOf === undefined) expect(published.overall.total).toBeGreaterThan(CASES);
    }
  });

  it('answers the past differently from the present, and nothing before the first case', async () => {
    const ask = (asOf?: string) =>
      netra.client('OVERSIGHT').then((c) => c.request<{ followUpSummary: FollowUpSummary }>(SUMMARY_QUERY, { groupBy: [], asOf })).then((r) => r.followUpSummary.overall);
    const [before, early, now] = await Promise.all([ask('2024-08-01T00:00:00Z'), ask('2024-10-01T00:00:00Z'), ask()]);
    expect(before.total).toBe(0);
    expect(early.total).toBeGreaterThan(0);
    expect(early.total).toBeLessThan(now.total!);
    expect(early.actedOn.persons).toBeLessThan(now.actedOn.persons!);
  });

  it('shows a figure changing when a new event lands, and the old answer still recomputes at its own position', async () => {
    const first = (await (await netra.client('OVERSIGHT')).request<{ followUpSummary: FollowUpSummary }>(SUMMARY_QUERY, { groupBy: [] })).followUpSummary;
    const bawaslu = await netra.client('BAWASLU', '16.73');
    await bawaslu.request(REPORT_CASE, { input: aLaporan() });
    const second = (await (await netra.client('OVERSIGHT')).request<{ followUpSummary: FollowUpSummary }>(SUMMARY_QUERY, { groupBy: [] })).followUpSummary;
    expect(BigInt(second.position)).toBeGreaterThan(BigInt(first.position));
    expect(second.overall.total).toBeGreaterThan(first.overall.total!);
    const again = await recomputeFigures(storage.store, { position: BigInt(first.position), asOf: new Date(String(first.asOf)), current: true, groupBy: [] });
    expect(compareSummaries(first, again)).toEqual([]);
  });
}

onBothStores('reproducible figures', reproducibility);
