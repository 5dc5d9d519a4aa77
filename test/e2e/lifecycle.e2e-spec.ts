import type { GraphQLClient } from 'graphql-request';
import { EsdbTestServer } from '../event-store/esdb/esdb-test-server';
import { codeOf, messageOf, startTestNetra, type RunningNetra } from '../support/netra-app';
import { createThrowawayDatabase, POSTGRES_URL, type ThrowawayDatabase } from '../support/throwaway-database';
import {
  aClearance,
  aCorrection,
  CORRECT,
  trackDetails,
  aDeclaration,
  allFollowUps,
  anExecution,
  aRecommendation,
  aSanctionDecision,
  aStudy,
  aTemuan,
  BUPATI_MUSI_RAWAS,
  DATES,
  DECIDE,
  DECLARE,
  EXECUTE,
  followUpPage,
  readCase,
  RECOMMEND,
  REPORT,
  STUDY,
  stageCount,
  statusCount,
  summary,
  track,
  WALIKOTA_LUBUK_LINGGAU,
  mutate,
  type Figures,
  type FollowUpRow,
  type FullCase,
  type Summary,
} from './case-steps';
import { aLaporan, NIP_CAMAT, NIP_STAFF, REPORTER } from './fixtures';

/**
 * One laporan in Lubuk Linggau (16.73) naming two respondents who go different ways, a second case
 * in Musi Rawas whose PPK declares follow-up impossible, and a temuan; checked after every step the
 * way an officer or an auditor would check it.
 */
type OpenStore = () => Promise<{ env: Record<string, string>; drop: () => Promise<void> }>;

/**
 * The embedded store always; whenever a PostgreSQL server is configured, also PostgreSQL for events
 * and read model, and the EventStoreDB test server for events with the read model in PostgreSQL.
 */
const STORES: Array<[string, OpenStore]> = [['the embedded store', async () => ({ env: {}, drop: async () => undefined })]];
if (POSTGRES_URL) {
  STORES.push(['PostgreSQL', async () => {
    const database: ThrowawayDatabase = await createThrowawayDatabase(2);
    return { env: { EVENT_STORE_URL: database.url, DATABASE_URL: database.url }, drop: () => database.drop() };
  }]);
  STORES.push(['EventStoreDB (test server) with the read model in PostgreSQL', async () => {
    const [database, esdb] = await Promise.all([createThrowawayDatabase(2), EsdbTestServer.start()]);
    return {
      env: { EVENT_STORE_URL: esdb.connectionString, DATABASE_URL: database.url },
      drop: async () => {
        await database.drop();
        await esdb.stop();
      },
    };
  }]);
}

