import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnNetra } from '../support/netra-process';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, [MAIN], { env: { ...process.env, NETRA_DEMO: '0', PORT: '0', ...env }, encoding: 'utf8', timeout: 30_000 });

describe('starting the server', () => {
  it('stops with one line naming the variable when the event store URL is bad', () => {
    const result = run({ EVENT_STORE_URL: 'mongodb://nowhere' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^netra: bad configuration: EVENT_STORE_URL: /)]);
  });

  it('refuses EventStoreDB without a PostgreSQL read model instead of falling back to the embedded one', () => {
    const result = run({ EVENT_STORE_URL: 'esdb://localhost:2113?tls=false' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'netra: bad configuration: DATABASE_URL: is required with an EventStoreDB event store: the read model lives in PostgreSQL',
    ]);
  });

  it('refuses to open an embedded store another Netra process holds, and takes over after that one stopped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netra-lock-'));
    try {
      const first = await spawnNetra({ EVENT_STORE_URL: `file:${dir}` });
      const second = run({ EVENT_STORE_URL: `file:${dir}` });
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/EVENT_STORE_URL: .* is in use by another Netra process/);
      first.child.kill('SIGKILL');
      await first.exited;
      const third = await spawnNetra({ EVENT_STORE_URL: `file:${dir}` });
      third.child.kill('SIGTERM');
      expect(await third.exited).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
