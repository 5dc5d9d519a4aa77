import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyDevToken } from '../../src/auth/dev-token';
import { appendSyntheticHistory } from '../../src/demo/synthetic-history';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { spawnNetra } from '../support/netra-process';

const DIST = join(__dirname, '..', '..', 'dist');
const cli = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(DIST, 'cli', script), ...args], {
    env: { ...process.env, AUTH_DEV_SECRET: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('the command-line tools on embedded stores', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'netra-cli-'));
    const db = await openPglite(join(root, 'a'));
    const store = new PgliteEventStore(db);
    await store.init();
    await appendSyntheticHistory(store, 40);
    await store.close();
    await db.close();
  }, 120_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('copy moves the history to another store and reports matching counts and digests', () => {
    const result = cli('copy-events.js', ['--from', `file:${join(root, 'a')}`, '--to', `file:${join(root, 'b')}`]);
    expect(result.stderr).not.toMatch(/netra copy: (?!\d)/);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ verified: true, alreadyCopied: 0 });
    expect(report.copied).toBe(report.sourceCount);
    expect(report.targetDigest).toBe(report.sourceDigest);
    expect(report.dataKeys).toEqual(expect.any(Number));
  });

  it('rebuild replays the embedded read model in place', () => {
    // The history was written without Netra, so no master-key file travelled with it: the operator names the key.
    const result = cli('rebuild-read-model.js', [], { EVENT_STORE_URL: `file:${join(root, 'b')}`, NETRA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/read model \(embedded, in place\) rebuilt to position [1-9]\d*/);
  });

  it('token signs a development token with the secret kept in the data directory', async () => {
    const dir = join(root, 'b');
    const result = cli('token.js', ['--agency', 'PPK', '--region', '16.73'], { EVENT_STORE_URL: `file:${dir}` });
    expect(result.status).toBe(0);
    const secret = readFileSync(join(dir, 'dev-secret'), 'utf8').trim();
    expect(await verifyDevToken(secret, result.stdout.trim())).toMatchObject({ agency: 'PPK', region: '16.73' });
  });

  it('token refuses an unknown agency or region with a clear line', () => {
    expect(cli('token.js', ['--agency', 'POLICE'], { EVENT_STORE_URL: `file:${join(root, 'b')}` }).stderr).toMatch(/--agency must be one of/);
    expect(cli('token.js', ['--agency', 'PPK', '--region', '1673'], { EVENT_STORE_URL: `file:${join(root, 'b')}` }).stderr).toMatch(/--region/);
  });

  it('a first start without AUTH_DEV_SECRET generates one in the data directory and says so', async () => {
    const dir = join(root, 'fresh');
    const netra = await spawnNetra({ EVENT_STORE_URL: `file:${dir}`, AUTH_DEV_SECRET: '' });
    netra.child.kill('SIGTERM');
    expect(await netra.exited).toBe(0);
    expect(existsSync(join(dir, 'dev-secret'))).toBe(true);
    expect(netra.output.join('')).toMatch(/generated one and stored it in .*dev-secret/);
  }, 120_000);
});
