import { FollowUpSummaryReader } from '../../src/oversight/queries/follow-up-summary';
import { NetraMetrics } from '../../src/observability/metrics';
import { startTestNetra, type RunningNetra } from '../support/netra-app';

/**
 * Requests without a token are answered a few at a time (ANONYMOUS_CONCURRENT_REQUESTS); the rest
 * wait in line (ANONYMOUS_QUEUE_LENGTH) and beyond it are refused RATE_LIMITED with Retry-After,
 * while requests with a token and /health go on. Each anonymous question here is distinct, so the
 * public-figures cache answers none of them, and the summary is held open by the test.
 */
describe('the anonymous gate', () => {
  let netra: RunningNetra;
  let started = 0;
  const holds: Array<() => void> = [];

  beforeAll(async () => {
    netra = await startTestNetra({ TRUST_PROXY: 'loopback', ANONYMOUS_CONCURRENT_REQUESTS: '1', ANONYMOUS_QUEUE_LENGTH: '1', ANONYMOUS_QUEUE_WAIT_MS: '20000' });
    const reader = netra.app.get(FollowUpSummaryReader);
    const summary = reader.summary.bind(reader);
    jest.spyOn(reader, 'summary').mockImplementation(async (...args) => {
      started++;
      if (args[2] === null) await new Promise<void>((resolve) => holds.push(resolve));
      return summary(...args);
    });
  }, 60_000);
  afterAll(() => netra?.close());

  /** A failed fetch resolves as a 599 answer, so a request left pending when a check fails is no unhandled rejection. */
  const ask = (n: number, headers: Record<string, string> = {}) =>
    fetch(netra.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.1.0.${n}`, ...headers },
      body: JSON.stringify({ query: `{ a${n}: followUpSummary { overall { total } } }` }),
    }).catch(() => new Response(null, { status: 599 }));
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(condition()).toBe(true);
  };

  it('one answered, one in line, the third refused; a token and /health are not held up; the line moves when a turn ends', async () => {
    const first = ask(1);
    await until(() => holds.length === 1);
    const second = ask(2);
    await new Promise((r) => setTimeout(r, 200));
    // The second waits in line: its summary has not started.
    expect(started).toBe(1);
    const third = await ask(3);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    const refused = (await third.json()) as { errors: Array<{ extensions: { code: string; retryAfterSeconds: number } }> };
    expect(refused.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });

    const health = await fetch(`${netra.origin}/health`);
    expect(health.status).toBe(200);
    const officer = await netra.client('OVERSIGHT');
    const withToken = await officer.request<{ followUpSummary: { overall: { total: number } } }>('{ followUpSummary { overall { total } } }');
    expect(withToken.followUpSummary.overall.total).toBe(0);

    holds.shift()!();
    expect((await first).status).toBe(200);
    await until(() => holds.length === 1);
    holds.shift()!();
    const answered = await second;
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ data: { a2: { overall: { total: 0 } } } });

    const outcomes = (await netra.app.get(NetraMetrics).anonymousGate.get()).values.map((v) => [v.labels.outcome, v.value]);
    expect(Object.fromEntries(outcomes)).toEqual({ admitted: 1, queued: 1, refused: 1 });
  });

  it('a client that goes away while in line gives up its place', async () => {
    const first = ask(11);
    await until(() => holds.length === 1);
    const leaving = new AbortController();
    const gone = fetch(netra.url, {
      method: 'POST',
      signal: leaving.signal,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.1.0.12' },
      body: JSON.stringify({ query: '{ gone: followUpSummary { overall { total } } }' }),
    }).catch((e: Error) => e.name);
    await new Promise((r) => setTimeout(r, 200));
    leaving.abort();
    expect(await gone).toBe('AbortError');
    await new Promise((r) => setTimeout(r, 200));
    // Its place in line is free again: the next one queues instead of being refused.
    const next = ask(13);
    await new Promise((r) => setTimeout(r, 200));
    holds.shift()!();
    expect((await first).status).toBe(200);
    await until(() => holds.length === 1);
    holds.shift()!();
    expect((await next).status).toBe(200);
  });
});
