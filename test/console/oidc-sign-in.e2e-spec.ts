import type { Browser } from 'playwright-core';
import { AUDIENCE } from '../auth/identity-provider';
import { TestOidcProvider } from '../auth/oidc-provider';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { expectAccessible, launchChromium, openConsole, screenshot, type ConsolePage } from './browser';

/**
 * Production sign-in: Netra in JWKS mode, the console as a public OIDC client doing the
 * authorization code flow with PKCE against a provider that refuses a code without its verifier.
 */
describe('console: OpenID Connect sign-in with PKCE', () => {
  let provider: TestOidcProvider;
  let netra: RunningNetra;
  let browser: Browser;
  let base: string;
  let officer: ConsolePage;

  beforeAll(async () => {
    provider = await new TestOidcProvider('netra-console', { sub: 'officer-1673', agency: 'BAWASLU', region: '16.73' }).start();
    [netra, browser] = await Promise.all([
      startTestNetra({ AUTH_DEV_SECRET: '', AUTH_JWKS_URL: provider.jwksUrl, AUTH_ISSUER: provider.issuer, AUTH_AUDIENCE: AUDIENCE, AUTH_CLIENT_ID: 'netra-console' }),
      launchChromium(),
    ]);
    base = netra.origin;
    officer = await openConsole(browser, base);
  });

  afterAll(async () => {
    await browser?.close();
    await netra?.close();
    await provider?.close();
  });

  afterEach(() => expect(officer.problems).toEqual([]));

  it('offers only the identity provider, and the page may call it (connect-src)', async () => {
    const { page } = officer;
    await page.getByRole('button', { name: 'Masuk melalui SSO' }).waitFor();
    expect(await page.getByLabel('Instansi').count()).toBe(0);
    const csp = (await fetch(`${base}/`)).headers.get('content-security-policy');
    expect(csp).toContain(`connect-src 'self' ${new URL(provider.issuer).origin}`);
    await expectAccessible(page, 'the OIDC sign-in page');
    await screenshot(page, 'oidc-1-sign-in');
  });

  it('signs in through the provider: the code is exchanged with its PKCE verifier and the access token works for GraphQL', async () => {
    const { page } = officer;
    await page.getByRole('button', { name: 'Masuk melalui SSO' }).click();
    await page.getByRole('heading', { name: 'Menunggu tindakan Anda' }).waitFor();
    expect(provider.exchanges).toEqual([{ pkce: 'verified' }]);
    // The code and state leave the address bar and the history.
    expect(page.url()).toBe(`${base}/#/queue`);
    // The unit by its name, from the Kemendagri list (the `regions` query), never its code.
    await page.locator('.who', { hasText: 'Bawaslu Kota Lubuk Linggau' }).waitFor();
    await page.getByText('Tidak ada yang menunggu tindakan Anda.').waitFor();
    await screenshot(page, 'oidc-2-signed-in-queue');
  });

  it('sign-out forgets the token', async () => {
    const { page } = officer;
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('button', { name: 'Masuk melalui SSO' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('netra.token'))).toBeNull();
  });

  it('refuses a callback whose state this tab never issued, without exchanging the code', async () => {
    const { page } = officer;
    await page.goto(`${base}/?code=stolen-code&state=forged-state`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('(state)');
    expect(provider.exchanges).toHaveLength(1);
    expect(page.url()).toBe(`${base}/#/queue`);
    await screenshot(page, 'oidc-3-forged-state-refused');
  });
});
