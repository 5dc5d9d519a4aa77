import { ConfigError, loadConfig } from '../../src/config/config';

const JWKS = {
  AUTH_JWKS_URL: 'https://sso.example.go.id/realms/netra/protocol/openid-connect/certs',
  AUTH_ISSUER: 'https://sso.example.go.id/realms/netra',
  AUTH_AUDIENCE: 'netra-api',
};

describe('configuration', () => {
  it('starts on the embedded store under ./data when nothing is set', () => {
    const config = loadConfig({});
    expect(config.eventStore).toEqual({ kind: 'embedded', location: expect.stringMatching(/[\\/]data$/) });
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, demo: 'scenarios' });
  });

  it('loads the demo cases by default, the Pilkada 2020 history with NETRA_DEMO=pilkada-2020, nothing with 0', () => {
    expect(loadConfig({ NETRA_DEMO: '1' }).demo).toBe('scenarios');
    expect(loadConfig({ NETRA_DEMO: 'pilkada-2020' }).demo).toBe('pilkada-2020');
    expect(loadConfig({ NETRA_DEMO: '0' }).demo).toBeNull();
    expect(loadConfig({ NETRA_DEMO: 'off' }).demo).toBeNull();
  });

  it('reads memory:, file:DIR, postgres://, kurrentdb:// and esdb:// event store URLs without changing them', () => {
    for (const url of ['kurrentdb://kdb:2113?tls=false', 'kurrentdb+discover://a:2113,b:2113?tls=true', 'esdb://localhost:2113?tls=false']) {
      expect(loadConfig({ EVENT_STORE_URL: url }).eventStore).toEqual({ kind: 'esdb', url });
    }
    expect(loadConfig({ EVENT_STORE_URL: 'memory:' }).eventStore).toEqual({ kind: 'embedded', location: 'memory:' });
    expect(loadConfig({ EVENT_STORE_URL: 'file:/var/netra' }).eventStore).toEqual({ kind: 'embedded', location: '/var/netra' });
    const esdb = 'esdb+discover://a:2113,b:2113,c:2113?tls=true&tlsCAFile=/ca.crt';
    expect(loadConfig({ EVENT_STORE_URL: esdb }).eventStore).toEqual({ kind: 'esdb', url: esdb });
    expect(loadConfig({ EVENT_STORE_URL: 'postgres://u@h/db' }).eventStore).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
  });

  it.each([
    [{ EVENT_STORE_URL: 'mysql://x' }, /^EVENT_STORE_URL: /],
    [{ EVENT_STORE_URL: 'kurrent://x:2113' }, /^EVENT_STORE_URL: must be kurrentdb:\/\//],
    [{ EVENT_STORE_URL: 'file:' }, /^EVENT_STORE_URL: /],
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ PORT: '70000' }, /^PORT: /],
    [{ NETRA_DEMO: 'maybe' }, /^NETRA_DEMO: /],
    [{ NETRA_DEMO: 'pilkada-2024' }, /^NETRA_DEMO: must be 1 .*pilkada-2020/],
    [{ AUTH_DEV_SECRET: 'short' }, /^AUTH_DEV_SECRET: /],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: /],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
    [{ ...JWKS, AUTH_JWKS_URL: 'ftp://idp.example/jwks' }, /^AUTH_JWKS_URL: must be an http/],
    [{ ...JWKS, AUTH_JWKS_URL: 'jwks.json' }, /^AUTH_JWKS_URL: must be an http/],
    [{ ...JWKS, AUTH_ISSUER: '' }, /^AUTH_ISSUER: required with AUTH_JWKS_URL/],
    [{ ...JWKS, AUTH_AUDIENCE: '' }, /^AUTH_AUDIENCE: required with AUTH_JWKS_URL/],
    [{ AUTH_ISSUER: JWKS.AUTH_ISSUER }, /^AUTH_JWKS_URL: required with AUTH_ISSUER/],
    [{ AUTH_AUDIENCE: JWKS.AUTH_AUDIENCE }, /^AUTH_JWKS_URL: required with AUTH_AUDIENCE/],
    [{ ...JWKS, AUTH_DEV_SECRET: 'x'.repeat(32) }, /^AUTH_DEV_SECRET: must not be set together with AUTH_JWKS_URL/],
    [{ AUTH_CLOCK_SKEW_SECONDS: 'half a minute' }, /^AUTH_CLOCK_SKEW_SECONDS: /],
    [{ AUTH_CLOCK_SKEW_SECONDS: '-5' }, /^AUTH_CLOCK_SKEW_SECONDS: /],
    [{ AUTH_CLOCK_SKEW_SECONDS: '3600' }, /^AUTH_CLOCK_SKEW_SECONDS: /],
    [{ OVERDUE_SCAN_SECONDS: 'every minute' }, /^OVERDUE_SCAN_SECONDS: /],
    [{ OVERDUE_SCAN_SECONDS: '-1' }, /^OVERDUE_SCAN_SECONDS: /],
    [{ OVERDUE_SCAN_SECONDS: '0.01' }, /^OVERDUE_SCAN_SECONDS: /],
    [{ STARTUP_WAIT_SECONDS: 'a minute' }, /^STARTUP_WAIT_SECONDS: must be a whole number of seconds 0–3600/],
    [{ STARTUP_WAIT_SECONDS: '-1' }, /^STARTUP_WAIT_SECONDS: /],
    [{ STARTUP_WAIT_SECONDS: '2.5' }, /^STARTUP_WAIT_SECONDS: /],
    [{ STARTUP_WAIT_SECONDS: '3601' }, /^STARTUP_WAIT_SECONDS: /],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('scans for passed due times every 60 s by default; OVERDUE_SCAN_SECONDS changes it, 0 turns the deadline process off', () => {
    expect(loadConfig({}).overdueScanSeconds).toBe(60);
    expect(loadConfig({ OVERDUE_SCAN_SECONDS: '0.5' }).overdueScanSeconds).toBe(0.5);
    expect(loadConfig({ OVERDUE_SCAN_SECONDS: '0' }).overdueScanSeconds).toBe(0);
  });

  it('waits 60 s for its stores at start-up by default; STARTUP_WAIT_SECONDS changes it, 0 tries once', () => {
    expect(loadConfig({}).startupWaitSeconds).toBe(60);
    expect(loadConfig({ STARTUP_WAIT_SECONDS: '5' }).startupWaitSeconds).toBe(5);
    expect(loadConfig({ STARTUP_WAIT_SECONDS: '0' }).startupWaitSeconds).toBe(0);
  });

  describe('authentication mode', () => {
    const PRODUCTION = { NODE_ENV: 'production', NETRA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };

    it('is development HS256 without AUTH_JWKS_URL, with a 30 s clock skew', () => {
      expect(loadConfig({})).toMatchObject({ authJwks: null, authClockSkewSeconds: 30 });
    });

    it('is JWKS when AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE are set', () => {
      expect(loadConfig({ ...JWKS, AUTH_CLOCK_SKEW_SECONDS: '5' })).toMatchObject({
        authJwks: { url: JWKS.AUTH_JWKS_URL, issuer: JWKS.AUTH_ISSUER, audience: JWKS.AUTH_AUDIENCE },
        authDevSecret: null,
        authClockSkewSeconds: 5,
      });
    });

    it('starts in production with a JWKS', () => {
      expect(loadConfig({ ...JWKS, ...PRODUCTION }).authJwks).not.toBeNull();
    });

    it('refuses production without AUTH_JWKS_URL, naming it', () => {
      expect(() => loadConfig(PRODUCTION)).toThrow(/^AUTH_JWKS_URL: required when NODE_ENV=production/);
    });

    it('refuses production with a development secret, naming it, even next to a JWKS', () => {
      const secret = { AUTH_DEV_SECRET: 'x'.repeat(32), ...PRODUCTION };
      expect(() => loadConfig(secret)).toThrow(/^AUTH_DEV_SECRET: must not be set when NODE_ENV=production/);
      expect(() => loadConfig({ ...JWKS, ...secret })).toThrow(/^AUTH_DEV_SECRET: must not be set when NODE_ENV=production/);
    });
  });

  describe('console sign-in client', () => {
    it('has none in development mode', () => {
      expect(loadConfig({}).authClient).toBeNull();
    });

    it('reads AUTH_CLIENT_ID with the default scopes openid profile, or AUTH_SCOPES', () => {
      expect(loadConfig({ ...JWKS, AUTH_CLIENT_ID: 'netra-console' }).authClient).toEqual({ clientId: 'netra-console', scopes: ['openid', 'profile'] });
      expect(loadConfig({ ...JWKS, AUTH_CLIENT_ID: 'netra-console', AUTH_SCOPES: ' openid  netra ' }).authClient).toEqual({
        clientId: 'netra-console',
        scopes: ['openid', 'netra'],
      });
    });

    it.each([
      ['a client id in development mode', { AUTH_CLIENT_ID: 'netra-console' }, /^AUTH_CLIENT_ID: only used with AUTH_JWKS_URL/],
      ['a client id with a space', { ...JWKS, AUTH_CLIENT_ID: 'netra console' }, /^AUTH_CLIENT_ID: must be the client id/],
      ['scopes without a client id', { ...JWKS, AUTH_SCOPES: 'openid' }, /^AUTH_SCOPES: only used with AUTH_CLIENT_ID/],
      ['scopes without openid', { ...JWKS, AUTH_CLIENT_ID: 'netra-console', AUTH_SCOPES: 'profile email' }, /^AUTH_SCOPES: must include openid/],
      ['a quoted scope', { ...JWKS, AUTH_CLIENT_ID: 'netra-console', AUTH_SCOPES: 'openid "x"' }, /^AUTH_SCOPES: must be scope names/],
    ])('refuses %s in one line naming the variable', (_name, env, message) => {
      expect(() => loadConfig(env)).toThrow(message);
    });
  });
});
