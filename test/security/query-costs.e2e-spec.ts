import { QueryBus } from '@nestjs/cqrs';
import { FollowUpSummaryReader } from '../../src/oversight/queries/follow-up-summary';
import { download } from '../oversight/exports-support';
import { aLaporan } from '../e2e/fixtures';
import { REPORT_CASE } from '../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { codesOf, post } from './security-support';

/** Each such grouped summary costs 296 (270 of work, 26 of fields): eight are 2,368, over the anonymous 2,000. */
const SUMMARIES = 8;
const FULL = `overall { total actedOnRate medianDaysToExecute } buckets { key { regionCode } total actedOnRate }`;

/** The request: 1,000 aliases of a grouped summary, about 129 kB. */
function thousandAliases(): string {
  const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: followUpSummary(groupBy: [REGION, PROVINCE, ELECTION]) { overall { total overdue actedOnRate } buckets { total } }`);
  return `{ ${aliases.join(' ')} }`;
}

/**
 * Counts the read-model queries this request dispatched while `during` runs. Every GraphQL read goes through the
 * query bus; the database itself is also read meanwhile by the projection and the deadline process, which
 * is why the statements are not what is counted.
 */
async function readsDuring(netra: RunningNetra, during: () => Promise<unknown>): Promise<number> {
  const bus = netra.app.get(QueryBus);
  const execute = jest.spyOn(bus, 'execute');
  try {
    await during();
    return execute.mock.calls.length;
  } finally {
    execute.mockRestore();
  }
}

describe('costs that match the work', () => {
  let netra: RunningNetra;
  beforeAll(async () => {
    netra = await startTestNetra({ ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000' });
    const bawaslu = await netra.client('BAWASLU', '16.73');
    for (let i = 0; i < 3; i++) await bawaslu.request(REPORT_CASE, { input: aLaporan() });
  }, 300_000);
  afterAll(() => netra.close());

  it('the 1,000-alias 129 kB summary request is refused before any read, with or without a token', async () => {
    const query = thousandAliases();
    expect(query.length).toBeGreaterThan(120_000);
    for (const token of [null, (await netra.client('OVERSIGHT')).requestConfig.headers as Record<string, string>]) {
      let answer: Awaited<ReturnType<typeof post>> | null = null;
      const started = Date.now();
      const reads = await readsDuring(netra, async () => (answer = await post(netra.url, { query }, token ? token.authorization.slice(7) : null)));
      expect(answer!.status).toBe(400);
      expect(codesOf(answer!)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(answer!.body?.errors?.[0].message).toMatch(/the limit is 20000/);
      expect(reads).toBe(0);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });

  it('without a token a few grouped summaries exceed the smaller budget, and are refused before any read; a token may ask them', async () => {
    const query = `{ ${Array.from({ length: SUMMARIES }, (_, i) => `s${i}: followUpSummary(groupBy: [REGION, ELECTION]) { ${FULL} }`).join(' ')} }`;
    let anonymous: Awaited<ReturnType<typeof post>> | null = null;
    expect(await readsDuring(netra, async () => (anonymous = await post(netra.url, { query })))).toBe(0);
    expect(codesOf(anonymous!)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(anonymous!.body?.errors?.[0].message).toMatch(/without a token the limit is 2000/);
    const token = ((await netra.client('OVERSIGHT')).requestConfig.headers as Record<string, string>).authorization.slice(7);
    let allowed: Awaited<ReturnType<typeof post>> | null = null;
    // The same request with a token runs: the counter does see reads when there are some.
    expect(await readsDuring(netra, async () => (allowed = await post(netra.url, { query }, token)))).toBe(SUMMARIES);
    expect(codesOf(allowed!)).toEqual([]);
    // One of them is within the anonymous budget.
    expect(codesOf(await post(netra.url, { query: `{ followUpSummary(groupBy: [REGION, ELECTION, PROVINCE]) { ${FULL} } }` }))).toEqual([]);
  });

  it('an as-of read and each grouping dimension cost more than the fields they return', async () => {
    const token = ((await netra.client('OVERSIGHT')).requestConfig.headers as Record<string, string>).authorization.slice(7);
    // 60 plain summaries fit the 20,000 budget; 60 with asOf and three dimensions do not.
    const plain = `{ ${Array.from({ length: 60 }, (_, i) => `p${i}: followUpSummary { overall { total } }`).join(' ')} }`;
    const heavy = `{ ${Array.from({ length: 60 }, (_, i) => `p${i}: followUpSummary(groupBy: [VIOLATION, PPK, REGION], asOf: "2024-12-01T00:00:00Z") { overall { total } }`).join(' ')} }`;
    expect(codesOf(await post(netra.url, { query: plain }, token))).toEqual([]);
    expect(codesOf(await post(netra.url, { query: heavy }, token))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('the anonymous rate limit', () => {
  let netra: RunningNetra;
  beforeAll(async () => {
    netra = await startTestNetra({ ANONYMOUS_RATE_LIMIT_PER_MINUTE: '3' });
  }, 300_000);
  afterAll(() => netra.close());

  it('the fourth anonymous request of a minute from one address is RATE_LIMITED with retryAfterSeconds, over GraphQL and the exports alike; tokens go on', async () => {
    const query = '{ followUpSummary { overall { total } } }';
    expect(codesOf(await post(netra.url, { query }))).toEqual([]);
    expect(codesOf(await post(netra.url, { query }))).toEqual([]);
    expect((await download(netra, '/exports/summary.csv', {})).status).toBe(200);
    const refused = await post(netra.url, { query });
    expect(refused.status).toBe(429);
    expect(codesOf(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.body?.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.body?.data ?? null).toBeNull();
    const file = await download(netra, '/exports/summary.json', {});
    expect(file.status).toBe(429);
    expect(JSON.parse(file.text)).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    const token = ((await netra.client('OVERSIGHT')).requestConfig.headers as Record<string, string>).authorization.slice(7);
    for (let i = 0; i < 5; i++) expect(codesOf(await post(netra.url, { query }, token))).toEqual([]);
  });
});

describe('a request its client abandons', () => {
  let netra: RunningNetra;
  beforeAll(async () => {
    netra = await startTestNetra({ QUERY_COST_LIMIT: '10000000' });
    const bawaslu = await netra.client('BAWASLU', '16.73');
    for (let i = 0; i < 20; i++) await bawaslu.request(REPORT_CASE, { input: aLaporan() });
  }, 300_000);
  afterAll(() => netra.close());

  const reads = async (outcome: string) => {
    const text = await (await fetch(`${netra.origin}/metrics`)).text();
    return Number(new RegExp(`netra_summary_reads_total\\{outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  };

  it('stops its reads once the client closes the connection', async () => {
    const token = ((await netra.client('OVERSIGHT')).requestConfig.headers as Record<string, string>).authorization.slice(7);
    const aliases = 400;
    const query = `{ ${Array.from({ length: aliases }, (_, i) => `s${i}: followUpSummary(groupBy: [VIOLATION, PPK, REGION, WAITING_ON], asOf: "2024-12-0${1 + (i % 9)}T00:00:00Z") { overall { total } buckets { total } }`).join(' ')} }`;
    const before = { answered: await reads('answered'), stopped: await reads('ClientGoneError') };
    // The reads are held at their start until the client has gone: on a small history all 400 could
    // otherwise be answered before any client could hang up, and the test would prove nothing.
    const reader = netra.app.get(FollowUpSummaryReader);
    const summary = reader.summary.bind(reader);
    let started!: () => void;
    let release!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const clientGone = new Promise<void>((resolve) => (release = resolve));
    reader.summary = async (...args: Parameters<typeof summary>) => {
      started();
      await clientGone;
      return summary(...args);
    };
    const controller = new AbortController();
    try {
      const request = fetch(netra.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }), signal: controller.signal });
      await firstStarted;
      controller.abort();
      await expect(request).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      release();
      reader.summary = summary;
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const after = { answered: await reads('answered'), stopped: await reads('ClientGoneError') };
    expect(after.stopped - before.stopped).toBeGreaterThan(0);
    expect(after.answered - before.answered).toBeLessThan(aliases);
  }, 120_000);
});
