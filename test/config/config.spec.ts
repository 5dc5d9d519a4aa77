import { ConfigError, loadConfig } from '../../src/config/config';

describe('configuration', () => {
  it('starts on the embedded store under ./data when nothing is set', () => {
    const config = loadConfig({});
    expect(config.eventStore).toEqual({ kind: 'embedded', location: expect.stringMatching(/[\\/]data$/) });
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, demo: true });
  });

  it('reads memory:, file:DIR, postgres:// and esdb:// event store URLs without changing them', () => {
    expect(loadConfig({ EVENT_STORE_URL: 'memory:' }).eventStore).toEqual({ kind: 'embedded', location: 'memory:' });
    expect(loadConfig({ EVENT_STORE_URL: 'file:/var/netra' }).eventStore).toEqual({ kind: 'embedded', location: '/var/netra' });
    const esdb = 'esdb+discover://a:2113,b:2113,c:2113?tls=true&tlsCAFile=/ca.crt';
    expect(loadConfig({ EVENT_STORE_URL: esdb }).eventStore).toEqual({ kind: 'esdb', url: esdb });
    expect(loadConfig({ EVENT_STORE_URL: 'postgres://u@h/db' }).eventStore).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
  });

  it.each([
    [{ EVENT_STORE_URL: 'mysql://x' }, /^EVENT_STORE_URL: /],
    [{ EVENT_STORE_URL: 'file:' }, /^EVENT_STORE_URL: /],
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ PORT: '70000' }, /^PORT: /],
    [{ NETRA_DEMO: 'maybe' }, /^NETRA_DEMO: /],
    [{ AUTH_DEV_SECRET: 'short' }, /^AUTH_DEV_SECRET: /],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: /],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
