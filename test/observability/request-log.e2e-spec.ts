import { GraphQLClient } from 'graphql-request';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store';
import { startTestNetra, TEST_SECRET, type RunningNetra } from '../support/netra-app';
import { signDevToken } from '../../src/auth/dev-token';
import { aLaporan, REPORT_CASE, type CaseResult } from '../e2e/fixtures';

describe('operations: request log, request id, HTTP and GraphQL metrics, liveness and readiness', () => {
  let netra: RunningNetra;
  beforeAll(async () => (netra = await startTestNetra()));
  afterAll(() => netra.close());

  async function bawaslu(headers: Record<string, string> = {}): Promise<GraphQLClient> {
    const token = await signDevToken(TEST_SECRET, { sub: 'officer-1', agency: 'BAWASLU', region: '16.73' });
    return new GraphQLClient(netra.url, { headers: { authorization: `Bearer ${token}`, ...headers } });
  }

  it('carries the caller\'s request id from the response header and the log line into the events the request appended', async () => {
    const requestId = 'req-netra-test-0001';
    const client = await bawaslu({ 'x-request-id': requestId });
    const { reportCase } = await client.request<{ reportCase: CaseResult }>(REPORT_CASE, { input: aLaporan() });
    const store = netra.app.get<EventStore>(EVENT_STORE);
    const [reported] = await store.readStream(`case-${reportCase.id}`);
    expect(reported.metadata.requestId).toBe(requestId);
    const line = netra.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'request' && l.requestId === requestId);
    expect(line).toMatchObject({ method: 'POST', path: '/graphql', status: 200 });
    expect(line.ms).toEqual(expect.any(Number));
  });

  it('makes its own id when the caller sends none or one that is not an id, and echoes it', async () => {
    const plain = await fetch(`${netra.origin}/health/live`);
    expect(plain.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await fetch(`${netra.origin}/health/live`, { headers: { 'x-request-id': 'a b <script>alert(1)</script>' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs the path of an export but never its query string, which can carry a NIP', async () => {
    const token = await signDevToken(TEST_SECRET, { sub: 'oversight-1', agency: 'OVERSIGHT', region: null });
    const nip = '198503302010121002';
    const response = await fetch(`${netra.origin}/exports/follow-ups.csv?respondentNip=${nip}`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    const requestId = response.headers.get('x-request-id');
    const line = netra.logs.find((l) => l.includes(String(requestId)));
    expect(line).toBeDefined();
    expect(JSON.parse(String(line)).path).toBe('/exports/follow-ups.csv');
    expect(netra.logs.join('\n')).not.toContain(nip);
  });

  it('answers liveness without asking the stores, and readiness on /health/ready as on /health', async () => {
    expect((await fetch(`${netra.origin}/health/live`)).status).toBe(200);
    const ready = await fetch(`${netra.origin}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up' }, projection: { status: 'up' } } });
  });

  it('counts HTTP requests by route and status and GraphQL operations by root field and outcome', async () => {
    const client = await bawaslu();
    await client.request(REPORT_CASE, { input: aLaporan() });
    await expect(client.request(REPORT_CASE, { input: { ...aLaporan(), respondents: [] } })).rejects.toThrow();
    const text = await (await fetch(`${netra.origin}/metrics`)).text();
    expect(text).toMatch(/netra_http_requests_total\{method="POST",route="\/graphql",status="200"\} [1-9]/);
    expect(text).toMatch(/netra_graphql_operations_total\{type="mutation",field="reportCase",outcome="ok"\} [2-9]/);
    expect(text).toMatch(/netra_graphql_operations_total\{type="mutation",field="reportCase",outcome="BAD_USER_INPUT"\} 1/);
    expect(text).toMatch(/netra_graphql_operation_duration_seconds_count\{type="mutation",field="reportCase"\} [3-9]/);
    expect(text).toMatch(/netra_http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/health"\}/);
  });
});
