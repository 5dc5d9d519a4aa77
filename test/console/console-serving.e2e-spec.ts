import { Test } from '@nestjs/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listeningUrl } from '../../src/bootstrap';
import { ConfigModule } from '../../src/config/config.module';
import { loadConfig } from '../../src/config/config';
import { ConsoleModule } from '../../src/console/console.module';
import { CONSOLE_DIR } from '../../src/console/console-static.middleware';
import { startTestNetra, type RunningNetra } from '../support/netra-app';

/** The built console at `/`, beside the API it must never shadow. */
describe('console: serving', () => {
  let netra: RunningNetra;
  let base: string;

  beforeAll(async () => {
    netra = await startTestNetra();
    base = netra.origin;
  });

  afterAll(() => netra?.close());

  it('serves index.html at / with a strict Content-Security-Policy, revalidated on every load', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root"></div>');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
    );
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('lets browsers keep the hashed assets for a year', async () => {
    const html = await (await fetch(`${base}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const response = await fetch(`${base}${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('leaves /graphql, /health and /metrics to the API, and answers 404 for what it does not have', async () => {
    const graphql = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ ledger { count } }"}' });
    expect(await graphql.json()).toEqual({ data: { ledger: { count: 0 } } });
    expect(graphql.headers.get('content-security-policy')).toBeNull();
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('# HELP');
    expect((await fetch(`${base}/assets/no-such-file.js`)).status).toBe(404);
    expect((await fetch(`${base}/src/console/web/main.tsx`)).status).toBe(404);
    expect((await fetch(`${base}/console.module.js`)).status).toBe(404);
  });

  it('answers 503 naming npm run build when the console was never built, and 404 elsewhere as before', async () => {
    const module = await Test.createTestingModule({ imports: [ConfigModule.forRoot(loadConfig({ EVENT_STORE_URL: 'memory:' })), ConsoleModule] })
      .overrideProvider(CONSOLE_DIR)
      .useValue(mkdtempSync(join(tmpdir(), 'netra-no-console-')))
      .compile();
    const app = module.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    const url = listeningUrl(app);
    try {
      const response = await fetch(`${url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build');
      expect((await fetch(`${url}/auth/config`)).status).toBe(200);
      expect((await fetch(`${url}/graphql`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
