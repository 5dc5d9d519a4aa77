import { PILKADA_2020_CURVE } from '../../src/demo/pilkada-2020-curve';
import { appendPilkada2020 } from '../../src/demo/pilkada-2020';
import { compareSummaries } from '../../src/oversight/figures/compare-summaries';
import { recomputeFigures } from '../../src/oversight/figures/recompute';
import { SummaryDimension, type FollowUpSummary } from '../../src/oversight/models/summary.model';
import { ProjectionService } from '../../src/oversight/projection.service';
import type { Storage } from '../../src/storage/storage';
import { STORAGE } from '../../src/storage/storage.module';
import type { RunningNetra } from '../support/netra-app';
import { onBothStores, type StartNetra } from '../support/on-both-stores';
import { SUMMARY_QUERY } from './summary-fields';

/**
 * Issue 5, "Done when": on the full Pilkada 2020 synthetic history, the figures published at each
 * dated row of the curve are recomputed from the raw events, independently of the read model, and
 * match — per province and per PPK too — on the embedded store and on PostgreSQL.
 */

const GROUPINGS = [[], [SummaryDimension.PROVINCE], [SummaryDimension.PPK, SummaryDimension.WAITING_ON]];

function pilkadaFigures(start: StartNetra) {
  let netra: RunningNetra;
  let cleanup: () => Promise<void>;
  let storage: Storage;

  beforeAll(async () => {
    ({ netra, cleanup } = await start());
    storage = netra.app.get<Storage>(STORAGE);
    await appendPilkada2020(storage.store, storage.keys);
    await netra.app.get(ProjectionService).runner.waitFor(await storage.store.headPosition(), 240_000);
  }, 300_000);
  afterAll(() => cleanup());

  it.each(PILKADA_2020_CURVE.map((row) => [row.day, row] as const))('as of %s the published figures recompute from the events', async (_day, row) => {
    for (const groupBy of GROUPINGS) {
      const published = (await (await netra.client('OVERSIGHT')).request<{ followUpSummary: FollowUpSummary }>(SUMMARY_QUERY, { groupBy, asOf: row.asOf.toISOString() })).followUpSummary;
      if (groupBy.length === 0) {
        expect([published.overall.total, published.overall.decided.persons, published.overall.actedOn.persons]).toEqual([row.reported, row.recommended, row.sanctioned]);
      }
      const recomputed = await recomputeFigures(storage.store, { position: BigInt(published.position), asOf: row.asOf, current: published.current, groupBy });
      expect(compareSummaries(published, recomputed)).toEqual([]);
    }
  });
}

onBothStores('Pilkada 2020 figures', pilkadaFigures);
