import { base64url } from 'jose';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthService } from '../../src/auth/auth.service';
import { DEV_SECRET_FILE } from '../../src/auth/dev-secret';
import { signDevToken } from '../../src/auth/dev-token';
import { jwksVerifier } from '../../src/auth/jwks-token';
import { CaseError } from '../../src/case/case-error';
import { loadConfig } from '../../src/config/config';
import { GraphQLClient } from 'graphql-request';
import { codeOf, startTestNetra, TEST_SECRET } from '../support/netra-app';
import { aSigningKey, AUDIENCE, ISSUER, signWith, TestJwksServer, type SigningKey } from './identity-provider';

const QUERY = '{ cases(first: 1) { totalCount } }';

/** The refusal a token gets: code and message, or 'accepted'. */
async function refusalOf(verification: Promise<unknown>): Promise<{ code: string; message: string } | 'accepted'> {
  try {
    await verification;
    return 'accepted';
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('production authentication against the identity provider’s JWKS', () => {
  let idp: TestJwksServer;
  let rsa: SigningKey;
  let ec: SigningKey;
  let stranger: SigningKey;
  let auth: AuthService;
  const env = () => ({ EVENT_STORE_URL: 'memory:', AUTH_JWKS_URL: idp.url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE });
  const bearer = (token: string) => `Bearer ${token}`;

  beforeAll(async () => {
    [rsa, ec, stranger] = await Promise.all([aSigningKey('rsa-2024', 'RS256'), aSigningKey('ec-2024', 'ES256'), aSigningKey('rsa-2024', 'RS256')]);
    idp = await new TestJwksServer().start();
    idp.publish(rsa, ec);
    auth = new AuthService(loadConfig(env()));
  });
  afterAll(() => idp.close());

  describe('a token signed by a published key', () => {
    it('an RS256 token names the acting unit', async () => {
      const token = await signWith(rsa, { claims: { sub: 'bawaslu-palembang', agency: 'BAWASLU', region: '16.71' } });
      expect(await auth.actorFrom(bearer(token))).toEqual({ agency: 'BAWASLU', region: '16.71', userId: 'bawaslu-palembang' });
    });

    it('an ES256 token names the acting unit; no region means a national unit', async () => {
      const token = await signWith(ec, { claims: { sub: 'bkn-pusat', agency: 'BKN', region: undefined } });
      expect(await auth.actorFrom(bearer(token))).toEqual({ agency: 'BKN', region: null, userId: 'bkn-pusat' });
    });

    it('a token that expired within the clock skew is still accepted', async () => {
      expect(await refusalOf(auth.actorFrom(bearer(await signWith(rsa, { expiresIn: -10 }))))).toBe('accepted');
    });

    it('the service runs in JWKS mode and writes no development secret', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'netra-jwks-'));
      try {
        const service = new AuthService(loadConfig({ ...env(), EVENT_STORE_URL: `file:${dir}` }));
        expect(service).toMatchObject({ mode: 'jwks', secretOrigin: null });
        expect(existsSync(join(dir, DEV_SECRET_FILE))).toBe(false);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe('a token the identity provider did not issue for this service is refused', () => {
    const HS256 = () => signDevToken(TEST_SECRET, { sub: 'ppk', agency: 'PPK', region: '16.73' });
    const unsecured = () =>
      [
        base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' })),
        base64url.encode(JSON.stringify({ sub: 'x', agency: 'BKN', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 })),
        '',
      ].join('.');

    it.each<[string, () => Promise<string> | string, RegExp]>([
      ['from another issuer', () => signWith(rsa, { issuer: 'https://evil.example/' }), /issuer/],
      ['for another audience', () => signWith(rsa, { audience: 'another-api' }), /audience/],
      ['expired beyond the clock skew', () => signWith(rsa, { expiresIn: -120 }), /expired/],
      ['not valid yet', () => signWith(ec, { notBefore: 120 }), /not valid yet/],
      ['without an expiry', () => signWith(rsa, { expiresIn: null }), /no expiry/],
      ['valid for a day, longer than the 12-hour maximum', () => signWith(rsa, { expiresIn: 86_400 }), /longer than 43200 seconds/],
      ['with a bad signature (another key under a published kid)', () => signWith(stranger), /signature/],
      ['signed by a key the JWKS does not publish', () => signWith(rsa, { kid: 'rsa-unknown' }), /unknown key/],
      ['signed HS256 with the development secret', HS256, /RS256 or ES256/],
      ['unsecured (alg: none)', unsecured, /RS256 or ES256/],
      ['with an unknown agency', () => signWith(rsa, { claims: { agency: 'KPU' } }), /agency claim/],
      ['whose region is a BPS code', () => signWith(rsa, { claims: { region: '1673' } }), /region claim/],
      ['without a subject', () => signWith(ec, { claims: { sub: '' } }), /subject/],
      ['that is not a JWT at all', () => 'not.a.jwt', /not valid/],
    ])('a token %s', async (_, token, reason) => {
      const jwt = await token();
      const refusal = await refusalOf(auth.actorFrom(bearer(jwt)));
      expect(refusal).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(reason) });
      // The reason never repeats the token or what it claims.
      const message = (refusal as { message: string }).message;
      expect(message).not.toContain(jwt);
      if (jwt.length > 20) expect(message).not.toContain(jwt.split('.')[1]);
      expect(message).not.toMatch(/officer-1673|evil\.example|another-api|KPU|1673\b/);
    });
  });

  describe('when the identity provider rotates its keys', () => {
    it('a token under the new kid is accepted without a restart, and the removed key is refused', async () => {
      const before = await aSigningKey('rsa-old', 'RS256');
      const after = await aSigningKey('rsa-new', 'RS256');
      idp.publish(before);
      const verify = jwksVerifier({ url: idp.url, issuer: ISSUER, audience: AUDIENCE, clockSkewSeconds: 30, cooldownMs: 100 });
      expect(await refusalOf(verify(await signWith(before)))).toBe('accepted');

      idp.publish(after);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await refusalOf(verify(await signWith(after)))).toBe('accepted');
      expect(await refusalOf(verify(await signWith(before)))).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/unknown key/) });
    });

    it('unknown kids refetch the key set at most once per cooldown', async () => {
      idp.publish(rsa);
      const verify = jwksVerifier({ url: idp.url, issuer: ISSUER, audience: AUDIENCE, clockSkewSeconds: 30, cooldownMs: 60_000 });
      await verify(await signWith(rsa));
      const fetched = idp.requests;
      for (let i = 0; i < 5; i += 1) {
        expect(await refusalOf(verify(await signWith(rsa, { kid: `forged-${i}` })))).toMatchObject({ code: 'UNAUTHENTICATED' });
      }
      expect(idp.requests).toBe(fetched);
    });
  });

  it('when the keys cannot be fetched, tokens are refused and the operators are told', async () => {
    const warnings: string[] = [];
    const verify = jwksVerifier({ url: idp.brokenUrl, issuer: ISSUER, audience: AUDIENCE, clockSkewSeconds: 30 }, (cause) => warnings.push(cause));
    expect(await refusalOf(verify(await signWith(rsa)))).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/keys could not be fetched/) });
    expect(warnings).toHaveLength(1);
  });

  describe('through a running Netra in JWKS mode', () => {
    let netra: Awaited<ReturnType<typeof startTestNetra>>;
    beforeAll(async () => {
      idp.publish(rsa, ec);
      netra = await startTestNetra({ ...env(), AUTH_DEV_SECRET: '', GRPC_PORT: '0' });
    });
    afterAll(() => netra?.close());
    const query = (token: string) => new GraphQLClient(netra.url, { headers: { authorization: bearer(token) } }).request(QUERY);

    it('a GraphQL query with a token from the identity provider is answered', async () => {
      expect(await codeOf(query(await signWith(ec, { claims: { agency: 'OVERSIGHT', region: undefined } })))).toBe('OK');
    });

    it('a development HS256 token is refused', async () => {
      const token = await signDevToken(TEST_SECRET, { sub: 'oversight', agency: 'OVERSIGHT' });
      expect(await codeOf(query(token))).toBe('UNAUTHENTICATED');
    });
  });
});
