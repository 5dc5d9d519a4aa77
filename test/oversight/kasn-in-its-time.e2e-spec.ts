import { parseCsv } from './exports-support';
import { gql, type GraphQLClient } from 'graphql-request';
import { aLaporan } from '../e2e/fixtures';
import { aRecommendation, aStudy, mutate, RECOMMEND, REPORT, STUDY } from '../e2e/case-steps';
import { startTestNetra, TEST_SECRET, type RunningNetra } from '../support/netra-app';
import { signDevToken } from '../../src/auth/dev-token';

/**
 * KASN held the neutrality role until 24 Aug 2024 (UU 20/2023); BKN from then on. A Pemilu 2024
 * recommendation sent to KASN on 20 Jan 2024 and never decided waited on KASN as of 1 Feb 2024, and
 * waits on BKN now: in the track, the figures grouped and filtered by agency, and the exports.
 */
const WAITING = gql`
  query waiting($asOf: DateTime, $waitingOn: Agency) {
    followUps(asOf: $asOf, filter: { waitingOn: $waitingOn }) { edges { node { respondentId waitingOn } } }
    followUpSummary(asOf: $asOf, groupBy: [WAITING_ON]) { buckets { key { waitingOn } total } }
  }
`;
const FEB_2024 = new Date('2024-02-01T12:00:00+07:00').toISOString();
const AUG_25_2024 = new Date('2024-08-25T12:00:00+07:00').toISOString();

interface Answer {
  followUps: { edges: Array<{ node: { respondentId: string; waitingOn: string } }> };
  followUpSummary: { buckets: Array<{ key: { waitingOn: string | null }; total: number }> };
}

describe('KASN in KASN’s time', () => {
  let netra: RunningNetra;
  let oversight: GraphQLClient;
  let caseId: string;

  beforeAll(async () => {
    netra = await startTestNetra();
    oversight = await netra.client('OVERSIGHT', null);
    const bawaslu = await netra.client('BAWASLU', '16.73');
    caseId = (
      await mutate(
        bawaslu,
        REPORT,
        aLaporan({ election: { kind: 'PEMILU', year: 2024, regionCode: '16.73' }, occurredAt: '2024-01-08T08:00:00+07:00', knownAt: '2024-01-09T08:00:00+07:00', receivedAt: '2024-01-10T09:00:00+07:00' }),
      )
    ).id;
    await mutate(bawaslu, STUDY, aStudy(caseId, { R1: 'VIOLATION', R2: 'VIOLATION' }, { studiedAt: '2024-01-15T10:00:00+07:00' }));
    await mutate(bawaslu, RECOMMEND, aRecommendation(caseId, ['R1', 'R2'], { recipient: 'KASN', letterNumber: '012/PP.01.02/K.SS-09/01/2024', issuedAt: '2024-01-20T10:00:00+07:00' }));
  });

  afterAll(() => netra.close());

  const ask = (asOf: string | null, waitingOn: string | null = null) => oversight.request<Answer>(WAITING, { asOf, waitingOn });

  it('as of 1 Feb 2024 the tracks wait on KASN, in the rows and in the figures grouped by agency', async () => {
    const answer = await ask(FEB_2024);
    expect(answer.followUps.edges.map((e) => e.node.waitingOn)).toEqual(['KASN', 'KASN']);
    expect(answer.followUpSummary.buckets).toEqual([{ key: { waitingOn: 'KASN' }, total: 2 }]);
    expect((await ask(FEB_2024, 'KASN')).followUps.edges).toHaveLength(2);
    expect((await ask(FEB_2024, 'BKN')).followUps.edges).toHaveLength(0);
  });

  it('from 24 Aug 2024, and now, the same wait is BKN’s', async () => {
    for (const asOf of [AUG_25_2024, null]) {
      const answer = await ask(asOf);
      expect(answer.followUps.edges.map((e) => e.node.waitingOn)).toEqual(['BKN', 'BKN']);
      expect(answer.followUpSummary.buckets).toEqual([{ key: { waitingOn: 'BKN' }, total: 2 }]);
      expect((await ask(asOf, 'KASN')).followUps.edges).toHaveLength(0);
    }
  });

  it('the follow-ups export as of 1 Feb 2024 names KASN, the current one BKN', async () => {
    const token = await signDevToken(TEST_SECRET, { sub: 'oversight-export', agency: 'OVERSIGHT', region: null });
    const csv = async (query: string) => {
      const response = await fetch(`${netra.origin}/exports/follow-ups.csv?${query}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      // Parsed as CSV: a column in words may hold quoted commas (a violation's Indonesian name does).
      const [header, ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, ''));
      const column = header.indexOf('Menunggu');
      expect(column).toBeGreaterThanOrEqual(0);
      return rows.map((row) => row[column]);
    };
    expect(await csv(`asOf=${encodeURIComponent(FEB_2024)}&caseId=${caseId}`)).toEqual(['KASN', 'KASN']);
    expect(await csv(`caseId=${caseId}`)).toEqual(['BKN', 'BKN']);
  });
});
