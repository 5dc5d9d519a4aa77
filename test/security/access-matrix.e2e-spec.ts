import { gql, type GraphQLClient } from 'graphql-request';
import { randomUUID } from 'node:crypto';
import type { Agency } from '../../src/case/case-vocabulary';
import { CaseWorkflowClient, refusal } from '../grpc/grpc-client';
import { Feed } from '../grpc/event-feed';
import { download, tokenFor } from '../oversight/exports-support';
import { codeOf, startTestNetra, type RunningNetra } from '../support/netra-app';
import { appendedSince, storeHead } from './security-support';

/**
 * The whole of CONTRACT.md "Who may do what", walked exhaustively against a running Netra: every
 * agency, from inside, above, beside and outside the case's region, tries every write; every
 * refusal is FORBIDDEN and appends nothing. The expected table is copied from the contract here,
 * never imported from src/case/case-access.ts, so the code cannot grade itself.
 */

const AGENCIES: Agency[] = ['BAWASLU', 'KASN', 'BKN', 'PPK', 'KEMENDAGRI', 'KEMENPANRB', 'OVERSIGHT'];

/** Where the caller's unit sits relative to a case handled in Lubuk Linggau (16.73), PPK Walikota Lubuk Linggau (16.73). */
const PLACES = {
  'the city itself (16.73)': '16.73',
  'its province (16)': '16',
  'a neighbouring city (16.74)': '16.74',
  'another province (13)': '13',
  national: null,
} as const;
type Place = keyof typeof PLACES;
const PLACE_NAMES = Object.keys(PLACES) as Place[];
const INSIDE: Place[] = ['the city itself (16.73)', 'its province (16)', 'national'];

type Operation =
  | 'reportCase'
  | 'recordStudy'
  | 'issueRecommendation'
  | 'decideSanction'
  | 'recordSanctionExecution'
  | 'declareFollowUpImpossible'
  | 'correctSanctionExecution'
  | 'erasePersonalData';

/**
 * CONTRACT.md, "Who may do what" (and README "Who may do what" for erasePersonalData, which the
 * contract table does not list): who may, from where. Everything else is FORBIDDEN. "A unit acts on
 * what lies inside its region (code-prefix match)"; absent region = national.
 */
const ALLOWED: Record<Operation, Array<[Agency, Place[]]>> = {
  // BAWASLU whose region contains the case's handling unit
  reportCase: [['BAWASLU', INSIDE]],
  recordStudy: [['BAWASLU', INSIDE]],
  issueRecommendation: [['BAWASLU', INSIDE]],
  // BKN (or KASN for decisions dated before 24 Aug 2024) — the fixture's decision is dated March 2024
  decideSanction: [['BKN', INSIDE], ['KASN', INSIDE]],
  // "the PPK of exactly the region named in the sanction decision (a province PPK only where the decision names the governor)"
  recordSanctionExecution: [['PPK', ['the city itself (16.73)']]],
  // that PPK, or BKN
  declareFollowUpImpossible: [['PPK', ['the city itself (16.73)']], ['BKN', INSIDE]],
  // README: a corrected decree, by that PPK (exactly the region the decision names) or BKN
  correctSanctionExecution: [['PPK', ['the city itself (16.73)']], ['BKN', INSIDE]],
  // README: Bawaslu erases a closed case's personal data, within its region
  erasePersonalData: [['BAWASLU', INSIDE]],
};

/** "queries: any authenticated agency, within its region; BKN, KASN, OVERSIGHT and national units see all". */
const readsLubukLinggau = (agency: Agency, place: Place) => INSIDE.includes(place) || ['BKN', 'KASN', 'OVERSIGHT'].includes(agency);

/** "A caller that may not read a case gets NOT_FOUND for every operation on it, whatever else is wrong." */
const expected = (operation: Operation, agency: Agency, place: Place) => {
  if (ALLOWED[operation].some(([a, places]) => a === agency && places.includes(place))) return 'OK';
  return operation !== 'reportCase' && !readsLubukLinggau(agency, place) ? 'NOT_FOUND' : 'FORBIDDEN';
};

