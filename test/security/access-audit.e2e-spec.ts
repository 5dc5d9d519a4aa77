import { gql, type GraphQLClient } from 'graphql-request';
import { sql } from 'drizzle-orm';
import { READ_DB, type ReadDb } from '../../src/storage/read-db';
import { CaseWorkflowClient } from '../grpc/grpc-client';
import { Feed } from '../grpc/event-feed';
import { download, tokenFor } from '../oversight/exports-support';
import { codeOf, type RunningNetra } from '../support/netra-app';
import { onBothStores } from '../support/on-both-stores';
import { storeHead } from './security-support';

/**
 * Issue 13, "Access audit": every answer carrying personal data records who read which case and
 * which fields — field names, never values — in an append-only record that only a national Bawaslu
 * unit or a national inspector (OVERSIGHT) may query.
 */

const LURAH = { name: 'Hendra Wijaya', nip: '198001152005011002', employment: 'PNS', position: 'Lurah Taba Jemekeh', institution: 'Kelurahan Taba Jemekeh', institutionRegionCode: '16.73' };
const KABAG = { name: 'Yanti Oktaviani', nip: '198211052008012004', employment: 'PNS', position: 'Kepala Bagian Umum Setda', institution: 'Sekretariat Daerah Kota Prabumulih', institutionRegionCode: '16.74' };
const REPORTER = { name: 'Siti Rahmawati', phone: '+62 811 7000 2222' };
const REPORT = {
  source: 'REPORT',
  election: { kind: 'PILKADA', year: 2024, regionCode: '16.73' },
  handlingUnit: '16.73',
  knownAt: '2024-09-25T12:00:00+07:00',
  receivedAt: '2024-09-26T09:00:00+07:00',
  summary: 'Two officials handed out a candidate’s calendars.',
  violations: ['PARTISAN_ACTIVITY'],
  respondents: [LURAH, KABAG],
  reporter: REPORTER,
};
const SECRETS = [LURAH.name, LURAH.nip, LURAH.position, LURAH.institution, KABAG.name, KABAG.nip, KABAG.position, KABAG.institution, REPORTER.name, REPORTER.phone];

