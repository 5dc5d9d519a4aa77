import { REPORT_CASE, aLaporan } from '../../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../../support/netra-app';
import { NetraMetrics } from '../../../src/observability/metrics';

/**
 * The fast path (src/oversight/public-figures/fast-path.ts) answers a fresh cached anonymous
 * `POST /graphql` summary before Express. What it sends must be what the full path sends for the
 * same answer — here a `GET` with Apollo's preflight header, which only the full path serves —
 * and one event later it must not send the old answer as current.
 */

const SUMMARY = '{ followUpSummary(groupBy: [REGION]) { smallCellThreshold position overall { total suppressed } buckets { key { regionCode } total suppressed } } }';
/** Per response, what differs by nature between two answers of the same content. */
const PER_RESPONSE = new Set(['date', 'x-request-id', 'keep-alive', 'connection']);

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

describe('the public figures fast path', () => {
  let netra: RunningNetra;
  /** Requests that reached Express: the fast path's answers never do. */
  let throughExpress = 0;
  let respondents = 0;
  const now = new Date();

  const received = async (response: Response): Promise<Answer> => {
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return { status: response.status, headers, text: await response.text() };
  };
  const post = async (client: string, headers: Record<string, string> = {}, body = JSON.stringify({ query: SUMMARY })) =>
    received(await fetch(netra.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client, ...headers }, body }));
  const get = async (client: string, headers: Record<string, string> = {}) =>
    received(await fetch(`${netra.url}?query=${encodeURIComponent(SUMMARY)}`, { headers: { 'apollo-require-preflight': 'true', 'x-forwarded-for': client, ...headers } }));
  const stable = (answer: Answer) => Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !PER_RESPONSE.has(name)));
  const expressCount = async <T>(request: () => Promise<T>): Promise<[T, number]> => {
    const before = throughExpress;
    const result = await request();
    return [result, throughExpress - before];
  };
  const reportThree = async () => {
    const bawaslu = await netra.client('BAWASLU', null);
    const people = [0, 1, 2].map(() => ++respondents).map((i) => ({ name: `Pegawai ${i}`, nip: `198203152008011${String(i).padStart(3, '0')}`, employment: 'PNS', institution: 'Kecamatan Lubuk Linggau Barat I', institutionRegionCode: '16.73' }));
    await bawaslu.request(REPORT_CASE, { input: aLaporan({ respondents: people }) });
  };

  beforeAll(async () => {
    netra = await startTestNetra({ TRUST_PROXY: 'loopback', ANONYMOUS_RATE_LIMIT_PER_MINUTE: '5', PUBLIC_FIGURES_MAX_AGE_SECONDS: '60' }, { clock: () => now });
    const express = netra.app.getHttpAdapter().getInstance() as { handle: (...args: unknown[]) => unknown };
    const handle = express.handle.bind(express);
    express.handle = (...args: unknown[]) => {
      throughExpress++;
      return handle(...args);
    };
    await reportThree();
  }, 60_000);
  afterAll(() => netra?.close());

  it('answers a cached summary without Express, with the full path\'s bytes and headers', async () => {
    const [computed, computing] = await expressCount(() => post('10.1.0.1'));
    const [full, viaGet] = await expressCount(() => get('10.1.0.2'));
    const [fast, viaPost] = await expressCount(() => post('10.1.0.3'));
    expect([computing, viaGet, viaPost]).toEqual([1, 1, 0]);
    expect(computed.status).toBe(200);
    expect(fast.text).toBe(computed.text);
    expect(fast.text).toBe(full.text);
    expect(stable(fast)).toEqual(stable(full));
    expect(fast.headers['content-length']).toBe(String(Buffer.byteLength(computed.text)));
    expect(fast.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a 304 from the fast path is the full path\'s 304', async () => {
    const etag = (await post('10.2.0.1')).headers.etag;
    const [full, viaGet] = await expressCount(() => get('10.2.0.2', { 'if-none-match': etag }));
    const [fast, viaPost] = await expressCount(() => post('10.2.0.3', { 'if-none-match': `"other", ${etag}` }));
    expect([viaGet, viaPost]).toEqual([1, 0]);
    expect([full.status, fast.status]).toEqual([304, 304]);
    expect(fast.text).toBe('');
    expect(stable(fast)).toEqual(stable(full));
  });

  it('one event later, the old answer is not sent as current: the new position is computed by the full path, then served fast', async () => {
    const old = await post('10.3.0.1');
    const oldPosition = Number(old.headers['x-netra-position']);
    await reportThree();
    const [fresh, computing] = await expressCount(() => post('10.3.0.2', { 'if-none-match': old.headers.etag }));
    expect(computing).toBe(1);
    expect(fresh.status).toBe(200);
    expect(Number(fresh.headers['x-netra-position'])).toBeGreaterThan(oldPosition);
    expect(fresh.headers.etag).not.toBe(old.headers.etag);
    expect(JSON.parse(fresh.text).data.followUpSummary.position).toBe(fresh.headers['x-netra-position']);
    // Three more persons in 16.73: its small cell grows (and may come out of suppression).
    expect(fresh.text).not.toBe(old.text);
    const [again, viaPost] = await expressCount(() => post('10.3.0.3'));
    expect(viaPost).toBe(0);
    expect(again.text).toBe(fresh.text);
  });

  it('spends the anonymous rate limit, logs one request line and counts the request', async () => {
    await post('10.4.0.1');
    const metrics = netra.app.get(NetraMetrics);
    const count = async () => (await metrics.httpRequests.get()).values.find((v) => v.labels.route === '/graphql' && v.labels.status === '200')?.value ?? 0;
    const before = await count();
    const logged = netra.logs.length;
    const [answers, viaExpress] = await expressCount(async () => [await post('10.4.0.1'), await post('10.4.0.1'), await post('10.4.0.1'), await post('10.4.0.1')]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(viaExpress).toBe(0);
    expect((await count()) - before).toBe(4);
    const lines = netra.logs.slice(logged).map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'request');
    expect(lines.map((l) => [l.method, l.path, l.status, l.requestId])).toEqual(answers.map((a) => ['POST', '/graphql', 200, a.headers['x-request-id']]));
    // The sixth request of the minute from that address: refused the usual way, by the full path.
    const [refused, refusedVia] = await expressCount(() => post('10.4.0.1'));
    expect(refused.status).toBe(429);
    expect(refusedVia).toBe(1);
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('hands what it read to Express intact when it is not a cached summary', async () => {
    const other = await post('10.5.0.1', {}, JSON.stringify({ query: '{ __typename }' }));
    expect(other.status).toBe(200);
    expect(JSON.parse(other.text)).toEqual({ data: { __typename: 'Query' } });
    const broken = await post('10.5.0.2', {}, '{"query": ');
    expect(broken.status).toBe(400);
    const withToken = await (await netra.client('OVERSIGHT', null)).request<{ followUpSummary: { overall: { total: number } } }>('{ followUpSummary { overall { total } } }');
    expect(withToken.followUpSummary.overall.total).toBeGreaterThan(0);
  });
});