// ---- a case in Lubuk Linggau, all before KASN was dissolved (24 Aug 2024) -------------------------

const AT = {
  occurredAt: '2024-03-01T08:00:00+07:00',
  knownAt: '2024-03-01T12:00:00+07:00',
  receivedAt: '2024-03-02T09:00:00+07:00',
  studiedAt: '2024-03-05T10:00:00+07:00',
  issuedAt: '2024-03-07T10:00:00+07:00',
  decidedAt: '2024-03-12T10:00:00+07:00',
  executedAt: '2024-03-20T10:00:00+07:00',
  declaredAt: '2024-03-21T10:00:00+07:00',
};

const REPORTER = { name: 'Siti Rahmawati', phone: '+62 811 7000 2222' };

function aReport(overrides: Record<string, unknown> = {}) {
  return {
    source: 'REPORT',
    election: { kind: 'PILKADA', year: 2024, regionCode: '16.73' },
    handlingUnit: '16.73',
    occurredAt: AT.occurredAt,
    knownAt: AT.knownAt,
    receivedAt: AT.receivedAt,
    summary: 'A lurah handed out a candidate’s calendar at a village meeting.',
    violations: ['PARTISAN_ACTIVITY'],
    respondents: [{ name: 'Hendra Wijaya', nip: '197905122006041003', employment: 'PNS', position: 'Lurah', institution: 'Kelurahan Taba Jemekeh', institutionRegionCode: '16.73' }],
    reporter: REPORTER,
    ...overrides,
  };
}

const MUTATION = (name: string, input: string) => gql`
  mutation ${name}($input: ${input}!) { ${name}(input: $input) { id version stage } }
`;
const DOCUMENTS: Record<Operation, string> = {
  reportCase: MUTATION('reportCase', 'ReportCaseInput'),
  recordStudy: MUTATION('recordStudy', 'RecordStudyInput'),
  issueRecommendation: MUTATION('issueRecommendation', 'IssueRecommendationInput'),
  decideSanction: MUTATION('decideSanction', 'DecideSanctionInput'),
  recordSanctionExecution: MUTATION('recordSanctionExecution', 'RecordSanctionExecutionInput'),
  declareFollowUpImpossible: MUTATION('declareFollowUpImpossible', 'DeclareFollowUpImpossibleInput'),
  correctSanctionExecution: MUTATION('correctSanctionExecution', 'CorrectSanctionExecutionInput'),
  erasePersonalData: MUTATION('erasePersonalData', 'ErasePersonalDataInput'),
};

interface Written {
  id: string;
  version: number;
  stage: string;
}

async function send(client: GraphQLClient, operation: Operation, input: Record<string, unknown>): Promise<Written> {
  const result = await client.request<Record<string, Written>>(DOCUMENTS[operation], { input });
  return result[operation];
}