interface Record_ {
  agency: string;
  unit: string | null;
  userId: string;
  via: string;
  caseId: string;
  respondentId: string | null;
  fields: string[];
}
const AUDIT = gql`
  query ($filter: AccessAuditFilter, $after: String) {
    accessAudit(filter: $filter, first: 100, after: $after) {
      edges { node { id readAt agency unit userId via caseId respondentId fields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

onBothStores('the access audit', (start) => {
  let netra: RunningNetra;
  let cleanup: () => Promise<void>;
  let inspector: GraphQLClient;
  let caseId: string;

  beforeAll(async () => {
    ({ netra, cleanup } = await start());
    inspector = await netra.client('OVERSIGHT');
    const bawaslu = await netra.client('BAWASLU', '16.73');
    caseId = (await bawaslu.request<{ reportCase: { id: string } }>(gql`mutation ($input: ReportCaseInput!) { reportCase(input: $input) { id } }`, { input: REPORT })).reportCase.id;
  });
  afterAll(() => cleanup());

  /** Every record of the case, oldest first, as the inspector reads them. */
  async function recordsOf(reader: GraphQLClient = inspector): Promise<Record_[]> {
    const all: Record_[] = [];
    let after: string | null = null;
    do {
      const page: { accessAudit: { edges: Array<{ node: Record_ }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await reader.request(AUDIT, { filter: { caseId }, after });
      all.push(...page.accessAudit.edges.map((e) => e.node));
      after = page.accessAudit.pageInfo.hasNextPage ? page.accessAudit.pageInfo.endCursor : null;
    } while (after);
    return all.reverse();
  }
  const since = async (count: number) => (await recordsOf()).slice(count);
  const pick = (records: Record_[]) => records.map((r) => [r.agency, r.unit, r.via, r.respondentId, r.fields]);

  it('a GraphQL read records the fields each respondent was shown with — not the withheld one, not the reporter it did not get', async () => {
    const before = (await recordsOf()).length;
    const ppk = await netra.client('PPK', '16.74');
    await ppk.request(gql`query ($id: ID!) { case(id: $id) { respondents { respondentId name nip stage } reporter { name } } }`, { id: caseId });
    expect(pick(await since(before))).toEqual([['PPK', '16.74', 'graphql', 'R2', ['name', 'nip']]]);
  });

  it('the handling Bawaslu unit reading the reporter is recorded with the reporter fields it asked for', async () => {
    const before = (await recordsOf()).length;
    await (await netra.client('BAWASLU', '16.73')).request(gql`query ($id: ID!) { case(id: $id) { reporter { name phone } } }`, { id: caseId });
    expect(pick(await since(before))).toEqual([['BAWASLU', '16.73', 'graphql', null, ['reporter.name', 'reporter.phone']]]);
  });

  it('an answer without personal data records nothing', async () => {
    const before = (await recordsOf()).length;
    await (await netra.client('PPK', '16.74')).request(gql`query ($id: ID!) { case(id: $id) { stage respondents { respondentId stage waitingOn } timeline { description } } }`, { id: caseId });
    expect(await since(before)).toEqual([]);
  });

  it('gRPC GetCase, ListFollowUps and WatchEvents, and the follow-ups export, are recorded too', async () => {
    const before = (await recordsOf()).length;
    const grpc = new CaseWorkflowClient(netra.grpcAddress);
    try {
      await grpc.call('GetCase', { caseId }, { agency: 'OVERSIGHT' });
      await grpc.call('ListFollowUps', { filter: { caseId } }, { agency: 'PPK', region: '16.73' });
      const feed = new Feed(await grpc.watch({ afterPosition: String((await storeHead(netra)) - 1n) }, { agency: 'BKN' }));
      await feed.caughtUp;
      feed.cancel();
    } finally {
      grpc.close();
    }
    expect((await download(netra, '/exports/follow-ups.csv', { caseId }, await tokenFor('KEMENDAGRI', '16.74'))).status).toBe(200);
    const records = pick(await since(before));
    expect(records).toEqual(
      expect.arrayContaining([
        ['OVERSIGHT', null, 'grpc:GetCase', 'R1', ['institution', 'name', 'nip', 'position']],
        ['OVERSIGHT', null, 'grpc:GetCase', 'R2', ['institution', 'name', 'nip', 'position']],
        ['PPK', '16.73', 'grpc:ListFollowUps', 'R1', ['institution', 'name', 'nip', 'position']],
        ['BKN', null, 'grpc:WatchEvents', 'R1', ['institution', 'name', 'position']],
        ['BKN', null, 'grpc:WatchEvents', 'R2', ['institution', 'name', 'position']],
        ['KEMENDAGRI', '16.74', 'export:follow-ups.csv', 'R2', ['institution', 'name', 'nip', 'position']],
      ]),
    );
    expect(records).toHaveLength(6);
  });

  it('holds ids and field names only, never a name, NIP or reporter detail', async () => {
    const text = JSON.stringify(await recordsOf());
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it.each([
    ['BAWASLU', null, 'OK'],
    ['OVERSIGHT', null, 'OK'],
    ['BAWASLU', '16', 'FORBIDDEN'],
    ['OVERSIGHT', '16', 'FORBIDDEN'],
    ['BKN', null, 'FORBIDDEN'],
    ['PPK', '16.73', 'FORBIDDEN'],
    ['KEMENDAGRI', null, 'FORBIDDEN'],
  ] as const)('%s %s reading the audit: %s', async (agency, region, outcome) => {
    expect(await codeOf((await netra.client(agency, region)).request(AUDIT, { filter: { caseId } }))).toBe(outcome);
    expect(await codeOf(netra.anonymous().request(AUDIT, {}))).toBe('UNAUTHENTICATED');
  });

  it('is append-only: the database refuses to update, delete or truncate it', async () => {
    const db = netra.app.get<symbol, ReadDb>(READ_DB);
    await inspector.request(gql`query ($id: ID!) { case(id: $id) { respondents { name } } }`, { id: caseId });
    expect((await recordsOf()).length).toBeGreaterThan(0);
    for (const statement of [
      sql`UPDATE netra_audit.access_reads SET user_id = 'someone-else'`,
      sql`DELETE FROM netra_audit.access_reads`,
      sql`TRUNCATE netra_audit.access_reads`,
    ]) {
      const refused = await db.execute(statement).then(
        () => 'done',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
      expect(refused).toMatch(/append-only/);
    }
    expect((await recordsOf()).every((r) => r.userId !== 'someone-else')).toBe(true);
  });
});
