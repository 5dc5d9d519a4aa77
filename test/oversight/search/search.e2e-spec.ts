import { gql, type GraphQLClient } from 'graphql-request';
import { rebuildPostgresReadModel } from '../../../src/oversight/projection/rebuild';
import type { Storage } from '../../../src/storage/storage';
import { STORAGE } from '../../../src/storage/storage.module';
import { aRecommendation, aSanctionDecision, aStudy, anExecution, BUPATI_MUSI_RAWAS, DECIDE, EXECUTE, mutate, RECOMMEND, REPORT, STUDY } from '../../e2e/case-steps';
import { aLaporan } from '../../e2e/fixtures';
import { CaseWorkflowClient, refusal as grpcRefusal } from '../../grpc/grpc-client';
import { codeOf } from '../../support/netra-app';
import { onBothStores, type StartedNetra } from '../../support/on-both-stores';

const SULASTRI = { name: 'Sulastri Wahyuningtyas', nip: '198706142010032007' };
const HENDRA = { name: 'Hendra Gunawan', nip: '198511032009011003' };
const LETTERS = {
  recommendation: '0456/PP.01.02/K.SS-16.73/09/2024',
  decisionR1: 'B-1444/KS.04.03/10/2024',
  decisionR2: 'B-1502/KS.04.03/10/2024',
  decreeR1: '800.1.6.4/123/BKPSDM/2024',
};

const SEARCH = gql`
  query search($query: String!, $first: Int, $after: String) {
    search(query: $query, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor matchedOn respondentIds score node { id registerNumber respondents { respondentId name identityWithheld } } }
    }
  }
`;

interface Hit {
  cursor: string;
  matchedOn: string[];
  respondentIds: string[];
  score: number;
  node: { id: string; registerNumber: string; respondents: Array<{ respondentId: string; name: string | null; identityWithheld: boolean }> };
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Hit[];
}

const search = async (client: GraphQLClient, query: string, first = 20, after: string | null = null): Promise<Page> =>
  (await client.request<{ search: Page }>(SEARCH, { query, first, after })).search;

/** The field a refusal names, with its code. */
async function refusal(request: Promise<unknown>): Promise<{ code: string; field?: string }> {
  try {
    await request;
    return { code: 'OK' };
  } catch (error) {
    const extensions = (error as { response: { errors: Array<{ extensions: { code: string; field?: string } }> } }).response.errors[0].extensions;
    return { code: extensions.code, field: extensions.field };
  }
}

