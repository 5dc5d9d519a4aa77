import { gql, GraphQLClient } from 'graphql-request';
import { signDevToken } from '../../src/auth/dev-token';
import { aStudy, mutate, REPORT, STUDY } from '../e2e/case-steps';
import { aLaporan } from '../e2e/fixtures';
import { startTestNetra, TEST_SECRET, type RunningNetra } from '../support/netra-app';

/**
 * The officer's name in the history: the token's `name` claim is recorded with each event it
 * causes and read back as TimelineEntry.actorName — never written to the logs, and not told on a
 * line about a respondent outside the reader's region.
 */
const HISTORY = gql`
  query history($id: ID!) { case(id: $id) { timeline { version agency unit actorName details { withheld } } } }
`;
interface Line { version: number; agency: string; unit: string | null; actorName: string | null; details: { withheld: boolean } | null }

describe('the officer’s name in the history', () => {
  let netra: RunningNetra;

  beforeAll(async () => {
    netra = await startTestNetra();
  });
  afterAll(() => netra.close());

  const named = async (agency: string, region: string | null, name?: string) =>
    new GraphQLClient(netra.url, { headers: { authorization: `Bearer ${await signDevToken(TEST_SECRET, { sub: `sso|${agency}-${region}`, agency: agency as never, region, name })}` } });

  it('records the name claim with the event and shows it beside the unit; a token without one leaves it null; no log line carries it', async () => {
    const reporter = await named('BAWASLU', '16.73');
    const studier = await named('BAWASLU', '16.73', 'Rahmat Hidayat');
    const reported = await mutate(reporter, REPORT, aLaporan());
    await mutate(studier, STUDY, aStudy(reported.id, { R1: 'VIOLATION', R2: 'NO_VIOLATION' }));
    const oversight = await netra.client('OVERSIGHT', null);
    const { case: c } = await oversight.request<{ case: { timeline: Line[] } }>(HISTORY, { id: reported.id });
    expect(c.timeline.map(({ version, agency, unit, actorName }) => ({ version, agency, unit, actorName }))).toEqual([
      { version: 1, agency: 'BAWASLU', unit: '16.73', actorName: null },
      { version: 2, agency: 'BAWASLU', unit: '16.73', actorName: 'Rahmat Hidayat' },
    ]);
    expect(netra.logs.join('\n')).not.toContain('Rahmat');
  });

  it('a name claim of nothing but control characters is not recorded', async () => {
    const noisy = await named('BAWASLU', '16.73', '\u0007\u202e');
    const reported = await mutate(noisy, REPORT, aLaporan());
    const { case: c } = await (await netra.client('OVERSIGHT', null)).request<{ case: { timeline: Line[] } }>(HISTORY, { id: reported.id });
    expect(c.timeline[0].actorName).toBeNull();
  });
});
