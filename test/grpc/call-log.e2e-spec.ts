import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { aLaporan, BAWASLU_LUBUK_LINGGAU, CaseWorkflowClient, metadataFor, type Caller } from './grpc-client';

type Message = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const REPORT_CASE = '/netra.v1.CaseWorkflow/ReportCase';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a unary call answered, with the request id the server returned (response metadata, or the status's on a refusal). */
interface Answer {
  response: Message | null;
  error: ServiceError | null;
  requestId: string | undefined;
}

describe('operations over gRPC: request id, call log and call metrics', () => {
  let netra: RunningNetra;
  let client: CaseWorkflowClient;
  beforeAll(async () => {
    netra = await startTestNetra();
    client = new CaseWorkflowClient(netra.grpcAddress);
  });
  afterAll(async () => {
    client.close();
    await netra.close();
  });

  async function call(method: string, request: Message, caller: Caller | null, requestId?: string): Promise<Answer> {
    const metadata: Metadata = await metadataFor(caller);
    if (requestId !== undefined) metadata.set('x-request-id', requestId);
    return new Promise((resolve) => {
      let sent: string | undefined;
      const unary = client.raw[method](request, metadata, (error, response) =>
        resolve({ response: error ? null : response, error, requestId: sent ?? (error?.metadata?.get('x-request-id')[0] as string | undefined) }),
      ) as unknown as { on(event: 'metadata', listener: (m: Metadata) => void): void };
      unary.on('metadata', (m) => (sent = m.get('x-request-id')[0] as string | undefined));
    });
  }

  const logLines = () => netra.logs.map((line) => JSON.parse(line) as Message).filter((line) => line.msg === 'grpc call');

  it('returns the caller\'s request id and carries it into the metadata of the event the call appended', async () => {
    const requestId = 'grpc-req-netra-0001';
    const answer = await call('ReportCase', aLaporan(), BAWASLU_LUBUK_LINGGAU, requestId);
    expect(answer.error).toBeNull();
    expect(answer.requestId).toBe(requestId);
    const [reported] = await netra.app.get<EventStore>(EVENT_STORE).readStream(`case-${answer.response!.case.id}`);
    expect(reported.type).toBe('CaseReported');
    expect(reported.metadata.requestId).toBe(requestId);
  });

  it('logs one line per call — method, status code, duration, request id — and no personal data', async () => {
    const requestId = 'grpc-req-netra-0002';
    await call('ReportCase', aLaporan(), BAWASLU_LUBUK_LINGGAU, requestId);
    const lines = logLines().filter((line) => line.requestId === requestId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: REPORT_CASE, code: 'OK', ms: expect.any(Number) });
    const everything = netra.logs.join('\n');
    for (const personal of ['198203152008011002', 'Ahmad Fauzi', 'Rina Marlina', '+62 812 0000 1111', 'Bearer ']) expect(everything).not.toContain(personal);
  });

  it('makes its own id when the caller sends none or one that is not an id, also on a refused call', async () => {
    const none = await call('GetCase', { caseId: '00000000-0000-4000-8000-000000000000' }, BAWASLU_LUBUK_LINGGAU);
    expect(none.error?.code).toBe(status.NOT_FOUND);
    expect(none.requestId).toMatch(UUID);
    const hostile = await call('ReportCase', aLaporan(), null, 'a b <script>alert(1)</script>');
    expect(hostile.error?.code).toBe(status.UNAUTHENTICATED);
    expect(hostile.requestId).toMatch(UUID);
    expect(logLines().find((line) => line.requestId === hostile.requestId)).toMatchObject({ method: REPORT_CASE, code: 'UNAUTHENTICATED' });
    expect(netra.logs.join('\n')).not.toContain('<script>');
  });

  it('counts calls by method and status code, with their latency, on /metrics', async () => {
    await call('ReportCase', aLaporan(), BAWASLU_LUBUK_LINGGAU);
    await call('ReportCase', { ...aLaporan(), respondents: [] }, BAWASLU_LUBUK_LINGGAU);
    const text = await (await fetch(`${netra.origin}/metrics`)).text();
    const count = (code: string) => Number(new RegExp(`netra_grpc_calls_total\\{method="${REPORT_CASE}",code="${code}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
    // This suite's own calls: three accepted, one without a token, one with no respondent.
    expect(count('OK')).toBe(3);
    expect(count('UNAUTHENTICATED')).toBe(1);
    expect(count('INVALID_ARGUMENT')).toBe(1);
    expect(text).toMatch(/netra_grpc_calls_total\{method="\/netra\.v1\.CaseWorkflow\/GetCase",code="NOT_FOUND"\} 1/);
    expect(text).toContain(`netra_grpc_call_duration_seconds_count{method="${REPORT_CASE}"} 5`);
    expect(text).toMatch(new RegExp(`netra_grpc_call_duration_seconds_bucket\\{le="\\+Inf",method="${REPORT_CASE}"\\} 5`));
  });
});
