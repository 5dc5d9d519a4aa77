import { gql } from 'graphql-request';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store';
import { CaseReader } from '../../src/oversight/queries/case-reader';
import { REPORT_CASE, aLaporan, type CaseResult } from '../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';

/**
 * The resolvers of one answer share their reads (storage/shared-reads.ts): the case's stream is read
 * once for its documents and its reporter, and `Case.documents` on a case just read does not read the
 * case again. The answers are those of separate requests.
 */
describe('one GraphQL answer reads a case once per thing it needs', () => {
  let netra: RunningNetra;
  let caseId: string;
  beforeAll(async () => {
    netra = await startTestNetra();
    const bawaslu = await netra.client('BAWASLU', '16.73');
    caseId = (await bawaslu.request<{ reportCase: CaseResult }>(REPORT_CASE, { input: aLaporan() })).reportCase.id;
  }, 60_000);
  afterAll(() => netra?.close());

  const streamReads = (spy: jest.SpyInstance) => spy.mock.calls.filter(([stream]) => String(stream).includes(caseId)).length;

  it('documents and reporter of a case: one read of its stream, one of its row; the same answer as asked apart', async () => {
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const apart = {
      documents: (await bawaslu.request<{ case: object }>(gql`query D($id: ID!) { case(id: $id) { documents { id name } } }`, { id: caseId })).case,
      reporter: (await bawaslu.request<{ case: object }>(gql`query R($id: ID!) { case(id: $id) { reporter { name phone } } }`, { id: caseId })).case,
    };
    const stream = jest.spyOn(netra.app.get<EventStore>(EVENT_STORE), 'readStream');
    const row = jest.spyOn(netra.app.get(CaseReader), 'case');
    try {
      const together = await bawaslu.request<{ case: object }>(gql`query B($id: ID!) { case(id: $id) { documents { id name } reporter { name phone } } }`, { id: caseId });
      expect(together.case).toEqual({ ...apart.documents, ...apart.reporter });
      expect(streamReads(stream)).toBe(1);
      expect(row.mock.calls.filter(([id]) => id === caseId)).toHaveLength(1);
    } finally {
      stream.mockRestore();
      row.mockRestore();
    }
  });

  it("a mutation's answer with documents, reporter and next steps reads the stream once (the command decided on the state it kept)", async () => {
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const reported = (await bawaslu.request<{ reportCase: CaseResult }>(REPORT_CASE, { input: aLaporan() })).reportCase;
    const stream = jest.spyOn(netra.app.get<EventStore>(EVENT_STORE), 'readStream');
    try {
      const [first, second] = reported.respondents.map((r) => r.respondentId);
      const { recordStudy } = await bawaslu.request<{ recordStudy: { version: number; reporter: { name: string } | null; documents: unknown[]; nextSteps: Array<{ step: string }> } }>(
        gql`mutation S($input: RecordStudyInput!) { recordStudy(input: $input) { version reporter { name } documents { id } nextSteps { step } } }`,
        {
          input: {
            caseId: reported.id,
            studiedAt: '2024-09-30T10:00:00+07:00',
            findings: [
              { respondentId: first, outcome: 'VIOLATION', violations: ['PARTISAN_ACTIVITY'] },
              { respondentId: second, outcome: 'NO_VIOLATION' },
            ],
          },
        },
      );
      expect(recordStudy.version).toBe(reported.version + 1);
      expect(recordStudy.documents).toEqual([]);
      expect(recordStudy.reporter).toEqual({ name: reported.reporter!.name });
      expect(recordStudy.nextSteps.map((s) => s.step)).toContain('issueRecommendation');
      expect(stream.mock.calls.filter(([s]) => String(s).includes(reported.id))).toHaveLength(1);
    } finally {
      stream.mockRestore();
    }
  });
});