/** The input each operation is tried with, on a case in the stage it needs. */
const ATTEMPT: Record<Operation, (caseId: string) => Record<string, unknown>> = {
  reportCase: () => aReport(),
  recordStudy: (caseId) => ({ caseId, studiedAt: AT.studiedAt, findings: [{ respondentId: 'R1', outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'] }] }),
  issueRecommendation: (caseId) => ({ caseId, respondentIds: ['R1'], recipient: 'KASN', letterNumber: '0101/PP.01.02/K.SS-16.73/03/2024', issuedAt: AT.issuedAt }),
  decideSanction: (caseId) => ({
    caseId,
    respondentId: 'R1',
    decision: 'SANCTION',
    letterNumber: 'B-0311/KASN/03/2024',
    decidedAt: AT.decidedAt,
    sanction: 'MORAL_OPEN',
    ppk: { title: 'Walikota Lubuk Linggau', regionCode: '16.73' },
  }),
  recordSanctionExecution: (caseId) => ({ caseId, respondentId: 'R1', decreeNumber: '800/77/KPTS/BKPSDM/2024', executedAt: AT.executedAt, sanction: 'MORAL_OPEN' }),
  declareFollowUpImpossible: (caseId) => ({ caseId, respondentId: 'R1', reason: 'RETIRED', note: 'Pensiun per 1 Maret 2024', declaredAt: AT.declaredAt }),
  correctSanctionExecution: (caseId) => ({ caseId, respondentId: 'R1', decreeNumber: '800/91/KPTS/BKPSDM/2024', executedAt: AT.declaredAt, sanction: 'MORAL_OPEN', reason: 'Nomor SK salah dicatat' }),
  erasePersonalData: (caseId) => ({ caseId, reason: 'Permintaan subjek data (UU 27/2022 Pasal 8)' }),
};

describe('the access matrix (CONTRACT.md "Who may do what")', () => {
  let netra: RunningNetra;
  /** Privileged actors that put cases in the state a step needs. */
  let bawaslu: GraphQLClient;
  let bkn: GraphQLClient;
  let oversight: GraphQLClient;

  beforeAll(async () => {
    // Hundreds of set-up writes from a few tokens: the mutation rate limit has its own suite.
    netra = await startTestNetra({ MUTATION_RATE_LIMIT_PER_MINUTE: '100000' });
    bawaslu = await netra.client('BAWASLU', '16.73');
    bkn = await netra.client('BKN');
    oversight = await netra.client('OVERSIGHT');
  });
  afterAll(() => netra.close());

  /** A case handled in 16.73, advanced to the stage `operation` needs. */
  async function aCaseReadyFor(operation: Operation): Promise<string | null> {
    if (operation === 'reportCase') return null;
    const { id } = await send(bawaslu, 'reportCase', aReport());
    if (operation === 'recordStudy') return id;
    if (operation === 'erasePersonalData') {
      const closed = await send(bawaslu, 'recordStudy', { ...ATTEMPT.recordStudy(id), findings: [{ respondentId: 'R1', outcome: 'NO_VIOLATION' }] });
      expect(closed.stage).toBe('CLOSED');
      return id;
    }
    await send(bawaslu, 'recordStudy', ATTEMPT.recordStudy(id));
    if (operation === 'issueRecommendation') return id;
    await send(bawaslu, 'issueRecommendation', ATTEMPT.issueRecommendation(id));
    if (operation === 'decideSanction') return id;
    await send(bkn, 'decideSanction', ATTEMPT.decideSanction(id));
    if (operation === 'correctSanctionExecution') await send(await netra.client('PPK', '16.73'), 'recordSanctionExecution', ATTEMPT.recordSanctionExecution(id));
    return id;
  }

  const caseCount = async () =>
    (await oversight.request<{ cases: { totalCount: number } }>(gql`{ cases(first: 1) { totalCount } }`)).cases.totalCount;

  const OPERATIONS = Object.keys(ALLOWED) as Operation[];
  const CELLS = AGENCIES.flatMap((agency) => PLACE_NAMES.map((place) => [agency, place] as const));

  describe.each(OPERATIONS)('%s', (operation) => {
    /** One case shared by the callers that must be refused; a refusal leaves it as it was. */
    let shared: string | null;

    beforeAll(async () => {
      shared = await aCaseReadyFor(operation);
    });

    it.each(CELLS.map(([agency, place]) => [agency, place, expected(operation, agency, place)] as const))(
      '%s from %s: %s',
      async (agency, place, outcome) => {
        const caller = await netra.client(agency, PLACES[place]);
        const caseId = outcome === 'OK' ? await aCaseReadyFor(operation) : shared;
        const [countBefore, head] = [await caseCount(), await storeHead(netra)];

        const code = await codeOf(send(caller, operation, ATTEMPT[operation](caseId ?? '')));

        expect(code).toBe(outcome);
        // Callers' events only: Netra's own deadline process (agency NETRA) may append at any time.
        const appended = await appendedSince(netra, head);
        expect(await caseCount()).toBe(countBefore + (outcome === 'OK' && !caseId ? 1 : 0));
        if (outcome === 'OK') {
          expect(appended.length).toBeGreaterThan(0);
          expect(appended.every((e) => e.metadata.agency === agency && (!caseId || e.streamId === `case-${caseId}`))).toBe(true);
        } else {
          expect(appended).toEqual([]);
        }
      },
    );

    it('an anonymous caller is UNAUTHENTICATED and appends nothing', async () => {
      const head = await storeHead(netra);
      expect(await codeOf(send(netra.anonymous(), operation, ATTEMPT[operation](shared ?? '')))).toBe('UNAUTHENTICATED');
      expect(await appendedSince(netra, head)).toEqual([]);
    });
  });

  describe('decideSanction dated on or after 24 Aug 2024, when KASN was dissolved', () => {
    // "BKN (or KASN for decisions dated before 24 Aug 2024)"
    const LATE = { decidedAt: '2024-09-02T10:00:00+07:00' };
    let shared: string | null;
    beforeAll(async () => {
      shared = await aCaseReadyFor('decideSanction');
    });

    it.each(CELLS.filter(([agency]) => agency === 'KASN' || agency === 'BKN').map(([agency, place]) => [agency, place, agency === 'BKN' && INSIDE.includes(place) ? 'OK' : 'FORBIDDEN'] as const))(
      '%s from %s: %s',
      async (agency, place, outcome) => {
        const caseId = (outcome === 'OK' ? await aCaseReadyFor('decideSanction') : shared)!;
        const head = await storeHead(netra);
        const code = await codeOf(send(await netra.client(agency, PLACES[place]), 'decideSanction', { ...ATTEMPT.decideSanction(caseId), ...LATE }));
        expect(code).toBe(outcome);
        expect(await appendedSince(netra, head)).toHaveLength(outcome === 'OK' ? 1 : 0);
      },
    );
  });

  describe('reading', () => {
    /** Reported by Bawaslu 16.73 about a Lubuk Linggau civil servant; a laporan, so it has a reporter. */
    let lubukLinggau: string;
    /** Reported by Bawaslu Kota Solok (13.72): inside none of the 16 units. */
    let solok: string;
    /** Both cases were received in this window, and nothing else was. */
    const WINDOW = { receivedFrom: '2023-02-01T00:00:00+07:00', receivedTo: '2023-02-28T00:00:00+07:00' };

    beforeAll(async () => {
      const dated = { occurredAt: '2023-02-01T08:00:00+07:00', knownAt: '2023-02-01T09:00:00+07:00', receivedAt: '2023-02-02T09:00:00+07:00' };
      lubukLinggau = (await send(bawaslu, 'reportCase', aReport({ ...dated, election: { kind: 'PEMILU', year: 2024, regionCode: '16.73' } }))).id;
      solok = (
        await send(
          await netra.client('BAWASLU', '13.72'),
          'reportCase',
          aReport({
            ...dated,
            election: { kind: 'PEMILU', year: 2024, regionCode: '13.72' },
            handlingUnit: '13.72',
            respondents: [{ name: 'Rudi Hartono', employment: 'PNS', institution: 'Dinas Pendidikan Kota Solok', institutionRegionCode: '13.72' }],
          }),
        )
      ).id;
    });

    /**
     * CONTRACT.md: "any authenticated agency, within its region; BKN, KASN, OVERSIGHT and national
     * units see all" — regional units see a case with a region code inside their region.
     */
    const READS_ALL: Agency[] = ['BKN', 'KASN', 'OVERSIGHT'];
    const sees = (agency: Agency, place: Place, caseRegion: '16.73' | '13.72') => {
      const region = PLACES[place];
      if (region === null || READS_ALL.includes(agency)) return true;
      return caseRegion === region || caseRegion.startsWith(`${region}.`);
    };
    /** "reporter identity: only BAWASLU units whose region contains the case's handling unit; null for everyone else" */
    const seesReporter = (agency: Agency, place: Place) => agency === 'BAWASLU' && INSIDE.includes(place);

    const READ = gql`
      query reads($id: ID!, $filter: CaseFilter, $rows: FollowUpFilter) {
        case(id: $id) { id reporter { name phone } }
        cases(filter: $filter, first: 100) { totalCount edges { node { id } } }
        followUps(filter: $rows, first: 100) { totalCount edges { node { caseId name } } }
      }
    `;
    interface Reads {
      case: { id: string; reporter: { name: string; phone: string | null } | null } | null;
      cases: { totalCount: number; edges: Array<{ node: { id: string } }> };
      followUps: { totalCount: number; edges: Array<{ node: { caseId: string } }> };
    }

    it.each(CELLS)('%s from %s reads within its region', async (agency, place) => {
      const caller = await netra.client(agency, PLACES[place]);
      for (const [id, region] of [[lubukLinggau, '16.73'], [solok, '13.72']] as const) {
        const answer = await caller.request<Reads>(READ, { id, filter: WINDOW, rows: WINDOW });
        const visible = sees(agency, place, region);
        expect(answer.case?.id ?? null).toBe(visible ? id : null);
        expect(answer.cases.edges.some((e) => e.node.id === id)).toBe(visible);
        expect(answer.followUps.edges.some((e) => e.node.caseId === id)).toBe(visible);
        if (region === '16.73' && visible) {
          expect(answer.case?.reporter ?? null).toEqual(seesReporter(agency, place) ? REPORTER : null);
        }
      }
      const listed = await caller.request<Reads>(READ, { id: randomUUID(), filter: WINDOW, rows: WINDOW });
      const count = [sees(agency, place, '16.73'), sees(agency, place, '13.72')].filter(Boolean).length;
      expect(listed.cases.totalCount).toBe(count);
      expect(listed.followUps.totalCount).toBe(count);
    });

    it('a case handled elsewhere but naming a civil servant of 16.74 is visible to 16.74 units, without its reporter', async () => {
      const across = await send(
        bawaslu,
        'reportCase',
        aReport({ respondents: [{ name: 'Yanti Oktaviani', employment: 'PNS', institution: 'Sekretariat Daerah Kota Prabumulih', institutionRegionCode: '16.74' }] }),
      );
      const found = await (await netra.client('BAWASLU', '16.74')).request<Reads>(READ, { id: across.id, filter: WINDOW, rows: WINDOW });
      expect(found.case).toEqual({ id: across.id, reporter: null });
    });

    /** "followUpSummary without a token: allowed"; the tamper-evident log's head (`ledger`) is public integrity data with no case content. */
    const PUBLIC_QUERIES = ['followUpSummary', 'ledger'];

    it('without a token every query but the public aggregates is UNAUTHENTICATED', async () => {
      const schema = await oversight.request<{ __schema: { queryType: { fields: QueryField[] } } }>(INTROSPECT_QUERY);
      const fields = schema.__schema.queryType.fields;
      expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['case', 'cases', 'followUps', 'followUpSummary']));
      for (const field of fields) {
        const code = await codeOf(netra.anonymous().request(anonymousQuery(field)));
        expect([field.name, code]).toEqual([field.name, PUBLIC_QUERIES.includes(field.name) ? 'OK' : 'UNAUTHENTICATED']);
      }
    });

    it('the summary counts both cases and names no one; without a token a date window is refused, and the answer names no one either', async () => {
      const SUMMARY_IN = gql`query($filter: FollowUpFilter) { followUpSummary(groupBy: [REGION], filter: $filter) { overall { total } buckets { key { regionCode } total } } }`;
      const answer = await oversight.request<{ followUpSummary: { overall: { total: number } } }>(SUMMARY_IN, { filter: WINDOW });
      expect(answer.followUpSummary.overall.total).toBe(2);
      expect(await codeOf(netra.anonymous().request(SUMMARY_IN, { filter: WINDOW }))).toBe('BAD_USER_INPUT');
      const anonymous = await netra.anonymous().request(SUMMARY_IN, { filter: { receivedFromMonth: '2023-02', receivedToMonth: '2023-02' } });
      const text = JSON.stringify(answer) + JSON.stringify(anonymous);
      for (const secret of ['Hendra Wijaya', 'Rudi Hartono', '197905122006041003', REPORTER.name, REPORTER.phone]) expect(text).not.toContain(secret);
    });
  });

  describe('respondents across regions (CONTRACT.md "a respondent\'s identity")', () => {
    /**
     * One case handled by Bawaslu Lubuk Linggau (16.73) naming a lurah of Lubuk Linggau and an official
     * of Prabumulih (16.74), each sent to the PPK of their own city. Every caller reads it on every path;
     * what each may see is copied from the contract: the handling Bawaslu unit (or one above it),
     * national units, BKN, KASN and OVERSIGHT see both; any other regional unit only the respondent of
     * its own region, the other as "another respondent outside your region".
     */
    const LURAH = { name: 'Hendra Wijaya', nip: '198001152005011002', employment: 'PNS', position: 'Lurah Taba Jemekeh', institution: 'Kelurahan Taba Jemekeh', institutionRegionCode: '16.73' };
    const KABAG = { name: 'Yanti Oktaviani', nip: '198211052008012004', employment: 'PNS', position: 'Kepala Bagian Umum Setda', institution: 'Sekretariat Daerah Kota Prabumulih', institutionRegionCode: '16.74' };
    /** What names, places or identifies each respondent on any path: identity, institution, its PPK. */
    const SECRETS = {
      R1: [LURAH.name, LURAH.nip, LURAH.position, LURAH.institution, 'Walikota Lubuk Linggau'],
      R2: [KABAG.name, KABAG.nip, KABAG.position, KABAG.institution, 'Walikota Prabumulih'],
    };
    const REGION_OF = { R1: '16.73', R2: '16.74' } as const;
    const contains = (region: string, code: string) => code === region || code.startsWith(`${region}.`);
    const READS_ALL: Agency[] = ['BKN', 'KASN', 'OVERSIGHT'];
    const readsCase = (agency: Agency, region: string | null) =>
      region === null || READS_ALL.includes(agency) || ['16.73', '16.74'].some((code) => contains(region, code));
    const seesRespondent = (agency: Agency, region: string | null, respondent: 'R1' | 'R2') =>
      readsCase(agency, region) &&
      (region === null || READS_ALL.includes(agency) || (agency === 'BAWASLU' && contains(region, '16.73')) || contains(region, REGION_OF[respondent]));

    let caseId: string;
    let before: bigint;
    let grpc: CaseWorkflowClient;

    beforeAll(async () => {
      grpc = new CaseWorkflowClient(netra.grpcAddress);
      before = await storeHead(netra);
      caseId = (await send(bawaslu, 'reportCase', aReport({ respondents: [LURAH, KABAG], summary: 'Two officials handed out a candidate’s calendars.' }))).id;
      await send(bawaslu, 'recordStudy', { caseId, studiedAt: AT.studiedAt, findings: [{ respondentId: 'R1', outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'] }, { respondentId: 'R2', outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'] }] });
      await send(bawaslu, 'issueRecommendation', { ...ATTEMPT.issueRecommendation(caseId), respondentIds: ['R1', 'R2'] });
      await send(bkn, 'decideSanction', ATTEMPT.decideSanction(caseId));
      await send(bkn, 'decideSanction', { ...ATTEMPT.decideSanction(caseId), respondentId: 'R2', letterNumber: 'B-0312/KASN/03/2024', ppk: { title: 'Walikota Prabumulih', regionCode: '16.74' } });
    });
    afterAll(() => grpc.close());

    /** Each of R1 and R2 appears in `text` with its identity exactly when the caller may see it. */
    const expectIdentities = (text: string, agency: Agency, region: string | null, path: string) => {
      for (const respondent of ['R1', 'R2'] as const) {
        const shown = SECRETS[respondent].filter((secret) => text.includes(secret));
        // The feed opens the sealed values with the case's key for those who may see the respondent, as every other path does.
        const visible = SECRETS[respondent];
        expect([path, respondent, shown]).toEqual([path, respondent, seesRespondent(agency, region, respondent) ? visible : []]);
      }
    };

    const CASE_READ = gql`
      query ($id: ID!, $cid: String!, $r1: String!, $r2: String!) {
        case(id: $id) {
          respondents { respondentId identityWithheld stage waitingOn name nip employment position institution institutionRegionCode regionCode ppk { title regionCode } decisionLetter }
          timeline { type unit description }
        }
        byR1: cases(filter: { respondentNip: $r1 }, first: 100) { totalCount }
        byR2: cases(filter: { respondentNip: $r2 }, first: 100) { totalCount }
        rowsR1: followUps(filter: { respondentNip: $r1 }, first: 100) { totalCount }
        rowsR2: followUps(filter: { respondentNip: $r2 }, first: 100) { totalCount }
        inPrabumulih: followUps(filter: { caseId: $cid, regionPrefix: "16.74" }, first: 100) { totalCount }
        rows: followUps(filter: { caseId: $cid }, first: 100) { totalCount edges { node { respondentId identityWithheld name nip institution } } }
      }
    `;
    interface Respondent {
      respondentId: string;
      identityWithheld: boolean;
      stage: string;
      waitingOn: string | null;
      name: string | null;
      [field: string]: unknown;
    }
    interface CaseRead {
      case: { respondents: Respondent[]; timeline: Array<{ type: string; unit: string | null; description: string }> } | null;
      byR1: { totalCount: number };
      byR2: { totalCount: number };
      rowsR1: { totalCount: number };
      rowsR2: { totalCount: number };
      inPrabumulih: { totalCount: number };
      rows: { totalCount: number; edges: Array<{ node: Respondent }> };
    }

    it.each(CELLS)('%s from %s sees each respondent only as the contract allows, on every path', async (agency, place) => {
      const region = PLACES[place];
      const caller = await netra.client(agency, region);
      const sees = { R1: seesRespondent(agency, region, 'R1'), R2: seesRespondent(agency, region, 'R2') };
      const reads = readsCase(agency, region);

      // GraphQL: case, its respondents and timeline, NIP and region filters, followUps
      const answer = await caller.request<CaseRead>(CASE_READ, { id: caseId, cid: caseId, r1: LURAH.nip, r2: KABAG.nip });
      expectIdentities(JSON.stringify(answer), agency, region, 'GraphQL');
      expect(answer.case === null).toBe(!reads);
      expect(answer.rows.totalCount).toBe(reads ? 2 : 0);
      // A NIP filter matches only a respondent the caller sees; a region filter likewise
      expect([answer.byR1.totalCount, answer.rowsR1.totalCount]).toEqual(sees.R1 ? [1, 1] : [0, 0]);
      expect([answer.byR2.totalCount, answer.rowsR2.totalCount]).toEqual(sees.R2 ? [1, 1] : [0, 0]);
      expect(answer.inPrabumulih.totalCount).toBe(sees.R2 ? 1 : 0);
      if (reads) {
        for (const respondents of [answer.case!.respondents, answer.rows.edges.map((e) => e.node)]) {
          expect(respondents.map((r) => [r.respondentId, r.identityWithheld]).sort()).toEqual([['R1', !sees.R1], ['R2', !sees.R2]]);
        }
        for (const r of answer.case!.respondents) {
          const seen = sees[r.respondentId as 'R1' | 'R2'];
          // Where the track stands is shown to every reader of the case; who it is only to those who may see it
          expect([r.respondentId, r.stage, r.waitingOn]).toEqual([r.respondentId, 'SANCTION_DECIDED', 'PPK']);
          const identity = [r.name, r.nip, r.employment, r.position, r.institution, r.institutionRegionCode, r.regionCode, r.ppk, r.decisionLetter];
          if (!seen) expect(identity).toEqual([null, null, null, null, null, null, null, null, null]);
          else expect(identity.every((v) => v !== null)).toBe(true);
        }
        // The PPK's unit in the timeline would place the respondent too
        const decisions = answer.case!.timeline.filter((e) => e.type === 'SanctionDecided');
        expect(decisions.map((e) => e.description.includes('outside your region'))).toEqual([!sees.R1, !sees.R2]);
      }

      // gRPC: GetCase, ListFollowUps, WatchEvents
      const caller2 = { agency, region };
      const got = await refusal(grpc.call('GetCase', { caseId }, caller2));
      expect(got.netraCode ?? 'OK').toBe(reads ? 'OK' : 'NOT_FOUND');
      if (reads) expectIdentities(JSON.stringify(await grpc.call('GetCase', { caseId }, caller2)), agency, region, 'GetCase');
      const listed = await grpc.call('ListFollowUps', { filter: { caseId }, pageSize: 100 }, caller2);
      expectIdentities(JSON.stringify(listed), agency, region, 'ListFollowUps');
      expect(listed.followUps.map((f: Respondent) => [f.respondentId, f.identityWithheld]).sort()).toEqual(reads ? [['R1', !sees.R1], ['R2', !sees.R2]] : []);
      const byNip = await grpc.call('ListFollowUps', { filter: { respondentNip: KABAG.nip }, pageSize: 100 }, caller2);
      expect(byNip.followUps.length).toBe(sees.R2 ? 1 : 0);
      const feed = new Feed(await grpc.watch({ afterPosition: String(before) }, caller2));
      await feed.caughtUp;
      feed.cancel();
      const events = feed.events.filter((e) => e.caseId === caseId);
      expect(events.length).toBe(reads ? 5 : 0);
      expectIdentities(JSON.stringify(events), agency, region, 'WatchEvents');

      // Exports: the follow-ups file in both formats
      const token = await tokenFor(agency, region);
      for (const path of ['/exports/follow-ups.json', '/exports/follow-ups.csv']) {
        const file = await download(netra, path, { caseId }, token);
        expect(file.status).toBe(200);
        expectIdentities(file.text, agency, region, path);
        const nip = await download(netra, path, { respondentNip: KABAG.nip }, token);
        expect(nip.text.includes(caseId)).toBe(sees.R2);
      }
    });
  });
});

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface QueryField {
  name: string;
  args: Array<{ name: string; defaultValue: string | null; type: TypeRef }>;
  type: TypeRef;
}

const INTROSPECT_QUERY = gql`
  {
    __schema {
      queryType {
        fields {
          name
          args { name defaultValue type { ...Ref } }
          type { ...Ref }
        }
      }
    }
  }
  fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
`;

/** The smallest query for a field: required arguments without a default filled with plausible values, `__typename` as the selection. */
function anonymousQuery(field: QueryField): string {
  const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
  const value = (t: TypeRef): string => {
    const base = named(t);
    if (base.name === 'Int' || base.name === 'Float') return '1';
    if (base.name === 'Boolean') return 'true';
    return JSON.stringify(randomUUID());
  };
  const args = field.args.filter((a) => a.type.kind === 'NON_NULL' && a.defaultValue === null).map((a) => `${a.name}: ${value(a.type)}`);
  const kind = named(field.type);
  const selection = kind.name && ['String', 'Int', 'Float', 'Boolean', 'ID', 'DateTime'].includes(kind.name) ? '' : '{ __typename }';
  return `{ ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection} }`;
}
