import { status } from '@grpc/grpc-js';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { Feed } from './event-feed';
import { aLaporan, BAWASLU_LUBUK_LINGGAU, BKN, CaseWorkflowClient, OVERSIGHT, PPK_MUSI_RAWAS, refusal, type Caller } from './grpc-client';

type Message = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BAWASLU_KOTA_SOLOK: Caller = { agency: 'BAWASLU', region: '13.72' };
const BUPATI_MUSI_RAWAS = { title: 'Bupati Musi Rawas', regionCode: '16.05' };

describe('WatchEvents', () => {
  let netra: RunningNetra;
  let client: CaseWorkflowClient;
  const feeds: Feed[] = [];
  beforeAll(async () => {
    netra = await startTestNetra();
    client = new CaseWorkflowClient(netra.grpcAddress);
  });
  afterAll(async () => {
    feeds.forEach((f) => f.cancel());
    client.close();
    await netra.close();
  });

  const watch = async (caller: Caller | null, afterPosition = '') => {
    const feed = new Feed(await client.watch({ afterPosition }, caller));
    feeds.push(feed);
    return feed;
  };
  const report = async (caller: Caller, overrides: Message = {}) => (await client.call('ReportCase', aLaporan(overrides), caller)).case;

  it('refuses a caller without a token and a checkpoint that is not one', async () => {
    expect((await (await watch(null)).ended)?.code).toBe(status.UNAUTHENTICATED);
    const bad = await (await watch(OVERSIGHT, 'yesterday')).ended;
    expect(bad?.code).toBe(status.INVALID_ARGUMENT);
    expect(bad?.details).toMatch(/^after_position: /);
  });

  it('sends a regional unit only the events of cases in its region, live, never the reporter', async () => {
    const solok = await watch(BAWASLU_KOTA_SOLOK);
    const linggau = await watch(BAWASLU_LUBUK_LINGGAU);
    const everything = await watch(OVERSIGHT);
    await Promise.all([solok.caughtUp, linggau.caughtUp, everything.caughtUp]);

    const inLinggau = await report(BAWASLU_LUBUK_LINGGAU);
    const inSolok = await report(BAWASLU_KOTA_SOLOK, {
      election: { kind: 'ELECTION_KIND_PEMILU', year: 2024, regionCode: '13.72' },
      handlingUnit: '13.72',
      respondents: [{ name: 'Yusuf Hidayat', nip: '198807112014031003', employment: 'EMPLOYMENT_PNS', institution: 'Dinas Pendidikan Kota Solok', institutionRegionCode: '13.72' }],
    });
    await everything.until(2);
    await solok.until(1);
    await linggau.until(1);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(solok.events.map((e) => e.caseId)).toEqual([inSolok.id]);
    expect(linggau.events.map((e) => e.caseId)).toEqual([inLinggau.id]);
    expect(everything.events.map((e) => e.caseId)).toEqual([inLinggau.id, inSolok.id]);
    const reported = JSON.parse(linggau.events[0].dataJson);
    expect(reported).toMatchObject({ caseId: inLinggau.id, handlingUnit: '16.73' });
    expect(reported).not.toHaveProperty('reporter');
    expect(linggau.events[0].dataJson).not.toContain('Rina Marlina');
    expect(linggau.events[0]).toMatchObject({ type: 'CaseReported', version: 1, agency: 'AGENCY_BAWASLU', unit: '16.73', backfill: false });
    expect(linggau.checkpoint).toBe(linggau.events[0].position);
  });

  it('brings a PPK the whole history of a case once a sanction decision names its region, and resumes from a checkpoint', async () => {
    const ppk = await watch(PPK_MUSI_RAWAS);
    await ppk.caughtUp;
    const from = ppk.checkpoint;
    // A case in Lubuk Linggau whose respondent's PPK turns out to be the Bupati of Musi Rawas (16.05).
    const { id: caseId } = await report(BAWASLU_LUBUK_LINGGAU, { respondents: [aLaporan().respondents[0]] });
    await client.call('RecordStudy', { caseId, studiedAt: '2024-09-28', findings: [{ respondentId: 'R1', outcome: 'STUDY_OUTCOME_VIOLATION', violations: ['VIOLATION_CODE_SOCIAL_MEDIA_ENGAGEMENT'] }] }, BAWASLU_LUBUK_LINGGAU);
    await client.call('IssueRecommendation', { caseId, respondentIds: ['R1'], recipient: 'RECOMMENDATION_RECIPIENT_BKN', letterNumber: '0459/2024', issuedAt: '2024-09-30' }, BAWASLU_LUBUK_LINGGAU);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ppk.events).toEqual([]);

    await client.call('DecideSanction', {
      caseId, respondentId: 'R1', decision: 'SANCTION_DECISION_SANCTION', letterNumber: 'B-9/2024', decidedAt: '2024-10-07', sanction: 'SANCTION_KIND_MORAL_OPEN', ppk: BUPATI_MUSI_RAWAS,
    }, BKN);
    await ppk.until(4);
    expect(ppk.events.map((e) => [e.version, e.type, e.backfill])).toEqual([
      [1, 'CaseReported', true],
      [2, 'CaseStudied', true],
      [3, 'RecommendationIssued', true],
      [4, 'SanctionDecided', false],
    ]);
    expect(ppk.checkpoint).toBe(ppk.events[3].position);

    await client.call('RecordSanctionExecution', { caseId, respondentId: 'R1', decreeNumber: '800/9/2024', executedAt: '2024-10-14', sanction: 'SANCTION_KIND_MORAL_OPEN' }, PPK_MUSI_RAWAS);
    await ppk.until(5);
    expect(ppk.events[4]).toMatchObject({ version: 5, type: 'SanctionExecuted', backfill: false });

    // The same feed, replayed from the checkpoint before the case existed, and resumed from the middle.
    const replayed = await watch(PPK_MUSI_RAWAS, from);
    await replayed.caughtUp;
    expect(replayed.events).toEqual(ppk.events);
    const resumed = await watch(PPK_MUSI_RAWAS, ppk.events[3].position);
    await resumed.caughtUp;
    expect(resumed.events).toEqual([ppk.events[4]]);
  });

  it('says when it has caught up, and a refused call is never in the feed', async () => {
    const all = await watch(OVERSIGHT);
    await all.caughtUp;
    const count = all.events.length;
    expect(await refusal(client.call('ReportCase', aLaporan(), PPK_MUSI_RAWAS))).toMatchObject({ code: status.PERMISSION_DENIED });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(all.events).toHaveLength(count);
    expect(new Set(all.events.map((e) => e.position)).size).toBe(count);
  });
});
