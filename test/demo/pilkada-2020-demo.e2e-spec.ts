import { gql } from 'graphql-request';
import { PILKADA_2020_CURVE } from '../../src/demo/pilkada-2020-curve';
import { pilkada2020History } from '../../src/demo/pilkada-2020';
import { startTestNetra, type RunningNetra } from '../support/netra-app';

interface Summary {
  position: string;
  overall: { total: number; decided: { persons: number }; actedOn: { persons: number }; actedOnRate: number | null };
}

const SUMMARY = gql`
  query ($asOf: DateTime) {
    followUpSummary(asOf: $asOf) { position overall { total decided { persons } actedOn { persons } actedOnRate } }
  }
`;

describe('NETRA_DEMO=pilkada-2020', () => {
  let netra: RunningNetra;
  const events = [...pilkada2020History()].reduce((sum, c) => sum + c.events.length, 0);
  const summary = async (asOf: Date) => (await netra.client('OVERSIGHT')).request<{ followUpSummary: Summary }>(SUMMARY, { asOf: asOf.toISOString() });

  beforeAll(async () => {
    netra = await startTestNetra({ NETRA_DEMO: 'pilkada-2020' });
    // 7,329 events loaded and projected at the first start: about 40 s idle, two to four times that beside another suite.
    const deadline = Date.now() + 240_000;
    while ((await summary(PILKADA_2020_CURVE[0].asOf)).followUpSummary.position !== String(events)) {
      if (Date.now() > deadline) throw new Error('the read model did not catch up with the Pilkada 2020 history');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 300_000);
  afterAll(async () => netra?.close());

  it('loads the Pilkada 2020 history on the first start of an empty store', async () => {
    const { ledger } = await netra.anonymous().request<{ ledger: { count: number } }>(gql`{ ledger { count } }`);
    expect(ledger.count).toBe(events);
  });

  it.each(PILKADA_2020_CURVE.map((row) => [row.day, row] as const))('followUpSummary as of %s answers the published figures', async (_day, row) => {
    const { overall } = (await summary(row.asOf)).followUpSummary;
    expect({ reported: overall.total, recommended: overall.decided.persons, sanctioned: overall.actedOn.persons }).toEqual({
      reported: row.reported,
      recommended: row.recommended,
      sanctioned: row.sanctioned,
    });
    expect(overall.actedOnRate).toBeCloseTo(row.sanctioned / row.recommended, 4);
  });
});
