import { getIntrospectionQuery } from 'graphql';
import { SignJWT } from 'jose';
import { createServer } from 'node:net';
import { signDevToken } from '../../src/auth/dev-token';
import { loadConfig } from '../../src/config/config';
import { startTestNetra, TEST_SECRET, type RunningNetra } from '../support/netra-app';
import { codesOf, post } from './security-support';

const PRODUCTION = {
  NODE_ENV: 'production',
  NETRA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  AUTH_DEV_SECRET: '',
  AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
  AUTH_ISSUER: 'https://sso.example.go.id/realms/netra',
  AUTH_AUDIENCE: 'netra-api',
};
const METRICS_TOKEN = 'metrics-scraper-token-0123456789abcdef';
const now = () => Math.floor(Date.now() / 1000);

/** A development token with exactly the claims given (exp, iat), signed with the test secret. */
function handMade(times: { iat?: number; exp?: number }): Promise<string> {
  const jwt = new SignJWT({ agency: 'OVERSIGHT' }).setProtectedHeader({ alg: 'HS256' }).setSubject('oversight-national');
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
  return jwt.sign(new TextEncoder().encode(TEST_SECRET));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const scrape = (url: string, token?: string) => fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const READ = { query: '{ cases(first: 1) { totalCount } }' };

describe('token lifetime', () => {
  let netra: RunningNetra;
  beforeAll(async () => {
    netra = await startTestNetra({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600' });
  });
  afterAll(() => netra.close());

  it.each<[string, () => Promise<string>, RegExp]>([
    ['without exp', () => handMade({ iat: now() }), /no expiry/],
    ['without exp or iat', () => handMade({}), /no expiry/],
    ['issued for two hours when the maximum is one', () => handMade({ iat: now(), exp: now() + 7200 }), /longer than 3600 seconds/],
    ['backdated: issued long ago, valid for a day more', () => handMade({ iat: now() - 3000, exp: now() + 86_400 }), /longer than 3600 seconds/],
    ['without iat, valid for a day', () => handMade({ exp: now() + 86_400 }), /longer than 3600 seconds/],
  ])('a development token %s is UNAUTHENTICATED', async (_name, token, reason) => {
    const answer = await post(netra.url, READ, await token());
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    expect(answer.body?.errors?.[0].message).toMatch(reason);
  });

  it('a token within the maximum is accepted, and so is one issued with the tool’s default once the maximum allows it', async () => {
    expect(codesOf(await post(netra.url, READ, await handMade({ iat: now(), exp: now() + 3600 })))).toEqual([]);
    expect(codesOf(await post(netra.url, READ, await signDevToken(TEST_SECRET, { sub: 'o', agency: 'OVERSIGHT' }, '1h')))).toEqual([]);
    // The default 12-hour token is refused by a server whose maximum is one hour.
    expect(codesOf(await post(netra.url, READ, await signDevToken(TEST_SECRET, { sub: 'o', agency: 'OVERSIGHT' })))).toEqual(['UNAUTHENTICATED']);
  });

  it('the console’s development sign-in issues tokens the server accepts under the configured maximum', async () => {
    const response = await fetch(`${netra.origin}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agency: 'OVERSIGHT' }),
    });
    const { token } = (await response.json()) as { token: string };
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(3600);
    expect(codesOf(await post(netra.url, READ, token))).toEqual([]);
  });

  it('defaults to 12 hours, the lifetime npm run token issues; AUTH_MAX_TOKEN_LIFETIME_SECONDS is validated', () => {
    expect(loadConfig({ EVENT_STORE_URL: 'memory:' }).authMaxTokenLifetimeSeconds).toBe(43_200);
    for (const value of ['0', '59', 'ten', '1.5', '999999999']) {
      expect(() => loadConfig({ EVENT_STORE_URL: 'memory:', AUTH_MAX_TOKEN_LIFETIME_SECONDS: value })).toThrow(/^AUTH_MAX_TOKEN_LIFETIME_SECONDS: /);
    }
  });
});

describe('the default 12-hour token of npm run token', () => {
  let netra: RunningNetra;
  beforeAll(async () => {
    netra = await startTestNetra();
  });
  afterAll(() => netra.close());

  it('is accepted by a server with the default maximum; a 13-hour one is not', async () => {
    expect(codesOf(await post(netra.url, READ, await signDevToken(TEST_SECRET, { sub: 'o', agency: 'OVERSIGHT' })))).toEqual([]);
    expect(codesOf(await post(netra.url, READ, await signDevToken(TEST_SECRET, { sub: 'o', agency: 'OVERSIGHT' }, '13h')))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await post(netra.url, READ, await handMade({ iat: now() })))).toEqual(['UNAUTHENTICATED']);
  });

  it('development mode keeps introspection and an open /metrics', async () => {
    expect((await post(netra.url, { query: getIntrospectionQuery() })).body?.errors).toBeUndefined();
    expect((await scrape(`${netra.origin}/metrics`)).status).toBe(200);
  });
});

describe('in production', () => {
  describe('with neither METRICS_TOKEN nor METRICS_PORT', () => {
    let netra: RunningNetra;
    beforeAll(async () => {
      netra = await startTestNetra(PRODUCTION);
    });
    afterAll(() => netra.close());

    it('introspection is off: the standard introspection query and __type are refused', async () => {
      const full = await post(netra.url, { query: getIntrospectionQuery() });
      expect(codesOf(full)).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(full.body?.data).toBeUndefined();
      expect(codesOf(await post(netra.url, { query: '{ __type(name: "Case") { fields { name } } }' }))).toContain('GRAPHQL_VALIDATION_FAILED');
    });

    it('ordinary queries still run', async () => {
      expect(codesOf(await post(netra.url, { query: '{ followUpSummary { position } }' }))).toEqual([]);
    });

    it('/metrics is not served; /health is', async () => {
      const response = await scrape(`${netra.origin}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toMatch(/netra_/);
      expect((await fetch(`${netra.origin}/health`)).status).toBe(200);
    });
  });

  describe('with GRAPHQL_INTROSPECTION=true and METRICS_TOKEN', () => {
    let netra: RunningNetra;
    beforeAll(async () => {
      netra = await startTestNetra({ ...PRODUCTION, GRAPHQL_INTROSPECTION: 'true', METRICS_TOKEN });
    });
    afterAll(() => netra.close());

    it('introspection is on again', async () => {
      expect((await post(netra.url, { query: getIntrospectionQuery() })).body?.errors).toBeUndefined();
    });

    it('/metrics answers 401 without the token or with another, and the figures with it', async () => {
      for (const token of [undefined, 'wrong', `${METRICS_TOKEN}x`, METRICS_TOKEN.slice(0, -1)]) {
        const refused = await scrape(`${netra.origin}/metrics`, token);
        expect(refused.status).toBe(401);
        expect(await refused.text()).not.toMatch(/netra_/);
      }
      const allowed = await scrape(`${netra.origin}/metrics`, METRICS_TOKEN);
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toMatch(/netra_projection_position/);
    });
  });

  describe('with METRICS_PORT', () => {
    let netra: RunningNetra;
    let port: number;
    beforeAll(async () => {
      port = await freePort();
      netra = await startTestNetra({ ...PRODUCTION, METRICS_PORT: String(port) });
    });
    afterAll(() => netra.close());

    it('/metrics is served on its own port only', async () => {
      expect((await scrape(`${netra.origin}/metrics`)).status).toBe(404);
      const own = await scrape(`http://127.0.0.1:${port}/metrics`);
      expect(own.status).toBe(200);
      expect(await own.text()).toMatch(/netra_projection_position/);
      expect((await scrape(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
    });
  });

  it('METRICS_TOKEN must be long enough, naming the variable', () => {
    expect(() => loadConfig({ EVENT_STORE_URL: 'memory:', METRICS_TOKEN: 'short' })).toThrow(/^METRICS_TOKEN: /);
    expect(() => loadConfig({ EVENT_STORE_URL: 'memory:', GRAPHQL_INTROSPECTION: 'maybe' })).toThrow(/^GRAPHQL_INTROSPECTION: /);
    expect(loadConfig({ EVENT_STORE_URL: 'memory:', ...PRODUCTION }).introspection).toBe(false);
    expect(loadConfig({ EVENT_STORE_URL: 'memory:' }).introspection).toBe(true);
  });
});
