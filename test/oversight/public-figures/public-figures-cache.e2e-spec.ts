import { QueryBus } from '@nestjs/cqrs';
import { FollowUpSummaryQuery } from '../../../src/oversight/oversight.queries';
import { FollowUpSummaryReader } from '../../../src/oversight/queries/follow-up-summary';
import { REPORT_CASE, aLaporan } from '../../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../../support/netra-app';
import { signDevToken } from '../../../src/auth/dev-token';
import { TEST_SECRET } from '../../support/netra-app';
import { NetraMetrics } from '../../../src/observability/metrics';

/**
 * Public figures from a cache: an anonymous followUpSummary is computed once per log position and
 * served again with an ETag naming that position, until an event moves the read model; a caller
 * with a token is never served from it, and the rate limit and small-cell suppression still apply.
 */

const SUMMARY = '{ followUpSummary(groupBy: [REGION]) { smallCellThreshold position overall { total suppressed } buckets { key { regionCode } total suppressed } } }';
/** The same question, written differently: one cache entry. */
const SUMMARY_AGAIN = `query {
  followUpSummary(groupBy: [REGION]) { smallCellThreshold position overall { total suppressed } buckets { key { regionCode } total suppressed } }
}`;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  total: number | null;
}

describe('public figures from a cache', () => {
  let netra: RunningNetra;
  let computations = 0;
  let reads = 0;
  let respondents = 0;
  /** The figures' clock, which the test moves: overdue and days waiting are computed at it. */
  let now = new Date();

  /** From its own address (TRUST_PROXY=loopback), so each test has its own anonymous budget. */
  const ask = async (client: string, headers: Record<string, string> = {}, query = SUMMARY): Promise<Answer> => {
    const response = await fetch(netra.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client, ...headers }, body: JSON.stringify({ query }) });
    const text = await response.text();
    const total = response.status === 200 ? (JSON.parse(text) as { data: { followUpSummary: { overall: { total: number | null } } } }).data.followUpSummary.overall.total : null;
    return { status: response.status, headers: response.headers, text, total };
  };
  /** A laporan in Lubuk Linggau, September 2024, naming three respondents: one small cell grows by three. */
  const reportThree = async () => {
    const bawaslu = await netra.client('BAWASLU', null);
    const people = [0, 1, 2].map(() => ++respondents).map((i) => ({ name: `Pegawai ${i}`, nip: `198203152008011${String(i).padStart(3, '0')}`, employment: 'PNS', institution: 'Kecamatan Lubuk Linggau Barat I', institutionRegionCode: '16.73' }));
    await bawaslu.request(REPORT_CASE, { input: aLaporan({ respondents: people }) });
  };

  beforeAll(async () => {
    netra = await startTestNetra({ TRUST_PROXY: 'loopback', ANONYMOUS_RATE_LIMIT_PER_MINUTE: '6', PUBLIC_FIGURES_MAX_AGE_SECONDS: '60' }, { clock: () => now });
    const bus = netra.app.get(QueryBus);
    const execute = bus.execute.bind(bus);
    jest.spyOn(bus, 'execute').mockImplementation((query) => {
      if (query instanceof FollowUpSummaryQuery) computations++;
      return execute(query);
    });
    const reader = netra.app.get(FollowUpSummaryReader);
    const summary = reader.summary.bind(reader);
    jest.spyOn(reader, 'summary').mockImplementation((...args) => {
      reads++;
      return summary(...args);
    });
    await reportThree();
  }, 60_000);
  afterAll(() => netra?.close());

  it('the same question twice is computed once, and carries an ETag naming the log position', async () => {
    const before = computations;
    const first = await ask('10.0.0.1');
    const second = await ask('10.0.0.1', {}, SUMMARY_AGAIN);
    expect(computations - before).toBe(1);
    expect(second.text).toBe(first.text);
    const position = JSON.parse(first.text).data.followUpSummary.position;
    expect(first.headers.get('etag')).toMatch(new RegExp(`^"pf-${position}-`));
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+, must-revalidate$/);
    expect(first.headers.get('vary')).toMatch(/Authorization/);
  });

  it('small cells stay suppressed in the cached answer: three persons are not shown', async () => {
    const cached = await ask('10.0.0.2');
    const summary = JSON.parse(cached.text).data.followUpSummary;
    expect(summary.smallCellThreshold).toBe(5);
    expect(summary.overall.total).toBeNull();
    expect(summary.overall.suppressed).toContain('total');
  });

  it('If-None-Match with the current ETag is 304, empty, without a computation', async () => {
    const { headers } = await ask('10.0.0.3');
    const before = computations;
    const revalidated = await ask('10.0.0.3', { 'if-none-match': headers.get('etag')! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
    expect(revalidated.headers.get('etag')).toBe(headers.get('etag'));
    expect(computations).toBe(before);
  });

  it('a new event is a new ETag and new figures, computed once for ten clients asking at once', async () => {
    const old = await ask('10.0.0.4');
    await reportThree();
    const before = computations;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(`10.0.1.${i}`, { 'if-none-match': old.headers.get('etag')! })));
    expect(computations - before).toBe(1);
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((a) => a.headers.get('etag')))).toEqual(new Set([answers[0].headers.get('etag')]));
    expect(answers[0].headers.get('etag')).not.toBe(old.headers.get('etag'));
    // Six persons in the cell now: the figure is published.
    expect(answers[0].total).toBe(6);
  });

  it('a caller with a token is never served from the cache and gets no cache headers', async () => {
    const token = await signDevToken(TEST_SECRET, { sub: 'oversight-1', agency: 'OVERSIGHT', region: null });
    const before = computations;
    const exact = await ask('10.0.0.5', { authorization: `Bearer ${token}` });
    const again = await ask('10.0.0.5', { authorization: `Bearer ${token}` });
    expect(computations - before).toBe(2);
    expect(JSON.parse(exact.text).data.followUpSummary.smallCellThreshold).toBeNull();
    for (const answer of [exact, again]) {
      expect(answer.headers.get('etag')).toBeNull();
      expect(answer.headers.get('cache-control') ?? '').not.toMatch(/public|max-age/);
    }
  });

  it('the anonymous rate limit still applies to cached answers and 304s', async () => {
    const statuses: number[] = [];
    const { headers } = await ask('10.0.0.6');
    for (let i = 0; i < 6; i++) statuses.push((await ask('10.0.0.6', i % 2 === 0 ? { 'if-none-match': headers.get('etag')! } : {})).status);
    expect(statuses).toEqual([304, 200, 304, 200, 304, 429]);
    const refused = await ask('10.0.0.6');
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('the anonymous summary export is cached the same way, file name and all', async () => {
    const download = (headers: Record<string, string> = {}) => fetch(`${netra.origin}/exports/summary.csv?groupBy=REGION`, { headers: { 'x-forwarded-for': '10.0.0.7', ...headers } });
    const before = reads;
    const first = await download();
    const firstText = await first.text();
    const second = await download();
    expect(await second.text()).toBe(firstText);
    expect(reads - before).toBe(1);
    expect(second.headers.get('content-disposition')).toBe(first.headers.get('content-disposition'));
    expect(second.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(second.headers.get('cache-control')).toMatch(/^public, max-age=\d+, must-revalidate$/);
    const revalidated = await download({ 'if-none-match': first.headers.get('etag')! });
    expect(revalidated.status).toBe(304);
    const token = await signDevToken(TEST_SECRET, { sub: 'oversight-1', agency: 'OVERSIGHT', region: null });
    const exact = await download({ authorization: `Bearer ${token}` });
    expect(exact.headers.get('etag')).toBeNull();
    expect(exact.headers.get('cache-control')).toBe('no-store');
    expect(reads - before).toBe(2);
  });

  it('without any event, an answer is computed again once it is older than its max-age on the figures\' clock (deadlines pass)', async () => {
    const first = await ask('10.0.0.8');
    const before = computations;
    now = new Date(now.getTime() + 61_000);
    const later = await ask('10.0.0.8');
    expect(computations - before).toBe(1);
    expect(later.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(JSON.parse(later.text).data.followUpSummary.position).toBe(JSON.parse(first.text).data.followUpSummary.position);
  });

  it('distinct anonymous questions share one formation of the protected cells until an event or a due time moves them', async () => {
    const metrics = netra.app.get(NetraMetrics);
    const formed = async () => (await metrics.anonymousCells.get()).values.find((v) => v.labels.outcome === 'formed')?.value ?? 0;
    const reused = async () => (await metrics.anonymousCells.get()).values.find((v) => v.labels.outcome === 'reused')?.value ?? 0;
    // Distinct aliases and groupings: the HTTP cache cannot answer any of them, the cells can.
    const question = (n: number, groupBy: string) => `{ q${n}: followUpSummary(groupBy: [${groupBy}]) { position overall { total } } n${n}: followUpSummary { overall { total } } }`;
    const ask = async (client: string, _headers: object, query: string) => {
      const response = await fetch(netra.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client }, body: JSON.stringify({ query }) });
      const text = await response.text();
      expect(text).not.toContain('"errors"');
      return { status: response.status, text };
    };
    await ask('10.0.9.1', {}, question(0, 'REGION'));
    const [formedBefore, reusedBefore] = [await formed(), await reused()];
    const answers = await Promise.all(['ELECTION', 'PROVINCE', 'REGION', 'ELECTION, REGION'].map((g, i) => ask(`10.0.9.${i + 2}`, {}, question(i + 1, g))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(await formed()).toBe(formedBefore);
    expect((await reused()) - reusedBefore).toBe(8);
    // An event moves the read model: the next question forms the cells again, and sees the new persons.
    await reportThree();
    const afterEvent = await ask('10.0.9.7', {}, question(7, 'PROVINCE'));
    expect(await formed()).toBe(formedBefore + 1);
    expect(JSON.parse(afterEvent.text).data.q7.position).not.toBe(JSON.parse(answers[0].text).data.q1.position);
    // No event, but the clock passes the study's due time of the persons reported (received 26 Sep 2024): who is overdue changed.
    // Figures asked at an instant before the cells were formed form them again too.
    now = new Date('2024-09-27T00:00:00Z');
    await ask('10.0.9.8', {}, question(8, 'PROVINCE'));
    expect(await formed()).toBe(formedBefore + 2);
    await ask('10.0.9.10', {}, question(10, 'REGION'));
    expect(await formed()).toBe(formedBefore + 2);
    now = new Date('2025-01-27T00:00:00Z');
    await ask('10.0.9.11', {}, question(11, 'PROVINCE'));
    expect(await formed()).toBe(formedBefore + 3);
    await ask('10.0.9.9', {}, question(9, 'REGION'));
    expect(await formed()).toBe(formedBefore + 3);
  });
});
