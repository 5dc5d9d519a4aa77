import { GraphQLClient } from 'graphql-request';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { signDevToken } from '../../src/auth/dev-token';
import { codeOf, startTestNetra, TEST_SECRET, type RunningNetra } from '../support/netra-app';
import {
  aCaseWithTwoSanctionsDecided,
  aClearance,
  aDeclaration,
  allFollowUps,
  anExecution,
  aRecommendation,
  aSanctionDecision,
  aStudy,
  CASE,
  CASES,
  caseCount,
  DECIDE,
  DECLARE,
  EXECUTE,
  FOLLOW_UPS,
  historyOf,
  mutate,
  readCase,
  RECOMMEND,
  REPORT,
  STUDY,
  summary,
  SUMMARY,
  type FullCase,
} from './case-steps';
import { aLaporan, NIP_CAMAT, NIP_STAFF, REPORTER } from './fixtures';

/** Who may do what (CONTRACT.md): every refusal answers its code and leaves the case exactly as it was. */
describe('access', () => {
  let netra: RunningNetra;
  /** Both respondents sanctioned to the Walikota Lubuk Linggau (16.73), version 5. */
  let decided: FullCase;
  /** Reported by Bawaslu 16.73, not yet studied. */
  let reported: FullCase;
  /** Recommended to BKN, not yet decided. */
  let recommended: FullCase;
  /** Handled by 16.73, one respondent working in Prabumulih (16.74). */
  let acrossRegions: FullCase;

  beforeAll(async () => {
    netra = await startTestNetra();
    const bawaslu = await netra.client('BAWASLU', '16.73');
    decided = await aCaseWithTwoSanctionsDecided(netra);
    reported = await mutate(bawaslu, REPORT, aLaporan());
    const toRecommend = await mutate(bawaslu, REPORT, aLaporan());
    await mutate(bawaslu, STUDY, aStudy(toRecommend.id, { R1: 'VIOLATION', R2: 'NO_VIOLATION' }));
    recommended = await mutate(bawaslu, RECOMMEND, aRecommendation(toRecommend.id, ['R1']));
    acrossRegions = await mutate(
      bawaslu,
      REPORT,
      aLaporan({
        respondents: [
          { name: 'Ahmad Fauzi', nip: NIP_CAMAT, employment: 'PNS', position: 'Camat', institution: 'Kecamatan Lubuk Linggau Barat I', institutionRegionCode: '16.73' },
          { name: 'Dewi Anggraini', nip: NIP_STAFF, employment: 'PNS', position: 'Staf', institution: 'Sekretariat Daerah Kota Prabumulih', institutionRegionCode: '16.74' },
        ],
      }),
    );
  });
  afterAll(() => netra.close());

  /** Sends a refused step and checks its code, then that the case's version and timeline are untouched. */
  async function expectRefused(caseId: string, request: () => Promise<unknown>, code: string) {
    const before = await historyOf(netra, caseId);
    expect(await codeOf(request())).toBe(code);
    expect(await historyOf(netra, caseId)).toEqual(before);
  }

  async function expectReportRefused(request: () => Promise<unknown>, code: string) {
    const oversight = await netra.client('OVERSIGHT');
    const before = await caseCount(oversight);
    expect(await codeOf(request())).toBe(code);
    expect(await caseCount(oversight)).toBe(before);
  }

  const withToken = (token: string) => new GraphQLClient(netra.url, { headers: { authorization: `Bearer ${token}` } });
  const withHeader = (authorization: string) => new GraphQLClient(netra.url, { headers: { authorization } });

  describe('an agency acting outside its role is FORBIDDEN', () => {
    it('a PPK reports a case', async () => {
      const ppk = await netra.client('PPK', '16.73');
      await expectReportRefused(() => mutate(ppk, REPORT, aLaporan()), 'FORBIDDEN');
    });

    it('oversight reports a case', async () => {
      const oversight = await netra.client('OVERSIGHT');
      await expectReportRefused(() => mutate(oversight, REPORT, aLaporan()), 'FORBIDDEN');
    });

    it('a PPK records Bawaslu’s study', async () => {
      const ppk = await netra.client('PPK', '16.73');
      await expectRefused(reported.id, () => mutate(ppk, STUDY, aStudy(reported.id, { R1: 'VIOLATION', R2: 'VIOLATION' })), 'FORBIDDEN');
    });

    it('BKN issues Bawaslu’s recommendation', async () => {
      const bkn = await netra.client('BKN');
      const studied = await mutate(await netra.client('BAWASLU', '16.73'), REPORT, aLaporan());
      await mutate(await netra.client('BAWASLU', '16.73'), STUDY, aStudy(studied.id, { R1: 'VIOLATION', R2: 'VIOLATION' }));
      await expectRefused(studied.id, () => mutate(bkn, RECOMMEND, aRecommendation(studied.id, ['R1', 'R2'])), 'FORBIDDEN');
    });

    it('Bawaslu decides a sanction', async () => {
      const bawaslu = await netra.client('BAWASLU', '16.73');
      await expectRefused(recommended.id, () => mutate(bawaslu, DECIDE, aSanctionDecision(recommended.id, 'R1')), 'FORBIDDEN');
    });

    it('a PPK decides its own sanction', async () => {
      const ppk = await netra.client('PPK', '16.73');
      await expectRefused(recommended.id, () => mutate(ppk, DECIDE, aSanctionDecision(recommended.id, 'R1')), 'FORBIDDEN');
    });

    it('KASN decides a sanction dated after it was dissolved (24 Aug 2024)', async () => {
      const kasn = await netra.client('KASN');
      await expectRefused(recommended.id, () => mutate(kasn, DECIDE, aSanctionDecision(recommended.id, 'R1')), 'FORBIDDEN');
    });

    it('BKN executes the sanction instead of the PPK', async () => {
      const bkn = await netra.client('BKN');
      await expectRefused(decided.id, () => mutate(bkn, EXECUTE, anExecution(decided.id, 'R1')), 'FORBIDDEN');
    });

    it.each([['BAWASLU', '16.73'], ['OVERSIGHT', null], ['KEMENDAGRI', null]] as const)('%s %s executes a sanction', async (agency, region) => {
      const client = await netra.client(agency, region);
      await expectRefused(decided.id, () => mutate(client, EXECUTE, anExecution(decided.id, 'R1')), 'FORBIDDEN');
    });

    it('Bawaslu declares follow-up impossible', async () => {
      const bawaslu = await netra.client('BAWASLU', '16.73');
      await expectRefused(decided.id, () => mutate(bawaslu, DECLARE, aDeclaration(decided.id, 'R2')), 'FORBIDDEN');
    });

    it('a PPK declares follow-up impossible before any sanction was addressed to it', async () => {
      const ppk = await netra.client('PPK', '16.73');
      await expectRefused(recommended.id, () => mutate(ppk, DECLARE, aDeclaration(recommended.id, 'R1')), 'FORBIDDEN');
    });
  });

  describe('a unit acting outside its region is FORBIDDEN — NOT_FOUND where it may not even read the case', () => {
    it('Bawaslu Prabumulih (16.74) studies a Lubuk Linggau (16.73) case', async () => {
      const bawaslu = await netra.client('BAWASLU', '16.74');
      await expectRefused(reported.id, () => mutate(bawaslu, STUDY, aStudy(reported.id, { R1: 'VIOLATION', R2: 'VIOLATION' })), 'NOT_FOUND');
    });

    it('Bawaslu Prabumulih (16.74) reports a case for the Lubuk Linggau unit', async () => {
      const bawaslu = await netra.client('BAWASLU', '16.74');
      await expectReportRefused(() => mutate(bawaslu, REPORT, aLaporan()), 'FORBIDDEN');
    });

    it('the PPK of Prabumulih (16.74) executes a sanction addressed to the Walikota Lubuk Linggau', async () => {
      const ppk = await netra.client('PPK', '16.74');
      await expectRefused(decided.id, () => mutate(ppk, EXECUTE, anExecution(decided.id, 'R1')), 'NOT_FOUND');
    });

    it('the PPK of Prabumulih (16.74) declares follow-up impossible for a Lubuk Linggau sanction', async () => {
      const ppk = await netra.client('PPK', '16.74');
      await expectRefused(decided.id, () => mutate(ppk, DECLARE, aDeclaration(decided.id, 'R2')), 'NOT_FOUND');
    });

    it('the Gubernur Sumatera Selatan (16) executes a sanction addressed to the Walikota Lubuk Linggau', async () => {
      const ppk = await netra.client('PPK', '16');
      await expectRefused(decided.id, () => mutate(ppk, EXECUTE, anExecution(decided.id, 'R1')), 'FORBIDDEN');
    });

    it('the PPK of Lubuk Linggau (16.73) may execute it', async () => {
      const executed = await mutate(await netra.client('PPK', '16.73'), EXECUTE, anExecution(decided.id, 'R1'));
      expect(executed.respondents.find((r) => r.respondentId === 'R1')?.followUpStatus).toBe('AS_RECOMMENDED');
      expect(executed.version).toBe(6);
      decided = executed;
    });
  });

  describe('a province unit acts on the cities inside it', () => {
    it('Bawaslu Sumatera Selatan (16) studies and recommends a Lubuk Linggau (16.73) case', async () => {
      const province = await netra.client('BAWASLU', '16');
      const studied = await mutate(province, STUDY, aStudy(reported.id, { R1: 'VIOLATION', R2: 'NO_VIOLATION' }));
      expect(studied.version).toBe(2);
      expect(studied.timeline[1]).toMatchObject({ type: 'CaseStudied', agency: 'BAWASLU', unit: '16' });
      const recommendedByProvince = await mutate(province, RECOMMEND, aRecommendation(reported.id, ['R1']));
      expect(recommendedByProvince.version).toBe(3);
      expect(recommendedByProvince.respondents[0]).toMatchObject({ stage: 'RECOMMENDED', waitingOn: 'BKN' });
      expect(recommendedByProvince.reporter?.name).toBe(REPORTER.name);
      reported = recommendedByProvince;
    });
  });

  describe('without a valid token', () => {
    const reads = {
      case: (c: GraphQLClient) => c.request(CASE, { id: decided.id }),
      cases: (c: GraphQLClient) => c.request(CASES, { first: 10 }),
      followUps: (c: GraphQLClient) => c.request(FOLLOW_UPS, { first: 10 }),
    };

    it.each(Object.keys(reads))('%s answers UNAUTHENTICATED without a token', async (name) => {
      expect(await codeOf(reads[name as keyof typeof reads](netra.anonymous()))).toBe('UNAUTHENTICATED');
    });

    it('reportCase answers UNAUTHENTICATED without a token and opens nothing', async () => {
      await expectReportRefused(() => mutate(netra.anonymous(), REPORT, aLaporan()), 'UNAUTHENTICATED');
    });

    it.each([
      ['recordStudy', STUDY, () => aStudy(decided.id, { R1: 'VIOLATION', R2: 'VIOLATION' })],
      ['issueRecommendation', RECOMMEND, () => aRecommendation(decided.id, ['R1'])],
      ['decideSanction', DECIDE, () => aClearance(decided.id, 'R2')],
      ['recordSanctionExecution', EXECUTE, () => anExecution(decided.id, 'R2', { sanction: 'WRITTEN_REPRIMAND' })],
      ['declareFollowUpImpossible', DECLARE, () => aDeclaration(decided.id, 'R2')],
    ] as const)('%s answers UNAUTHENTICATED without a token and appends nothing', async (_name, document, input) => {
      await expectRefused(decided.id, () => mutate(netra.anonymous(), document, input()), 'UNAUTHENTICATED');
    });

    const badTokens: Array<[string, () => Promise<GraphQLClient>]> = [
      ['a garbage token', async () => withToken('not-a-jwt')],
      ['a token signed with another secret', async () => withToken(await signDevToken('another-secret-another-secret-0123456789', { sub: 'ppk', agency: 'PPK', region: '16.73' }))],
      [
        'an expired token',
        async () =>
          withToken(
            await new SignJWT({ agency: 'PPK', region: '16.73' })
              .setProtectedHeader({ alg: 'HS256' })
              .setSubject('ppk-16.73')
              .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
              .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
              .sign(new TextEncoder().encode(TEST_SECRET)),
          ),
      ],
      [
        'an unsigned token (alg none)',
        async () => {
          const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
          return withToken(`${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'ppk-16.73', agency: 'PPK', region: '16.73', exp: Math.floor(Date.now() / 1000) + 3600 })}.`);
        },
      ],
      ['a token for an unknown agency', async () => withToken(await signDevToken(TEST_SECRET, { sub: 'x', agency: 'KPU' as never, region: '16.73' }))],
      ['a token whose region is a BPS code', async () => withToken(await signDevToken(TEST_SECRET, { sub: 'x', agency: 'PPK', region: '1673' }))],
      ['a Basic authorization header', async () => withHeader('Basic cHBrOnBwaw==')],
    ];

    it.each(badTokens)('%s is UNAUTHENTICATED for reads, for the anonymous summary and for steps, and appends nothing', async (_name, make) => {
      const client = await make();
      expect(await codeOf(reads.case(client))).toBe('UNAUTHENTICATED');
      expect(await codeOf(reads.followUps(client))).toBe('UNAUTHENTICATED');
      expect(await codeOf(client.request(SUMMARY, { groupBy: [] }))).toBe('UNAUTHENTICATED');
      await expectRefused(decided.id, () => mutate(client, EXECUTE, anExecution(decided.id, 'R2', { sanction: 'WRITTEN_REPRIMAND' })), 'UNAUTHENTICATED');
    });

    it('followUpSummary answers aggregates without a token (small groups withheld), and no name, NIP or reporter', async () => {
      const oversight = await netra.client('OVERSIGHT');
      const anonymous = await netra.anonymous().request<{ followUpSummary: { overall: { total: number | null } } }>(SUMMARY, { groupBy: ['REGION'] });
      const known = await summary(oversight, ['REGION', 'PPK', 'WAITING_ON']);
      const rows = await allFollowUps(oversight);
      expect(known.overall.total).toBe(rows.length);
      // Fewer persons than the small-cell threshold in every region here: withheld, never a smaller count.
      expect(anonymous.followUpSummary.overall.total === null || anonymous.followUpSummary.overall.total >= 5).toBe(true);
      expect(await codeOf(netra.anonymous().request(SUMMARY, { groupBy: ['REGION', 'PPK'] }))).toBe('BAD_USER_INPUT');
      const text = JSON.stringify(anonymous);
      for (const secret of [NIP_CAMAT, NIP_STAFF, 'Ahmad Fauzi', 'Dewi Anggraini', REPORTER.name, REPORTER.phone, REPORTER.email]) {
        expect(text).not.toContain(secret);
      }
    });

    it('an anonymous summary cannot be used to find out whether a NIP is a respondent', async () => {
      const used = await codeAndFigures({ respondentNip: NIP_CAMAT });
      const unused = await codeAndFigures({ respondentNip: '197001011995031001' });
      // Either refused, or the same answer as for a NIP nobody has: never a per-person count.
      if (used.code === 'OK') expect(used.figures).toEqual(unused.figures);
      else expect(['FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT']).toContain(used.code);

      async function codeAndFigures(filter: Record<string, string>) {
        try {
          const { followUpSummary } = await netra.anonymous().request<{ followUpSummary: { overall: unknown } }>(SUMMARY, { groupBy: [], filter });
          return { code: 'OK', figures: followUpSummary.overall };
        } catch (error) {
          return { code: await codeOf(Promise.reject(error)), figures: null };
        }
      }
    });
  });

  describe('reading within one’s region', () => {
    it.each([
      ['BAWASLU', '16.74'],
      ['PPK', '16.74'],
      ['BAWASLU', '13'],
    ] as const)('%s %s gets null for a Lubuk Linggau case and does not see it listed', async (agency, region) => {
      const client = await netra.client(agency, region);
      expect(await readCase(client, decided.id)).toBeNull();
      const listed = await client.request<{ cases: { edges: Array<{ node: { id: string } }> } }>(CASES, { first: 100 });
      expect(listed.cases.edges.map((e) => e.node.id)).not.toContain(decided.id);
      const rows = await allFollowUps(client);
      expect(rows.map((r) => r.caseId)).not.toContain(decided.id);
    });

    it.each([
      ['BAWASLU', '16.73'],
      ['BAWASLU', '16'],
      ['PPK', '16.73'],
      ['BKN', null],
      ['KASN', null],
      ['OVERSIGHT', null],
      ['KEMENDAGRI', null],
    ] as const)('%s %s reads the Lubuk Linggau case', async (agency, region) => {
      const found = await readCase(await netra.client(agency, region), decided.id);
      expect(found?.id).toBe(decided.id);
      expect(found?.version).toBe(decided.version);
    });

    it('an unknown case id is null', async () => {
      expect(await readCase(await netra.client('OVERSIGHT'), randomUUID())).toBeNull();
    });

    it('Bawaslu Prabumulih sees a case naming someone who works in Prabumulih, but only that much of it', async () => {
      const found = await readCase(await netra.client('BAWASLU', '16.74'), acrossRegions.id);
      expect(found?.id).toBe(acrossRegions.id);
      expect(found?.reporter).toBeNull();
      // Its own civil servant by name; the camat of Lubuk Linggau only as "another respondent outside your region"
      const { case: seen } = await (await netra.client('BAWASLU', '16.74')).request<{ case: { respondents: Array<{ respondentId: string; identityWithheld: boolean; name: string | null; nip: string | null }> } }>(
        `query($id: ID!) { case(id: $id) { respondents { respondentId identityWithheld name nip } } }`,
        { id: acrossRegions.id },
      );
      expect(seen.respondents).toEqual([
        { respondentId: 'R1', identityWithheld: true, name: null, nip: null },
        { respondentId: 'R2', identityWithheld: false, name: 'Dewi Anggraini', nip: NIP_STAFF },
      ]);
    });
  });

  describe('the reporter’s identity', () => {
    it.each([
      ['BAWASLU', '16.73'],
      ['BAWASLU', '16'],
      ['BAWASLU', null],
    ] as const)('is visible to %s %s', async (agency, region) => {
      const found = await readCase(await netra.client(agency, region), decided.id);
      expect(found?.reporter).toEqual({ name: REPORTER.name, address: null, phone: REPORTER.phone, email: REPORTER.email });
    });

    it.each([
      ['PPK', '16.73'],
      ['BKN', null],
      ['KASN', null],
      ['OVERSIGHT', null],
      ['KEMENDAGRI', null],
    ] as const)('is null for %s %s', async (agency, region) => {
      const found = await readCase(await netra.client(agency, region), decided.id);
      expect(found).not.toBeNull();
      expect(found?.reporter).toBeNull();
    });

    it('is null for Bawaslu Prabumulih (16.74), which does not even see the case', async () => {
      expect(await readCase(await netra.client('BAWASLU', '16.74'), decided.id)).toBeNull();
      expect((await readCase(await netra.client('BAWASLU', '16.74'), acrossRegions.id))?.reporter).toBeNull();
    });

    it('is null in the answer to a PPK’s or BKN’s own mutation', async () => {
      const cleared = await mutate(await netra.client('BKN'), DECIDE, aClearance(reported.id, 'R1'));
      expect(cleared.reporter).toBeNull();
      const executed = await mutate(await netra.client('PPK', '16.73'), EXECUTE, anExecution(decided.id, 'R2', { sanction: 'WRITTEN_REPRIMAND' }));
      expect(executed.reporter).toBeNull();
    });
  });
});
