import { gql, GraphQLClient } from 'graphql-request';
import { sql } from 'drizzle-orm';
import { signDevToken } from '../../src/auth/dev-token';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store';
import { rebuildInbox } from '../../src/inbox/inbox-projection';
import { READ_DB, type ReadDb } from '../../src/storage/read-db';
import { InboxService } from '../../src/inbox/inbox.service';
import { aRecommendation, aSanctionDecision, aStudy, anExecution, BUPATI_MUSI_RAWAS, DECIDE, EXECUTE, mutate, RECOMMEND, REPORT, STUDY } from '../e2e/case-steps';
import { aLaporan } from '../e2e/fixtures';
import { codeOf, startTestNetra, TEST_SECRET, type RunningNetra } from '../support/netra-app';
import { onBothStores } from '../support/on-both-stores';

const INBOX = gql`
  query inbox($first: Int, $after: String, $unreadOnly: Boolean) {
    inbox(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount unreadCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind caseId registerNumber letterNumber decreeNumber ppkTitle dueAt read readAt respondents { respondentId name identityWithheld } } }
    }
  }
`;
const MARK = gql`mutation mark($ids: [ID!]!) { markInboxRead(ids: $ids) { id read } }`;

interface Line {
  id: string;
  kind: string;
  caseId: string;
  registerNumber: string;
  letterNumber: string | null;
  decreeNumber: string | null;
  ppkTitle: string | null;
  read: boolean;
  respondents: Array<{ respondentId: string; name: string | null; identityWithheld: boolean }>;
}
interface Page {
  totalCount: number;
  unreadCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: Line }>;
}

async function officer(netra: RunningNetra, agency: string, region: string | null, sub: string): Promise<GraphQLClient> {
  const token = await signDevToken(TEST_SECRET, { sub, agency: agency as never, region });
  return new GraphQLClient(netra.url, { headers: { authorization: `Bearer ${token}` } });
}

const inboxOf = async (client: GraphQLClient, variables: Record<string, unknown> = {}) => (await client.request<{ inbox: Page }>(INBOX, variables)).inbox;

async function dump(db: ReadDb): Promise<unknown> {
  const items = ((await db.execute(sql`SELECT * FROM netra_inbox.items ORDER BY id`)) as unknown as { rows: unknown[] }).rows;
  const routes = ((await db.execute(sql`SELECT * FROM netra_inbox.routes ORDER BY case_id`)) as unknown as { rows: unknown[] }).rows;
  const checkpoint = ((await db.execute(sql`SELECT position FROM netra_inbox.checkpoint`)) as unknown as { rows: Array<{ position: unknown }> }).rows.map((r) => String(r.position));
  return JSON.parse(JSON.stringify({ items, routes, checkpoint }));
}

