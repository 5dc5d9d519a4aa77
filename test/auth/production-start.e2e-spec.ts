import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const JWKS = {
  AUTH_JWKS_URL: 'https://sso.example.go.id/realms/netra/protocol/openid-connect/certs',
  AUTH_ISSUER: 'https://sso.example.go.id/realms/netra',
  AUTH_AUDIENCE: 'netra-api',
};
const AUTH_VARIABLES = ['AUTH_DEV_SECRET', 'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'NODE_ENV'];

/** Runs a source entry point the way `npm run token` does (ts-node, no build), with a clean auth environment. */
function run(script: string, args: string[], env: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !AUTH_VARIABLES.includes(name)));
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src', script), ...args], {
    cwd: ROOT,
    env: { ...base, EVENT_STORE_URL: 'memory:', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('production authentication at the command line', () => {
  it('npm run token refuses to sign when tokens come from the identity provider', () => {
    const result = run('cli/token.ts', ['--agency', 'PPK', '--region', '16.73'], JWKS);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      'netra token: AUTH_JWKS_URL is set: tokens come from the identity provider, not from this development tool',
    );
  });

  it('Netra refuses to start in production without a JWKS, in one line naming the variable', () => {
    const result = run('main.ts', [], { NODE_ENV: 'production', NETRA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^netra: bad configuration: AUTH_JWKS_URL: required when NODE_ENV=production[^\n]*$/);
  });

  it('Netra refuses to start in production with a development secret, in one line naming the variable', () => {
    const env = { ...JWKS, NODE_ENV: 'production', NETRA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'), AUTH_DEV_SECRET: 'x'.repeat(32) };
    const result = run('main.ts', [], env);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^netra: bad configuration: AUTH_DEV_SECRET: must not be set when NODE_ENV=production[^\n]*$/);
  });
});
