import { request } from 'node:http';
import { AUDIENCE } from '../auth/identity-provider';
import { TestOidcProvider } from '../auth/oidc-provider';
import { startTestNetra, type RunningNetra } from '../support/netra-app';

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A POST with the Host (and Origin) a browser would send; fetch does not let a caller set Host. */
function postAs(url: string, headers: { host: string; origin?: string }, body: unknown): Promise<{ status: number; body: unknown }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** GET /auth/config and POST /auth/dev-token: how the console signs in, in each mode. */
describe('console sign-in endpoints', () => {
  describe('in development mode', () => {
    let netra: RunningNetra;
    let base: string;

    beforeAll(async () => {
      netra = await startTestNetra();
      base = netra.origin;
    });

    afterAll(() => netra?.close());

    it('says so', async () => {
      expect(await (await fetch(`${base}/auth/config`)).json()).toEqual({ mode: 'development' });
    });

    it('signs a development token that GraphQL accepts for the agency and region asked for', async () => {
      const response = await post(`${base}/auth/dev-token`, { agency: 'PPK', region: '16.73', name: 'Rudi' });
      expect(response.status).toBe(200);
      const { token } = (await response.json()) as { token: string };
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
      expect(claims).toMatchObject({ agency: 'PPK', region: '16.73', sub: 'dev:Rudi' });
      const graphql = await fetch(netra.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: '{"query":"{ followUps(filter: { waitingOn: PPK }) { totalCount } }"}',
      });
      expect(await graphql.json()).toEqual({ data: { followUps: { totalCount: 0 } } });
    });

    describe('only for requests addressed to this server (DNS rebinding)', () => {
      const port = () => new URL(base).port;
      const national = { agency: 'BAWASLU' };

      it.each([
        ['127.0.0.1, from its own page', () => `127.0.0.1:${port()}`, () => `http://127.0.0.1:${port()}`],
        ['localhost, from its own page', () => `localhost:${port()}`, () => `http://localhost:${port()}`],
        ['[::1], with no Origin (curl, the CLI)', () => `[::1]:${port()}`, () => undefined],
      ])('gives a token when the Host is %s', async (_case, host, origin) => {
        const answer = await postAs(`${base}/auth/dev-token`, { host: host(), ...(origin() ? { origin: origin() } : {}) }, national);
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({ token: expect.stringMatching(/^eyJ/) });
      });

      it.each([
        ['a rebound DNS name', () => `attacker.example:${port()}`, () => `http://attacker.example:${port()}`],
        ['a rebound DNS name, without Origin', () => `attacker.example:${port()}`, () => undefined],
        ['a name that only starts like localhost', () => `localhost.attacker.example:${port()}`, () => undefined],
      ])('refuses 403 when the Host is %s', async (_case, host, origin) => {
        const answer = await postAs(`${base}/auth/dev-token`, { host: host(), ...(origin() ? { origin: origin() } : {}) }, national);
        expect(answer.status).toBe(403);
        expect(answer.body).toEqual({ code: 'FORBIDDEN', message: expect.stringMatching(/addressed to this server/) });
        expect(JSON.stringify(answer.body)).not.toContain('eyJ');
      });

      it.each([
        ['another site', 'http://attacker.example'],
        ['the same host on another port', 'http://127.0.0.1:1'],
        ['an opaque origin', 'null'],
      ])('refuses 403 when the Host is its own but the Origin is %s', async (_case, origin) => {
        const answer = await postAs(`${base}/auth/dev-token`, { host: `127.0.0.1:${port()}`, origin }, national);
        expect(answer.status).toBe(403);
        expect(answer.body).toEqual({ code: 'FORBIDDEN', message: expect.stringMatching(/own origin/) });
      });
    });

    it.each([
      ['Netra’s own deadline process', { agency: 'NETRA' }, 'agency', /must be one of BAWASLU, KASN, BKN, PPK, KEMENDAGRI, KEMENPANRB, OVERSIGHT, TNI, POLRI$/],
      ['no agency', {}, 'agency', /must be one of/],
      ['a BPS region code', { agency: 'PPK', region: '1673' }, 'region', /looks like a BPS/],
      ['an unknown region', { agency: 'PPK', region: '16.99' }, 'region', /not in the Kemendagri list/],
      ['a name with markup', { agency: 'PPK', name: '<script>' }, 'name', /must be 1–64 letters/],
    ])('refuses %s with 400 naming the field', async (_case, body, field, message) => {
      const response = await post(`${base}/auth/dev-token`, body);
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { field: string; message: string };
      expect(answer.field).toBe(field);
      expect(answer.message).toMatch(new RegExp(`^${field}: `));
      expect(answer.message).toMatch(message);
    });
  });

  describe('with an identity provider (JWKS mode)', () => {
    let provider: TestOidcProvider;
    let netra: RunningNetra;
    let base: string;

    beforeAll(async () => {
      provider = await new TestOidcProvider('netra-console', { sub: 'officer', agency: 'BKN' }).start();
      netra = await startTestNetra({ AUTH_DEV_SECRET: '', AUTH_JWKS_URL: provider.jwksUrl, AUTH_ISSUER: provider.issuer, AUTH_AUDIENCE: AUDIENCE, AUTH_CLIENT_ID: 'netra-console' });
      base = netra.origin;
    });

    afterAll(async () => {
      await netra?.close();
      await provider?.close();
    });

    it('gives the console the issuer, its public client id and the scopes', async () => {
      expect(await (await fetch(`${base}/auth/config`)).json()).toEqual({
        mode: 'oidc',
        issuer: provider.issuer,
        audience: AUDIENCE,
        clientId: 'netra-console',
        scopes: ['openid', 'profile'],
      });
    });

    it('has no development tokens: /auth/dev-token is not found', async () => {
      const response = await post(`${base}/auth/dev-token`, { agency: 'BKN' });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('eyJ');
    });
  });
});