onBothStores('inbox', (start) => {
  let started: Awaited<ReturnType<typeof start>>;
  let netra: RunningNetra;
  let caseId: string;

  beforeAll(async () => {
    started = await start();
    netra = started.netra;
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const bkn = await netra.client('BKN');
    // R1 (Ahmad Fauzi) goes to the Walikota of Lubuk Linggau, R2 (Dewi Anggraini) to the Bupati of Musi Rawas.
    caseId = (await mutate(bawaslu, REPORT, aLaporan())).id;
    await mutate(bawaslu, STUDY, aStudy(caseId, { R1: 'VIOLATION', R2: 'VIOLATION' }));
    await mutate(bawaslu, RECOMMEND, aRecommendation(caseId, ['R1', 'R2']));
    await mutate(bkn, DECIDE, aSanctionDecision(caseId, 'R1'));
    await mutate(bkn, DECIDE, aSanctionDecision(caseId, 'R2', { ppk: BUPATI_MUSI_RAWAS }));
    await mutate(await netra.client('PPK', '16.73'), EXECUTE, anExecution(caseId, 'R1'));
    const head = await netra.app.get<EventStore>(EVENT_STORE).headPosition();
    await netra.app.get(InboxService).projection.waitFor(head, 10_000);
  }, 60_000);

  afterAll(async () => started?.cleanup());

  it('each unit finds what reached it: the case for its Bawaslu, the recommendation for BKN, each decision for its own PPK, the decree for BKN', async () => {
    const kinds = async (agency: string, region: string | null) => (await inboxOf(await officer(netra, agency, region, `${agency}-a`))).edges.map((e) => e.node.kind);
    expect(await kinds('BAWASLU', '16.73')).toEqual(['CASE_REPORTED']);
    expect(await kinds('BKN', null)).toEqual(['SANCTION_EXECUTED', 'RECOMMENDATION_RECEIVED']);
    expect(await kinds('PPK', '16.73')).toEqual(['SANCTION_DECIDED']);
    expect(await kinds('PPK', '16.05')).toEqual(['SANCTION_DECIDED']);
    // The province's PPK is another unit: the regency's decision is not in its inbox.
    expect(await kinds('PPK', '16')).toEqual([]);
    expect(await kinds('BAWASLU', '16')).toEqual([]);
  });

  it('a line shows names only of the respondents the unit may see', async () => {
    const bkn = (await inboxOf(await officer(netra, 'BKN', null, 'bkn-a'))).edges.map((e) => e.node);
    const recommendation = bkn.find((l) => l.kind === 'RECOMMENDATION_RECEIVED')!;
    expect(recommendation.respondents).toEqual([
      { respondentId: 'R1', name: 'Ahmad Fauzi', identityWithheld: false },
      { respondentId: 'R2', name: 'Dewi Anggraini', identityWithheld: false },
    ]);
    expect(recommendation.letterNumber).toBe('0456/PP.01.02/K.SS-16.73/09/2024');
    const musiRawas = (await inboxOf(await officer(netra, 'PPK', '16.05', 'ppk-mr'))).edges[0].node;
    expect(musiRawas.respondents).toEqual([{ respondentId: 'R2', name: 'Dewi Anggraini', identityWithheld: false }]);
    expect(musiRawas.ppkTitle).toBe('Bupati Musi Rawas');
    expect(JSON.stringify(musiRawas)).not.toContain('Ahmad Fauzi');
  });

  it('read state is per officer: one marks a line read, a colleague of the same unit still has it unread', async () => {
    const first = await officer(netra, 'BKN', null, 'bkn-reader-1');
    const second = await officer(netra, 'BKN', null, 'bkn-reader-2');
    const before = await inboxOf(first);
    expect(before).toMatchObject({ totalCount: 2, unreadCount: 2 });
    const id = before.edges[1].node.id;
    expect((await first.request<{ markInboxRead: Array<{ id: string; read: boolean }> }>(MARK, { ids: [id] })).markInboxRead).toEqual([{ id, read: true }]);
    const after = await inboxOf(first, { unreadOnly: true });
    expect(after.unreadCount).toBe(1);
    expect(after.edges.map((e) => e.node.id)).not.toContain(id);
    expect((await inboxOf(second, { unreadOnly: true })).edges.map((e) => e.node.id)).toContain(id);
  });

  it('an id outside the unit’s inbox is NOT_FOUND and marks nothing', async () => {
    const bkn = await officer(netra, 'BKN', null, 'bkn-reader-3');
    const ppkLine = (await inboxOf(await officer(netra, 'PPK', '16.73', 'ppk-1'))).edges[0].node.id;
    const own = (await inboxOf(bkn)).edges[0].node.id;
    expect(await codeOf(bkn.request(MARK, { ids: [own, ppkLine] }))).toBe('NOT_FOUND');
    expect((await inboxOf(bkn)).unreadCount).toBe(2);
    // Without a token only the public figures may be asked.
    expect(await codeOf(netra.anonymous().request(INBOX, {}))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('pages with Relay cursors', async () => {
    const bkn = await officer(netra, 'BKN', null, 'bkn-pager');
    const one = await inboxOf(bkn, { first: 1 });
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = await inboxOf(bkn, { first: 1, after: one.pageInfo.endCursor });
    expect(two.pageInfo.hasNextPage).toBe(false);
    expect([...one.edges, ...two.edges].map((e) => e.node.kind)).toEqual(['SANCTION_EXECUTED', 'RECOMMENDATION_RECEIVED']);
    expect(await codeOf(bkn.request(INBOX, { after: 'bm9wZQ' }))).toBe('BAD_USER_INPUT');
  });

  it('a rebuild from the log writes the very rows the live projection wrote, and read marks survive it', async () => {
    const db = netra.app.get<ReadDb>(READ_DB);
    const live = await dump(db);
    const reader = await officer(netra, 'BKN', null, 'bkn-reader-1');
    await rebuildInbox(netra.app.get<EventStore>(EVENT_STORE), db);
    expect(await dump(db)).toEqual(live);
    expect((await inboxOf(reader)).unreadCount).toBe(1);
  });
});

describe('inbox and the deadline process', () => {
  it('a due time that passed reaches the unit the step waits on: the PPK named in the decision', async () => {
    const netra = await startTestNetra({ OVERDUE_SCAN_SECONDS: '0.2' });
    try {
      const bawaslu = await netra.client('BAWASLU', '16.73');
      const id = (await mutate(bawaslu, REPORT, aLaporan())).id;
      await mutate(bawaslu, STUDY, aStudy(id, { R1: 'VIOLATION', R2: 'NO_VIOLATION' }));
      await mutate(bawaslu, RECOMMEND, aRecommendation(id, ['R1']));
      // Decided in October 2024: the PPK's due time passed long ago.
      await mutate(await netra.client('BKN'), DECIDE, aSanctionDecision(id, 'R1'));
      const ppk = await officer(netra, 'PPK', '16.73', 'ppk-late');
      const deadline = Date.now() + 15_000;
      let kinds: string[] = [];
      while (!kinds.includes('DEADLINE_PASSED') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        kinds = (await inboxOf(ppk)).edges.map((e) => e.node.kind);
      }
      expect(kinds).toEqual(['DEADLINE_PASSED', 'SANCTION_DECIDED']);
      const late = (await ppk.request<{ inbox: { edges: Array<{ node: { step: string; dueAt: string; respondents: unknown[] } }> } }>(gql`{ inbox { edges { node { step dueAt respondents { respondentId name } } } } }`)).inbox.edges[0].node;
      expect(late).toMatchObject({ step: 'EXECUTION', respondents: [{ respondentId: 'R1', name: 'Ahmad Fauzi' }] });
    } finally {
      await netra.close();
    }
  }, 60_000);
});
