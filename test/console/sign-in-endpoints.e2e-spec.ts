import { AUDIENCE } from '../auth/identity-provider';
import { TestOidcProvider } from '../auth/oidc-provider';
import { startTestNetra, type RunningNetra } from '../support/netra-app';

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** GET /auth/config and POST /auth/dev-token: how the console signs in, in each mode. */
describe('console sign-in endpoints', () => {
  describe('in development mode', () => {
    let netra: RunningNetra;
    let base: string;

    beforeAll(async () => {
      netra = await startTestNetra();
      base = netra.url.replace(/\/graphql$/, '');
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

    it.each([
      ['Netra’s own deadline process', { agency: 'NETRA' }, 'agency', /must be one of BAWASLU, KASN, BKN, PPK, KEMENDAGRI, KEMENPANRB, OVERSIGHT$/],
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
      base = netra.url.replace(/\/graphql$/, '');
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
