import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, [MAIN], { env: { ...process.env, NETRA_DEMO: '0', PORT: '0', ...env }, encoding: 'utf8', timeout: 30_000 });

describe('starting the server', () => {
  it('stops with one line naming the variable when the event store URL is bad', () => {
    const result = run({ EVENT_STORE_URL: 'mongodb://nowhere' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^netra: bad configuration: EVENT_STORE_URL: /)]);
  });

  it('refuses a store this version cannot open instead of falling back to the embedded one', () => {
    const result = run({ EVENT_STORE_URL: 'esdb://localhost:2113?tls=false' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/EVENT_STORE_URL: the esdb event store is not available/);
  });
});