onBothStores('search', (start) => {
  let started: StartedNetra;
  let national: GraphQLClient;
  let bawaslu: GraphQLClient;
  let ppkLubukLinggau: GraphQLClient;
  let bawasluMusiRawas: GraphQLClient;
  /** Lubuk Linggau: Sulastri (16.73) and Hendra (Musi Rawas, 16.05), decided and, for Sulastri, executed. */
  let main: { id: string; registerNumber: string };
  /** Kota Solok (13.72): a namesake, outside Lubuk Linggau's region. */
  let solok: string;
  let bystander: string;

  beforeAll(async () => {
    started = await start();
    const { netra } = started;
    national = await netra.client('OVERSIGHT');
    bawaslu = await netra.client('BAWASLU', '16.73');
    ppkLubukLinggau = await netra.client('PPK', '16.73');
    bawasluMusiRawas = await netra.client('BAWASLU', '16.05');
    const bkn = await netra.client('BKN');
    main = await mutate(
      bawaslu,
      REPORT,
      aLaporan({
        summary: 'Terlapor memakai kaus pasangan calon saat deklarasi di Lapangan Merdeka',
        respondents: [
          { ...SULASTRI, employment: 'PNS', position: 'Kepala Seksi', institution: 'Kecamatan Lubuk Linggau Timur I', institutionRegionCode: '16.73' },
          { ...HENDRA, employment: 'PNS', position: 'Staf', institution: 'Dinas Pendidikan Kabupaten Musi Rawas', institutionRegionCode: '16.05' },
        ],
      }),
    );
    await mutate(bawaslu, STUDY, aStudy(main.id, { R1: 'VIOLATION', R2: 'VIOLATION' }));
    await mutate(bawaslu, RECOMMEND, aRecommendation(main.id, ['R1', 'R2'], { letterNumber: LETTERS.recommendation }));
    await mutate(bkn, DECIDE, aSanctionDecision(main.id, 'R1', { letterNumber: LETTERS.decisionR1 }));
    await mutate(bkn, DECIDE, aSanctionDecision(main.id, 'R2', { letterNumber: LETTERS.decisionR2, ppk: BUPATI_MUSI_RAWAS }));
    await mutate(ppkLubukLinggau, EXECUTE, anExecution(main.id, 'R1', { decreeNumber: LETTERS.decreeR1 }));
    bystander = (await mutate(bawaslu, REPORT, aLaporan())).id;
    const bawasluSolok = await netra.client('BAWASLU', '13.72');
    solok = (
      await mutate(
        bawasluSolok,
        REPORT,
        aLaporan({
          election: { kind: 'PILKADA', year: 2024, regionCode: '13.72' },
          handlingUnit: '13.72',
          respondents: [{ name: 'Sulastri Wahyuni', nip: '199002142015032004', employment: 'PNS', institution: 'Dinas Pendidikan Kota Solok', institutionRegionCode: '13.72' }],
        }),
      )
    ).id;
  }, 120_000);
  afterAll(() => started.cleanup());

  it('finds a case by name (also misspelt), NIP with or without spaces, register, letter and decree numbers, and words of the summary', async () => {
    const found = async (query: string) => (await search(bawaslu, query)).edges.map((e) => ({ id: e.node.id, matchedOn: e.matchedOn, respondentIds: e.respondentIds }));
    expect(await found('Sulastri Wahyuningtyas')).toEqual([{ id: main.id, matchedOn: ['NAME'], respondentIds: ['R1'] }]);
    expect(await found('sulastri wahyuningtias')).toEqual([{ id: main.id, matchedOn: ['NAME'], respondentIds: ['R1'] }]);
    expect(await found('Gunawan')).toEqual([{ id: main.id, matchedOn: ['NAME'], respondentIds: ['R2'] }]);
    expect(await found(SULASTRI.nip)).toEqual([{ id: main.id, matchedOn: ['IDENTIFIER'], respondentIds: ['R1'] }]);
    expect(await found('19870614 201003 2 007')).toEqual([{ id: main.id, matchedOn: ['IDENTIFIER'], respondentIds: ['R1'] }]);
    const register = main.registerNumber.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
    expect(await found(register)).toEqual([{ id: main.id, matchedOn: ['REGISTER_NUMBER'], respondentIds: [] }]);
    expect(await found(LETTERS.recommendation)).toEqual([{ id: main.id, matchedOn: ['LETTER_NUMBER'], respondentIds: ['R1', 'R2'] }]);
    expect(await found('b 1502 ks 04 03 10 2024')).toEqual([{ id: main.id, matchedOn: ['LETTER_NUMBER'], respondentIds: ['R2'] }]);
    expect(await found(LETTERS.decreeR1)).toEqual([{ id: main.id, matchedOn: ['LETTER_NUMBER'], respondentIds: ['R1'] }]);
    expect(await found('kaus deklarasi')).toEqual([{ id: main.id, matchedOn: ['SUMMARY'], respondentIds: [] }]);
    expect(await found('Bambang Pamungkas')).toEqual([]);
  });

  it('ranks exact keys first and pages through every hit once', async () => {
    const first = await search(national, 'Sulastri', 1);
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const second = await search(national, 'Sulastri', 1, first.pageInfo.endCursor);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((e) => e.node.id).sort()).toEqual([main.id, solok].sort());
    const exact = await search(national, SULASTRI.nip);
    expect(exact.edges.map((e) => [e.node.id, e.score])).toEqual([[main.id, 1]]);
    const partial = await search(national, 'Ahmad Fauz');
    expect(partial.edges.map((e) => [e.node.id, e.matchedOn])).toEqual([[bystander, ['NAME']]]);
    expect(partial.edges[0].score).toBeGreaterThanOrEqual(0.6);
    expect(partial.edges[0].score).toBeLessThan(1);
  });

  it('finds nothing outside what the caller may see: a withheld respondent is not found by name, NIP or letter, and adds no count', async () => {
    // The PPK of Lubuk Linggau reads the case but sees only Sulastri; Hendra is "another respondent outside your region".
    const seen = await search(ppkLubukLinggau, 'Sulastri Wahyuningtyas');
    expect(seen.edges.map((e) => [e.node.id, e.respondentIds])).toEqual([[main.id, ['R1']]]);
    expect(seen.edges[0].node.respondents.map((r) => [r.respondentId, r.identityWithheld])).toEqual([['R1', false], ['R2', true]]);
    for (const query of [HENDRA.name, 'Gunawan', HENDRA.nip, '19851103 200901 1 003', LETTERS.decisionR2]) {
      expect([query, await search(ppkLubukLinggau, query)]).toEqual([query, { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] }]);
    }
    // The letter both share is found through Sulastri only, and counts the case once.
    const shared = await search(ppkLubukLinggau, LETTERS.recommendation);
    expect(shared.edges.map((e) => [e.node.id, e.respondentIds, e.score])).toEqual([[main.id, ['R1'], 1]]);
    expect(shared.totalCount).toBe(1);
    // Bawaslu Musi Rawas reads the case through Hendra's institution and sees only him.
    expect((await search(bawasluMusiRawas, 'Sulastri')).totalCount).toBe(0);
    expect((await search(bawasluMusiRawas, HENDRA.nip)).edges.map((e) => [e.node.id, e.respondentIds])).toEqual([[main.id, ['R2']]]);
    // The namesake in Kota Solok lies outside Lubuk Linggau: not found, not counted.
    expect((await search(ppkLubukLinggau, 'Sulastri')).edges.map((e) => e.node.id)).toEqual([main.id]);
    expect((await search(national, 'Sulastri Wahyuni')).edges.map((e) => e.node.id)).toContain(solok);
    // Without a token: nothing, not even a count (a larger selection is refused earlier, by the anonymous cost limit).
    expect(await codeOf(started.netra.anonymous().request('{ search(query: "Sulastri", first: 1) { totalCount } }'))).toBe('UNAUTHENTICATED');
  });

  it('records a hit found by name or NIP in the access audit, as a read of that field', async () => {
    const { accessAudit } = await national.request<{ accessAudit: { edges: Array<{ node: { userId: string; respondentId: string; fields: string[] } }> } }>(
      gql`query ($caseId: ID) { accessAudit(filter: { caseId: $caseId }, first: 100) { edges { node { userId respondentId fields } } } }`,
      { caseId: main.id },
    );
    const ppkReads = accessAudit.edges.map((e) => e.node).filter((n) => n.userId === 'PPK-16.73');
    expect(ppkReads.map((n) => n.respondentId)).not.toContain('R2');
    expect(ppkReads).toContainEqual(expect.objectContaining({ respondentId: 'R1', fields: expect.arrayContaining(['name']) }));
  });

  it('refuses an empty, blank, too long or signless query, a bad page size or cursor, naming the field', async () => {
    expect(await refusal(search(bawaslu, ''))).toEqual({ code: 'BAD_USER_INPUT', field: 'query' });
    expect(await refusal(search(bawaslu, '   '))).toEqual({ code: 'BAD_USER_INPUT', field: 'query' });
    expect(await refusal(search(bawaslu, 'a'.repeat(201)))).toEqual({ code: 'BAD_USER_INPUT', field: 'query' });
    expect(await refusal(search(bawaslu, '--/--'))).toEqual({ code: 'BAD_USER_INPUT', field: 'query' });
    expect(await refusal(search(bawaslu, 'Sulastri', 0))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await refusal(search(bawaslu, 'Sulastri', 5, 'not-a-cursor'))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('answers the same over gRPC (SearchCases), within the same visibility', async () => {
    const grpc = new CaseWorkflowClient(started.netra.grpcAddress);
    try {
      const found = await grpc.call('SearchCases', { query: '19870614 201003 2 007' }, { agency: 'PPK', region: '16.73' });
      expect(found.totalCount).toBe(1);
      expect(found.hits.map((h: any) => [h.case.id, h.matchedOn, h.respondentIds, h.score])).toEqual([[main.id, ['SEARCH_KEY_IDENTIFIER'], ['R1'], 1]]); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(found.hits[0].case.respondents.map((r: any) => [r.respondentId, r.identityWithheld])).toEqual([['R1', false], ['R2', true]]); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect((await grpc.call('SearchCases', { query: HENDRA.nip }, { agency: 'PPK', region: '16.73' })).totalCount ?? 0).toBe(0);
      const first = await grpc.call('SearchCases', { query: 'Sulastri', pageSize: 1 }, { agency: 'OVERSIGHT' });
      const second = await grpc.call('SearchCases', { query: 'Sulastri', pageSize: 1, pageToken: first.nextPageToken }, { agency: 'OVERSIGHT' });
      expect([...first.hits, ...second.hits].map((h: any) => h.case.id).sort()).toEqual([main.id, solok].sort()); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(second.nextPageToken).toBe('');
      expect(await grpcRefusal(grpc.call('SearchCases', { query: ' ' }, { agency: 'OVERSIGHT' }))).toMatchObject({ netraCode: 'BAD_USER_INPUT', field: 'query' });
      expect(await grpcRefusal(grpc.call('SearchCases', { query: 'Sulastri' }, null))).toMatchObject({ netraCode: 'UNAUTHENTICATED' });
    } finally {
      grpc.close();
    }
  });

  it('still answers the same after a rebuild of the read model (PostgreSQL: a new schema swapped in)', async () => {
    if (!started.databaseUrl) return; // the embedded rebuild runs with the service stopped (npm run rebuild)
    const before = await search(national, 'Sulastri');
    const storage = started.netra.app.get<Storage>(STORAGE);
    await rebuildPostgresReadModel(storage.store, started.databaseUrl, storage.keys);
    expect(await search(national, 'Sulastri')).toEqual(before);
    expect((await search(national, 'kaus deklarasi')).totalCount).toBe(1);
  });

  it('after erasure the name, NIP and summary no longer find the case; its register and letter numbers still do', async () => {
    const bawasluNational = await started.netra.client('BAWASLU', null);
    await bawasluNational.request(gql`mutation ($input: ErasePersonalDataInput!) { erasePersonalData(input: $input) { id } }`, {
      input: { caseId: main.id, reason: 'Permintaan subjek data (UU 27/2022)', overrideLegalHold: true },
    });
    for (const query of [SULASTRI.name, 'Sulastri', SULASTRI.nip, HENDRA.name, 'kaus deklarasi', 'erased']) {
      expect([query, (await search(national, query)).edges.map((e) => e.node.id)]).toEqual([query, query.startsWith('Sulastri') ? [solok] : []]);
    }
    expect((await search(national, main.registerNumber)).edges.map((e) => [e.node.id, e.matchedOn])).toEqual([[main.id, ['REGISTER_NUMBER']]]);
    expect((await search(national, LETTERS.decreeR1)).edges.map((e) => e.node.id)).toEqual([main.id]);
    // Nothing searched for was logged, nor a refusal's query.
    const logs = started.netra.logs.join('\n');
    for (const value of [SULASTRI.name, SULASTRI.nip, HENDRA.name, HENDRA.nip, '19870614 201003 2 007', 'kaus deklarasi']) expect(logs).not.toContain(value);
  });
});