describe.each(STORES)('the case lifecycle over GraphQL, on %s', (_store, openStore) => {
  let netra: RunningNetra;
  let drop: (() => Promise<void>) | undefined;
  let bawaslu: GraphQLClient;
  let bkn: GraphQLClient;
  let ppk: GraphQLClient;
  let oversight: GraphQLClient;

  beforeAll(async () => {
    const store = await openStore();
    drop = store.drop;
    netra = await startTestNetra(store.env);
    [bawaslu, bkn, ppk, oversight] = await Promise.all([
      netra.client('BAWASLU', '16.73'),
      netra.client('BKN'),
      netra.client('PPK', '16.73'),
      netra.client('OVERSIGHT'),
    ]);
  });
  afterAll(async () => {
    await netra.close();
    await drop?.();
  });

  const types = (c: FullCase) => c.timeline.map((t) => t.type);
  const actors = (c: FullCase) => c.timeline.map((t) => `${t.agency} ${t.unit ?? 'national'}`);
  const bucket = (s: Summary, regionCode: string, ppkTitle: string | null): Figures | undefined =>
    s.buckets.find((b) => b.key.regionCode === regionCode && b.key.ppk === ppkTitle);
  const ids = (rows: FollowUpRow[]) => rows.map((r) => `${r.caseId === laporan?.id ? 'A' : r.caseId === second?.id ? 'B' : 'C'}/${r.respondentId}`).sort();

  /** What an officer reading the case (as oversight) sees must equal what the mutation answered. */
  async function expectReadBackEquals(answered: FullCase) {
    const read = await readCase(oversight, answered.id);
    expect(read).not.toBeNull();
    expect({ ...read!, reporter: null }).toEqual({ ...answered, reporter: null });
  }

  let laporan: FullCase;
  let second: FullCase | undefined;
  let temuan: FullCase | undefined;

  describe('a laporan with two respondents', () => {
    it('Bawaslu 16.73 reports it: both respondents wait for Bawaslu’s study', async () => {
      laporan = await mutate(bawaslu, REPORT, aLaporan());

      expect(laporan.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(laporan.registerNumber).not.toBe('');
      expect(laporan.source).toBe('REPORT');
      expect(laporan.stage).toBe('REPORTED');
      expect(laporan.version).toBe(1);
      expect(laporan.handlingUnit).toBe('16.73');
      expect(laporan.election).toEqual({ kind: 'PILKADA', year: 2024, regionCode: '16.73' });
      expect(laporan.receivedAt).toBe('2024-09-26T02:00:00.000Z');
      expect(laporan.knownAt).toBe('2024-09-25T05:00:00.000Z');
      expect(laporan.occurredAt).toBe('2024-09-25T01:00:00.000Z');
      expect(laporan.reporter).toEqual({ name: REPORTER.name, address: null, phone: REPORTER.phone, email: REPORTER.email });
      expect(laporan.respondents.map((r) => [r.respondentId, r.name, r.nip])).toEqual([
        ['R1', 'Ahmad Fauzi', NIP_CAMAT],
        ['R2', 'Dewi Anggraini', NIP_STAFF],
      ]);
      for (const r of laporan.respondents) {
        expect(r).toMatchObject({ stage: 'REPORTED', waitingOn: 'BAWASLU', followUpStatus: null, recommendedSanction: null, executedSanction: null });
        expect(r.dueAt).not.toBeNull();
        expect(new Date(r.dueAt!).getTime()).toBeGreaterThan(new Date(laporan.receivedAt).getTime());
      }
      expect(types(laporan)).toEqual(['CaseReported']);
      expect(actors(laporan)).toEqual(['BAWASLU 16.73']);
      expect(laporan.timeline[0].version).toBe(1);
      await expectReadBackEquals(laporan);
    });

    it('Bawaslu records its study: both violations proven, both wait for the recommendation', async () => {
      const studied = await mutate(bawaslu, STUDY, aStudy(laporan.id, { R1: 'VIOLATION', R2: 'VIOLATION' }));

      expect(studied.stage).toBe('STUDIED');
      expect(studied.version).toBe(2);
      for (const r of studied.respondents) {
        expect(r).toMatchObject({ stage: 'STUDIED', outcome: 'VIOLATION', waitingOn: 'BAWASLU', followUpStatus: null });
        expect(r.dueAt).not.toBeNull();
        expect(r.since).toBe(new Date(DATES.studiedAt).toISOString());
      }
      expect(types(studied)).toEqual(['CaseReported', 'CaseStudied']);
      expect(actors(studied)).toEqual(['BAWASLU 16.73', 'BAWASLU 16.73']);
      expect(studied.timeline.map((t) => t.version)).toEqual([1, 2]);
      laporan = studied;
      await expectReadBackEquals(studied);
    });

    it('Bawaslu recommends both to BKN: both wait for BKN', async () => {
      const recommended = await mutate(bawaslu, RECOMMEND, aRecommendation(laporan.id, ['R1', 'R2']));

      expect(recommended.stage).toBe('RECOMMENDED');
      expect(recommended.version).toBe(3);
      for (const r of recommended.respondents) {
        expect(r).toMatchObject({ stage: 'RECOMMENDED', waitingOn: 'BKN', recommendationRecipient: 'BKN', followUpStatus: null });
        expect(r.dueAt).not.toBeNull();
      }
      expect(types(recommended)).toEqual(['CaseReported', 'CaseStudied', 'RecommendationIssued']);
      expect(actors(recommended)).toEqual(['BAWASLU 16.73', 'BAWASLU 16.73', 'BAWASLU 16.73']);
      laporan = recommended;
      await expectReadBackEquals(recommended);
    });

    it('BKN decides a sanction for R1 (open moral sanction, to the Walikota): R1 waits for the PPK, R2 still for BKN', async () => {
      const decided = await mutate(bkn, DECIDE, aSanctionDecision(laporan.id, 'R1', { sanction: 'MORAL_OPEN', ppk: WALIKOTA_LUBUK_LINGGAU }));

      expect(decided.stage).toBe('RECOMMENDED');
      expect(decided.version).toBe(4);
      expect(track(decided, 'R1')).toMatchObject({
        stage: 'SANCTION_DECIDED',
        waitingOn: 'PPK',
        followUpStatus: 'PENDING',
        recommendedSanction: 'MORAL_OPEN',
        executedSanction: null,
        regionCode: '16.73',
        ppk: { title: 'Walikota Lubuk Linggau', regionCode: '16.73', regionName: 'Kota Lubuk Linggau' },
      });
      expect(track(decided, 'R1').dueAt).not.toBeNull();
      expect(track(decided, 'R2')).toMatchObject({ stage: 'RECOMMENDED', waitingOn: 'BKN', followUpStatus: null });
      expect(types(decided)).toEqual(['CaseReported', 'CaseStudied', 'RecommendationIssued', 'SanctionDecided']);
      expect(decided.timeline[3]).toMatchObject({ agency: 'BKN', unit: null });
      expect(decided.reporter).toBeNull(); // BKN never sees who reported
      laporan = decided;

      const waitingOnPpk = await allFollowUps(oversight, { waitingOn: 'PPK' });
      expect(waitingOnPpk.map((r) => [r.caseId, r.respondentId, r.followUpStatus])).toEqual([[laporan.id, 'R1', 'PENDING']]);
    });

    it('BKN clears R2: nobody waits on R2 any more, the case waits on R1’s PPK', async () => {
      const cleared = await mutate(bkn, DECIDE, aClearance(laporan.id, 'R2'));

      expect(cleared.stage).toBe('SANCTION_DECIDED');
      expect(cleared.version).toBe(5);
      expect(track(cleared, 'R2')).toMatchObject({ stage: 'CLEARED', waitingOn: null, dueAt: null, followUpStatus: null, recommendedSanction: null, ppk: null });
      expect(track(cleared, 'R1')).toMatchObject({ stage: 'SANCTION_DECIDED', waitingOn: 'PPK', followUpStatus: 'PENDING' });
      expect(types(cleared)).toEqual(['CaseReported', 'CaseStudied', 'RecommendationIssued', 'SanctionDecided', 'RespondentCleared']);
      expect(actors(cleared).slice(3)).toEqual(['BKN national', 'BKN national']);
      laporan = cleared;
      await expectReadBackEquals(cleared);
    });

    it('the PPK executes a lighter sanction (closed moral sanction): NOT_AS_RECOMMENDED', async () => {
      const executed = await mutate(ppk, EXECUTE, anExecution(laporan.id, 'R1', { sanction: 'MORAL_CLOSED', decreeNumber: '800/211/KPTS/BKPSDM/2024', executedAt: DATES.executedAt }));

      expect(executed.stage).toBe('SANCTION_EXECUTED');
      expect(executed.version).toBe(6);
      expect(track(executed, 'R1')).toMatchObject({
        stage: 'SANCTION_EXECUTED',
        followUpStatus: 'NOT_AS_RECOMMENDED',
        recommendedSanction: 'MORAL_OPEN',
        executedSanction: 'MORAL_CLOSED',
        decreeNumber: '800/211/KPTS/BKPSDM/2024',
        waitingOn: null,
        dueAt: null,
      });
      expect(track(executed, 'R2').stage).toBe('CLEARED');
      expect(types(executed).slice(-1)).toEqual(['SanctionExecuted']);
      expect(executed.timeline[5]).toMatchObject({ version: 6, agency: 'PPK', unit: '16.73' });
      expect(executed.timeline[5].description).toContain('NOT_AS_RECOMMENDED');
      expect(executed.reporter).toBeNull(); // the PPK never sees who reported
      laporan = executed;

      const notAsRecommended = await allFollowUps(oversight, { followUpStatus: 'NOT_AS_RECOMMENDED' });
      expect(notAsRecommended.map((r) => [r.caseId, r.respondentId, r.executedSanction])).toEqual([[laporan.id, 'R1', 'MORAL_CLOSED']]);
      const figures = await summary(oversight, ['REGION', 'PPK']);
      expect(bucket(figures, '16.73', 'Walikota Lubuk Linggau')).toMatchObject({ total: 1, cases: 1, actedOnRate: 1 });
      expect(statusCount(bucket(figures, '16.73', 'Walikota Lubuk Linggau')!, 'NOT_AS_RECOMMENDED')).toBe(1);
    });

    it('the same decree recorded a second time is INVALID_TRANSITION naming the stage, and appends nothing', async () => {
      const again = mutate(ppk, EXECUTE, anExecution(laporan.id, 'R1', { sanction: 'MORAL_CLOSED', decreeNumber: '800/211/KPTS/BKPSDM/2024', executedAt: DATES.executedAt }));
      expect(await codeOf(again)).toBe('INVALID_TRANSITION');
      expect(await messageOf(again)).toMatch(/respondent R1 is at stage SANCTION_EXECUTED.*correctSanctionExecution/);
      expect((await readCase(oversight, laporan.id))!.version).toBe(6);
    });

    it('a corrected decree without a reason is refused naming reason', async () => {
      const request = mutate(ppk, CORRECT, aCorrection(laporan.id, 'R1', { reason: ' ' }));
      expect(await codeOf(request)).toBe('BAD_USER_INPUT');
      expect(await messageOf(request)).toMatch(/^reason: must not be empty/);
    });

    it('a corrected decree imposes the recommended sanction: AS_RECOMMENDED, with what it replaced and why', async () => {
      const corrected = await mutate(ppk, CORRECT, aCorrection(laporan.id, 'R1', { decreeNumber: '800/245/KPTS/BKPSDM/2024' }));

      expect(corrected.stage).toBe('SANCTION_EXECUTED');
      expect(corrected.version).toBe(7);
      expect(track(corrected, 'R1')).toMatchObject({
        stage: 'SANCTION_EXECUTED',
        followUpStatus: 'AS_RECOMMENDED',
        recommendedSanction: 'MORAL_OPEN',
        executedSanction: 'MORAL_OPEN',
        decreeNumber: '800/245/KPTS/BKPSDM/2024',
        waitingOn: null,
        dueAt: null,
      });
      expect(types(corrected)).toEqual([
        'CaseReported',
        'CaseStudied',
        'RecommendationIssued',
        'SanctionDecided',
        'RespondentCleared',
        'SanctionExecuted',
        'SanctionExecutionCorrected',
      ]);
      expect(corrected.timeline[6].description).toBe(
        'PPK corrected the decree for R1: 800/211/KPTS/BKPSDM/2024 (MORAL_CLOSED) replaced by 800/245/KPTS/BKPSDM/2024 (MORAL_OPEN): AS_RECOMMENDED',
      );
      const details = (await trackDetails(oversight, laporan.id))!.respondents.find((r) => r.respondentId === 'R1')!;
      expect(details).toMatchObject({
        trackVersion: 7,
        decreeCorrection: {
          reason: 'SK sebelumnya dicabut setelah teguran BKN; diganti sesuai rekomendasi.',
          correctedBy: 'PPK',
          replacedDecreeNumber: '800/211/KPTS/BKPSDM/2024',
          corrections: 1,
        },
      });
      const figures = await summary(oversight, ['REGION', 'PPK']);
      expect(statusCount(bucket(figures, '16.73', 'Walikota Lubuk Linggau')!, 'NOT_AS_RECOMMENDED')).toBe(0);
      expect(statusCount(bucket(figures, '16.73', 'Walikota Lubuk Linggau')!, 'AS_RECOMMENDED')).toBe(1);
      expect(actors(corrected)).toEqual([
        'BAWASLU 16.73',
        'BAWASLU 16.73',
        'BAWASLU 16.73',
        'BKN national',
        'BKN national',
        'PPK 16.73',
        'PPK 16.73',
      ]);
      expect(corrected.timeline.map((t) => t.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(corrected.timeline.map((t) => t.occurredAt)).toEqual(
        ['2024-09-26T09:00:00+07:00', DATES.studiedAt, DATES.issuedAt, DATES.decidedAt, DATES.decidedAt, DATES.executedAt, DATES.correctedAt].map((d) => new Date(d).toISOString()),
      );
      laporan = corrected;
      await expectReadBackEquals(corrected);
    });
  });

  describe('a case in Musi Rawas whose PPK cannot act', () => {
    it('the PPK of Musi Rawas declares follow-up impossible (retired): CANNOT_BE_ACTED_ON', async () => {
      const bawasluMusiRawas = await netra.client('BAWASLU', '16.05');
      const ppkMusiRawas = await netra.client('PPK', '16.05');
      const reported = await mutate(
        bawasluMusiRawas,
        REPORT,
        aLaporan({
          election: { kind: 'PILKADA', year: 2024, regionCode: '16.05' },
          handlingUnit: '16.05',
          respondents: [{ name: 'Sutrisno', nip: '196610101990031004', employment: 'PNS', position: 'Kepala Dinas', institution: 'Dinas PUPR Kabupaten Musi Rawas', institutionRegionCode: '16.05' }],
        }),
      );
      await mutate(bawasluMusiRawas, STUDY, aStudy(reported.id, { R1: 'VIOLATION' }));
      await mutate(bawasluMusiRawas, RECOMMEND, aRecommendation(reported.id, ['R1']));
      const decided = await mutate(bkn, DECIDE, aSanctionDecision(reported.id, 'R1', { sanction: 'STATEMENT_OF_DISSATISFACTION', ppk: BUPATI_MUSI_RAWAS }));
      expect(track(decided, 'R1')).toMatchObject({ stage: 'SANCTION_DECIDED', waitingOn: 'PPK', followUpStatus: 'PENDING' });

      second = await mutate(ppkMusiRawas, DECLARE, aDeclaration(reported.id, 'R1', { reason: 'RETIRED' }));

      expect(second.stage).toBe('CLOSED');
      expect(second.version).toBe(5);
      expect(track(second, 'R1')).toMatchObject({
        stage: 'FOLLOW_UP_IMPOSSIBLE',
        followUpStatus: 'CANNOT_BE_ACTED_ON',
        impossibleReason: 'RETIRED',
        waitingOn: null,
        dueAt: null,
        recommendedSanction: 'STATEMENT_OF_DISSATISFACTION',
        executedSanction: null,
        regionCode: '16.05',
      });
      expect(types(second)).toEqual(['CaseReported', 'CaseStudied', 'RecommendationIssued', 'SanctionDecided', 'FollowUpDeclaredImpossible']);
      expect(actors(second)).toEqual(['BAWASLU 16.05', 'BAWASLU 16.05', 'BAWASLU 16.05', 'BKN national', 'PPK 16.05']);
    });
  });

  describe('a temuan (finding)', () => {
    it('Bawaslu records it without a reporter; it waits for Bawaslu’s study', async () => {
      temuan = await mutate(bawaslu, REPORT, aTemuan());

      expect(temuan.source).toBe('FINDING');
      expect(temuan.stage).toBe('REPORTED');
      expect(temuan.version).toBe(1);
      expect(temuan.reporter).toBeNull(); // even for the handling unit: there is nobody to show
      expect(track(temuan, 'R1')).toMatchObject({ stage: 'REPORTED', waitingOn: 'BAWASLU', followUpStatus: null });
      expect(track(temuan, 'R1').dueAt).not.toBeNull();
      expect(temuan.timeline).toHaveLength(1);
      expect(temuan.timeline[0]).toMatchObject({ type: 'CaseReported', agency: 'BAWASLU', unit: '16.73' });
      expect(temuan.timeline[0].description).toMatch(/finding|temuan/i);
      expect(temuan.registerNumber).not.toBe(laporan.registerNumber);
    });
  });

  describe('what oversight reads afterwards', () => {
    it('followUps lists one row per respondent track, each with its stage, waiting agency and status', async () => {
      const rows = await allFollowUps(oversight);
      expect(rows).toHaveLength(4);
      const byId = Object.fromEntries(rows.map((r) => [ids([r])[0], r]));
      expect(byId['A/R1']).toMatchObject({ stage: 'SANCTION_EXECUTED', waitingOn: null, followUpStatus: 'AS_RECOMMENDED', regionCode: '16.73', recommendedSanction: 'MORAL_OPEN', executedSanction: 'MORAL_OPEN', ppk: WALIKOTA_LUBUK_LINGGAU });
      expect(byId['A/R2']).toMatchObject({ stage: 'CLEARED', waitingOn: null, followUpStatus: null, regionCode: '16.73', ppk: null });
      expect(byId['B/R1']).toMatchObject({ stage: 'FOLLOW_UP_IMPOSSIBLE', waitingOn: null, followUpStatus: 'CANNOT_BE_ACTED_ON', regionCode: '16.05', ppk: BUPATI_MUSI_RAWAS });
      expect(byId['C/R1']).toMatchObject({ stage: 'REPORTED', waitingOn: 'BAWASLU', followUpStatus: null, regionCode: '16.73', overdue: true });
      expect(byId['A/R1'].id).toBe(`${laporan.id}/R1`);
    });

    it.each([
      ['waitingOn BAWASLU', { waitingOn: 'BAWASLU' }, ['C/R1']],
      ['waitingOn PPK', { waitingOn: 'PPK' }, []],
      ['stage CLEARED', { stage: 'CLEARED' }, ['A/R2']],
      ['stage SANCTION_EXECUTED', { stage: 'SANCTION_EXECUTED' }, ['A/R1']],
      ['followUpStatus AS_RECOMMENDED', { followUpStatus: 'AS_RECOMMENDED' }, ['A/R1']],
      ['followUpStatus NOT_AS_RECOMMENDED', { followUpStatus: 'NOT_AS_RECOMMENDED' }, []],
      ['followUpStatus CANNOT_BE_ACTED_ON', { followUpStatus: 'CANNOT_BE_ACTED_ON' }, ['B/R1']],
      ['followUpStatus PENDING', { followUpStatus: 'PENDING' }, []],
      ['regionPrefix 16.73', { regionPrefix: '16.73' }, ['A/R1', 'A/R2', 'C/R1']],
      ['regionPrefix 16.05', { regionPrefix: '16.05' }, ['B/R1']],
      ['regionPrefix 16 (the province)', { regionPrefix: '16' }, ['A/R1', 'A/R2', 'B/R1', 'C/R1']],
      ['regionPrefix 13 (another province)', { regionPrefix: '13' }, []],
      ['regionPrefix 16.73 and stage CLEARED', { regionPrefix: '16.73', stage: 'CLEARED' }, ['A/R2']],
    ] as Array<[string, Record<string, string>, string[]]>)('filter %s', async (_name, filter, expected) => {
      const first = await followUpPage(oversight, filter, 100);
      expect(ids(first.edges.map((e) => e.node))).toEqual([...expected].sort());
      expect(first.totalCount).toBe(expected.length);
    });

    it.each([1, 2, 3])('pagination with first: %i gives every row exactly once, in a stable order', async (first) => {
      const everything = await followUpPage(oversight, null, 100);
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page = await followUpPage(oversight, null, first, after);
        pages += 1;
        expect(page.edges.length).toBeLessThanOrEqual(first);
        expect(page.totalCount).toBe(4);
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...page.edges.map((e) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
        after = page.pageInfo.endCursor;
        expect(pages).toBeLessThan(10);
      }
      expect(pages).toBe(Math.ceil(4 / first));
      expect(seen).toEqual(everything.edges.map((e) => e.node.id));
      expect(new Set(seen).size).toBe(4);
    });

    it('pagination with a filter pages within the filter', async () => {
      const page1 = await followUpPage(oversight, { regionPrefix: '16.73' }, 2);
      expect(page1.edges).toHaveLength(2);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = await followUpPage(oversight, { regionPrefix: '16.73' }, 2, page1.pageInfo.endCursor);
      expect(page2.edges).toHaveLength(1);
      expect(page2.pageInfo.hasNextPage).toBe(false);
      expect(ids([...page1.edges, ...page2.edges].map((e) => e.node))).toEqual(['A/R1', 'A/R2', 'C/R1']);
    });

    it('followUpSummary by region and PPK counts persons and cases, statuses and the acted-on rate', async () => {
      const figures = await summary(oversight, ['REGION', 'PPK']);

      expect(figures.buckets).toHaveLength(3);
      const walikota = bucket(figures, '16.73', 'Walikota Lubuk Linggau')!;
      expect(walikota).toMatchObject({ total: 1, cases: 1, overdue: 0, actedOnRate: 1, medianDaysToExecute: 14 });
      expect(walikota.key.regionName).toBe('Kota Lubuk Linggau');
      expect(statusCount(walikota, 'AS_RECOMMENDED')).toBe(1);
      expect(statusCount(walikota, 'NOT_AS_RECOMMENDED')).toBe(0);
      expect(stageCount(walikota, 'SANCTION_EXECUTED')).toBe(1);

      const noPpk = bucket(figures, '16.73', null)!;
      expect(noPpk).toMatchObject({ total: 2, cases: 2, overdue: 1, actedOnRate: null, medianDaysToExecute: null });
      expect(stageCount(noPpk, 'CLEARED')).toBe(1);
      expect(stageCount(noPpk, 'REPORTED')).toBe(1);
      expect(noPpk.byStatus.every((s) => s.count === 0)).toBe(true);

      const musiRawas = bucket(figures, '16.05', 'Bupati Musi Rawas')!;
      expect(musiRawas).toMatchObject({ total: 1, cases: 1, overdue: 0, actedOnRate: 0 });
      expect(musiRawas.key.regionName).toBe('Kabupaten Musi Rawas');
      expect(statusCount(musiRawas, 'CANNOT_BE_ACTED_ON')).toBe(1);

      expect(figures.overall).toMatchObject({ total: 4, cases: 3, overdue: 1, actedOnRate: 0.5 });
      expect(statusCount(figures.overall, 'AS_RECOMMENDED')).toBe(1);
      expect(statusCount(figures.overall, 'CANNOT_BE_ACTED_ON')).toBe(1);
      expect(statusCount(figures.overall, 'PENDING')).toBe(0);
    });

    it('the summary agrees with the followUps rows it aggregates', async () => {
      const rows = await allFollowUps(oversight);
      const figures = await summary(oversight, ['REGION', 'PPK']);
      const regency = (code: string) => code.split('.').slice(0, 2).join('.');
      const groups = new Map<string, FollowUpRow[]>();
      for (const row of rows) {
        const key = `${regency(row.regionCode)}|${row.ppk?.title ?? ''}`;
        groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      expect(figures.buckets.map((b) => `${b.key.regionCode}|${b.key.ppk ?? ''}`).sort()).toEqual([...groups.keys()].sort());
      for (const b of figures.buckets) {
        const members = groups.get(`${b.key.regionCode}|${b.key.ppk ?? ''}`)!;
        expect(b.total).toBe(members.length);
        expect(b.cases).toBe(new Set(members.map((m) => m.caseId)).size);
        for (const status of ['PENDING', 'AS_RECOMMENDED', 'NOT_AS_RECOMMENDED', 'CANNOT_BE_ACTED_ON']) {
          expect(statusCount(b, status)).toBe(members.filter((m) => m.followUpStatus === status).length);
        }
        expect(b.overdue).toBe(members.filter((m) => m.overdue).length);
        const decided = members.filter((m) => m.followUpStatus !== null);
        const actedOn = decided.filter((m) => m.followUpStatus === 'AS_RECOMMENDED' || m.followUpStatus === 'NOT_AS_RECOMMENDED');
        expect(b.actedOnRate).toBe(decided.length === 0 ? null : actedOn.length / decided.length);
      }
      expect(figures.overall.total).toBe(rows.length);
    });

    it('a summary filtered by region only counts that region', async () => {
      const figures = await summary(oversight, ['REGION'], { regionPrefix: '16.05' });
      expect(figures.overall).toMatchObject({ total: 1, cases: 1, actedOnRate: 0 });
      expect(figures.buckets.map((b) => [b.key.regionCode, b.total])).toEqual([['16.05', 1]]);
    });
  });

  describe('a TNI sergeant and a village head beside an ASN', () => {
    const SERGEANT_NRP = '21150234567';
    const VILLAGE_HEAD_NIK = '1673025203700003';
    const NIP_LURAH = '197812242006041002';
    const DANDIM = { title: 'Dandim 0406/Lubuklinggau (Ankum)', regionCode: '16.73' };
    let mixed: FullCase;
    let asnBefore: Summary;
    let tni: GraphQLClient;
    let tniKodim: GraphQLClient;

    /** Code and field of a refusal: the API names the field at fault. */
    async function refusalOf(request: Promise<unknown>) {
      try {
        await request;
      } catch (error) {
        const [first] = (error as { response: { errors: Array<{ extensions: { code: string; field?: string } }> } }).response.errors;
        return { code: first.extensions.code, field: first.extensions.field ?? null };
      }
      return { code: 'OK', field: null };
    }

    beforeAll(async () => {
      [tni, tniKodim] = await Promise.all([netra.client('TNI', '16'), netra.client('TNI', '16.73')]);
      asnBefore = await summary(oversight, ['REGION', 'PPK']);
    });

    it('Bawaslu 16.73 reports them with the identifier of each kind; an NIP for the sergeant is refused', async () => {
      const respondents = [
        { name: 'Hasan Basri', nip: NIP_LURAH, employment: 'PNS', position: 'Lurah', institution: 'Kelurahan Taba Jemekeh', institutionRegionCode: '16.73' },
        { name: 'Serka Agus Wibowo', nrp: SERGEANT_NRP, employment: 'TNI', position: 'Babinsa', institution: 'Kodim 0406/Lubuklinggau', institutionRegionCode: '16.73' },
        { name: 'Siti Rohmah', nik: VILLAGE_HEAD_NIK, employment: 'VILLAGE_HEAD', position: 'Kepala Desa', institution: 'Desa Air Kuti', institutionRegionCode: '16.73.02' },
      ];
      const nipForSergeant = respondents.map((r, i) => (i === 1 ? { ...r, nrp: undefined, nip: NIP_STAFF } : r));
      expect(await refusalOf(mutate(bawaslu, REPORT, aLaporan({ respondents: nipForSergeant })))).toEqual({ code: 'BAD_USER_INPUT', field: 'respondents[1].nip' });
      const badNik = respondents.map((r, i) => (i === 2 ? { ...r, nik: '1673027102700003' } : r));
      expect(await refusalOf(mutate(bawaslu, REPORT, aLaporan({ respondents: badNik })))).toEqual({ code: 'BAD_USER_INPUT', field: 'respondents[2].nik' });

      mixed = await mutate(bawaslu, REPORT, aLaporan({ respondents }));
      expect(mixed.respondents.map((r) => [r.respondentId, r.employment, r.nip, r.nrp, r.nik])).toEqual([
        ['R1', 'PNS', NIP_LURAH, null, null],
        ['R2', 'TNI', null, SERGEANT_NRP, null],
        ['R3', 'VILLAGE_HEAD', null, null, VILLAGE_HEAD_NIK],
      ]);
      await expectReadBackEquals(mixed);
      mixed = await mutate(bawaslu, STUDY, aStudy(mixed.id, { R1: 'VIOLATION', R2: 'VIOLATION', R3: 'VIOLATION' }));
    });

    it('Bawaslu recommends each to the body that handles them: BKN, the TNI, the walikota', async () => {
      expect(await refusalOf(mutate(bawaslu, RECOMMEND, aRecommendation(mixed.id, ['R1', 'R2'])))).toEqual({ code: 'BAD_USER_INPUT', field: 'recipient' });
      await mutate(bawaslu, RECOMMEND, aRecommendation(mixed.id, ['R1']));
      await mutate(bawaslu, RECOMMEND, aRecommendation(mixed.id, ['R2'], { recipient: 'TNI', letterNumber: '0457/PP.01.02/K.SS-16.73/09/2024' }));
      mixed = await mutate(bawaslu, RECOMMEND, aRecommendation(mixed.id, ['R3'], { recipient: 'REGIONAL_HEAD', letterNumber: '0458/PP.01.02/K.SS-16.73/09/2024' }));
      expect(mixed.respondents.map((r) => [r.respondentId, r.stage, r.recommendationRecipient, r.waitingOn])).toEqual([
        ['R1', 'RECOMMENDED', 'BKN', 'BKN'],
        ['R2', 'RECOMMENDED', 'TNI', 'TNI'],
        ['R3', 'RECOMMENDED', 'REGIONAL_HEAD', 'PPK'],
      ]);
      for (const r of mixed.respondents) expect(r.dueAt).not.toBeNull();
      expect((await allFollowUps(ppk, { waitingOn: 'PPK' })).map((r) => [r.caseId, r.respondentId])).toEqual([[mixed.id, 'R3']]);
    });

    it('the TNI decides the sergeant’s punishment (never a civil-service one, never BKN); the walikota the village head’s', async () => {
      const detention = aSanctionDecision(mixed.id, 'R2', { sanction: 'TNI_LIGHT_DETENTION', ppk: DANDIM, letterNumber: 'B/112/X/2024/Kodim0406' });
      expect(await refusalOf(mutate(bkn, DECIDE, detention))).toEqual({ code: 'FORBIDDEN', field: null });
      expect(await refusalOf(mutate(tni, DECIDE, { ...detention, sanction: 'DEMOTION_12M' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'sanction' });
      await mutate(tni, DECIDE, detention);
      await mutate(bkn, DECIDE, aSanctionDecision(mixed.id, 'R1', { sanction: 'WRITTEN_REPRIMAND' }));
      mixed = await mutate(ppk, DECIDE, aSanctionDecision(mixed.id, 'R3', { sanction: 'VILLAGE_WRITTEN_REPRIMAND', letterNumber: '100.3.5/210/Pem/2024' }));
      expect(mixed.respondents.map((r) => [r.respondentId, r.stage, r.decidedBy, r.recommendedSanction, r.waitingOn, r.followUpStatus, r.ppk?.title])).toEqual([
        ['R1', 'SANCTION_DECIDED', 'BKN', 'WRITTEN_REPRIMAND', 'PPK', 'PENDING', 'Walikota Lubuk Linggau'],
        ['R2', 'SANCTION_DECIDED', 'TNI', 'TNI_LIGHT_DETENTION', 'TNI', 'PENDING', DANDIM.title],
        ['R3', 'SANCTION_DECIDED', 'PPK', 'VILLAGE_WRITTEN_REPRIMAND', 'PPK', 'PENDING', 'Walikota Lubuk Linggau'],
      ]);
      expect(track(mixed, 'R2').dueAt).not.toBeNull();
    });

    it('each body records what it carried out, with the same follow-up statuses', async () => {
      expect(await refusalOf(mutate(ppk, EXECUTE, anExecution(mixed.id, 'R2', { sanction: 'TNI_LIGHT_DETENTION' })))).toEqual({ code: 'FORBIDDEN', field: null });
      await mutate(tniKodim, EXECUTE, anExecution(mixed.id, 'R2', { sanction: 'TNI_LIGHT_DETENTION', decreeNumber: 'Kep/77/X/2024' }));
      await mutate(ppk, EXECUTE, anExecution(mixed.id, 'R1', { sanction: 'WRITTEN_REPRIMAND' }));
      mixed = await mutate(ppk, EXECUTE, anExecution(mixed.id, 'R3', { sanction: 'VILLAGE_VERBAL_REPRIMAND', decreeNumber: '141/55/Pem/2024' }));
      expect(mixed.stage).toBe('SANCTION_EXECUTED');
      expect(mixed.respondents.map((r) => [r.respondentId, r.stage, r.executedSanction, r.followUpStatus, r.waitingOn])).toEqual([
        ['R1', 'SANCTION_EXECUTED', 'WRITTEN_REPRIMAND', 'AS_RECOMMENDED', null],
        ['R2', 'SANCTION_EXECUTED', 'TNI_LIGHT_DETENTION', 'AS_RECOMMENDED', null],
        ['R3', 'SANCTION_EXECUTED', 'VILLAGE_VERBAL_REPRIMAND', 'NOT_AS_RECOMMENDED', null],
      ]);
      expect(mixed.timeline.filter((t) => t.type === 'SanctionExecuted').map((t) => `${t.agency} ${t.unit}`)).toEqual(['TNI 16.73', 'PPK 16.73', 'PPK 16.73']);
      expect(mixed.timeline.find((t) => t.type === 'SanctionExecuted')?.description).toMatch(/^TNI executed TNI_LIGHT_DETENTION for R2/);
      expect(mixed.timeline.filter((t) => t.type === 'SanctionDecided').map((t) => t.description.split(' ').slice(0, 2).join(' '))).toEqual(['TNI decided', 'BKN recommended', 'PPK decided']);
      await expectReadBackEquals(mixed);
    });

    it('figures count ASN only unless asked: the ASN figures moved by the one new civil servant, and nothing else', async () => {
      const asnAfter = await summary(oversight, ['REGION', 'PPK']);
      const figuresOnly = ({ asOf: _instant, ...figures }: Summary) => figures;
      expect(figuresOnly(await summary(oversight, ['REGION', 'PPK'], { respondentKinds: ['CIVIL_SERVICE'] }))).toEqual(figuresOnly(asnAfter));
      expect(asnAfter.overall).toMatchObject({ total: asnBefore.overall.total + 1, cases: asnBefore.overall.cases + 1 });
      const walikota = (s: Summary) => bucket(s, '16.73', 'Walikota Lubuk Linggau')!;
      expect(walikota(asnAfter)).toMatchObject({ total: walikota(asnBefore).total + 1, actedOnRate: 1 });
      expect(statusCount(walikota(asnAfter), 'AS_RECOMMENDED')).toBe(statusCount(walikota(asnBefore), 'AS_RECOMMENDED') + 1);
      // Everything but the new civil servant's own bucket is exactly as before.
      const others = (s: Summary) => s.buckets.filter((b) => !(b.key.regionCode === '16.73' && b.key.ppk === 'Walikota Lubuk Linggau'));
      expect(others(asnAfter)).toEqual(others(asnBefore));

      const byKind = await summary(oversight, ['RESPONDENT_KIND'], { respondentKinds: ['CIVIL_SERVICE', 'TNI', 'POLRI', 'VILLAGE'] });
      expect(byKind.buckets.map((b) => [b.key.respondentKind, b.total, b.actedOnRate])).toEqual([
        ['CIVIL_SERVICE', asnAfter.overall.total, asnAfter.overall.actedOnRate],
        ['TNI', 1, 1],
        ['VILLAGE', 1, 1],
      ]);
      expect(statusCount(byKind.buckets[2], 'NOT_AS_RECOMMENDED')).toBe(1);
      expect(byKind.overall.total).toBe(asnAfter.overall.total + 2);
      const tniOnly = await summary(oversight, ['PPK'], { respondentKinds: ['TNI'] });
      expect(tniOnly.buckets.map((b) => [b.key.ppk, b.total])).toEqual([[DANDIM.title, 1]]);
    });
  });
});
