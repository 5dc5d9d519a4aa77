import { status } from '@grpc/grpc-js';
import { signDevToken } from '../../src/auth/dev-token';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store';
import { InboxService } from '../../src/inbox/inbox.service';
import { aRecommendation, aSanctionDecision, aStudy, BUPATI_MUSI_RAWAS, DECIDE, mutate, RECOMMEND, REPORT, STUDY } from '../e2e/case-steps';
import { aLaporan } from '../e2e/fixtures';
import { startTestNetra, TEST_SECRET, type RunningNetra } from '../support/netra-app';
import { CaseWorkflowClient } from './grpc-client';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);

async function upload(netra: RunningNetra, caseId: string, respondentId: string): Promise<string> {
  const form = new FormData();
  form.append('kind', 'DECISION_LETTER');
  form.append('respondentId', respondentId);
  form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), `surat-${respondentId}.pdf`);
  const token = await signDevToken(TEST_SECRET, { sub: 'bkn', agency: 'BKN', region: null });
  const response = await fetch(`${netra.origin}/cases/${caseId}/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { documentId: string }).documentId;
}

describe('gRPC ListInbox and ListDocuments', () => {
  let netra: RunningNetra;
  let client: CaseWorkflowClient;
  let caseId: string;
  let documents: Record<string, string>;

  beforeAll(async () => {
    netra = await startTestNetra();
    client = new CaseWorkflowClient(netra.grpcAddress);
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const bkn = await netra.client('BKN');
    caseId = (await mutate(bawaslu, REPORT, aLaporan())).id;
    await mutate(bawaslu, STUDY, aStudy(caseId, { R1: 'VIOLATION', R2: 'VIOLATION' }));
    await mutate(bawaslu, RECOMMEND, aRecommendation(caseId, ['R1', 'R2']));
    await mutate(bkn, DECIDE, aSanctionDecision(caseId, 'R1'));
    await mutate(bkn, DECIDE, aSanctionDecision(caseId, 'R2', { ppk: BUPATI_MUSI_RAWAS }));
    documents = { R1: await upload(netra, caseId, 'R1'), R2: await upload(netra, caseId, 'R2') };
    await netra.app.get(InboxService).projection.waitFor(await netra.app.get<EventStore>(EVENT_STORE).headPosition(), 10_000);
  }, 60_000);

  afterAll(async () => {
    client?.raw.close();
    await netra?.close();
  });

  it('the PPK of Lubuk Linggau lists the decision that reached it, with the name it may see', async () => {
    const page = await client.call('ListInbox', { pageSize: 10 }, { agency: 'PPK', region: '16.73' });
    expect(page).toMatchObject({ totalCount: 1, unreadCount: 1, nextPageToken: '' });
    expect(page.items[0]).toMatchObject({
      kind: 'INBOX_KIND_SANCTION_DECIDED',
      caseId: caseId,
      respondents: [{ respondentId: 'R1', name: 'Ahmad Fauzi', identityWithheld: false }],
      ppkTitle: 'Walikota Lubuk Linggau',
      read: false,
    });
  });

  it('BKN lists the recommendation that reached it; a page token it never got is INVALID_ARGUMENT naming page_token', async () => {
    const first = await client.call('ListInbox', { pageSize: 1 }, { agency: 'BKN' });
    expect(first.items.map((i: { kind: string }) => i.kind)).toEqual(['INBOX_KIND_RECOMMENDATION_RECEIVED']);
    expect(first.nextPageToken).toBe('');
    await expect(client.call('ListInbox', { pageToken: 'nope' }, { agency: 'BKN' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('page_token') });
    await expect(client.call('ListInbox', {}, null)).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
  });

  it("lists a case's documents as GraphQL does: Musi Rawas's PPK gets R2's letter, not R1's", async () => {
    const bkn = await client.call('ListDocuments', { caseId: caseId }, { agency: 'BKN' });
    expect(bkn.documents.map((d: { id: string }) => d.id)).toEqual([documents.R1, documents.R2]);
    expect(bkn.documents[0]).toMatchObject({ kind: 'DOCUMENT_KIND_DECISION_LETTER', name: 'surat-R1.pdf', contentType: 'application/pdf', size: String(PDF.length), respondentId: 'R1', attachedBy: 'AGENCY_BKN', readable: true });
    const musiRawas = await client.call('ListDocuments', { caseId: caseId }, { agency: 'PPK', region: '16.05' });
    expect(musiRawas.documents.map((d: { id: string }) => d.id)).toEqual([documents.R2]);
    // Another region's Bawaslu may not read the case: NOT_FOUND, as for a case that does not exist.
    await expect(client.call('ListDocuments', { caseId: caseId }, { agency: 'BAWASLU', region: '13.72' })).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(client.call('ListDocuments', { caseId: 'x' }, { agency: 'BKN' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
  });
});
