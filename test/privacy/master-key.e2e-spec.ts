import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { signDevToken } from '../../src/auth/dev-token';
import { TEST_SECRET } from '../support/netra-app';
import { spawnNetra, type NetraProcess } from '../support/netra-process';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';
import { aLaporan, GET_CASE, REPORT_CASE, type CaseResult } from '../e2e/fixtures';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

/** A start that is expected to be refused: exit code and stderr lines. */
function refusedStart(env: Record<string, string>, cwd?: string): { status: number | null; lines: string[] } {
  const result = spawnSync(process.execPath, [MAIN], {
    cwd,
    env: { ...process.env, NETRA_DEMO: '0', PORT: '0', GRPC_PORT: '0', AUTH_DEV_SECRET: TEST_SECRET, OVERDUE_SCAN_SECONDS: '0', NETRA_MASTER_KEY: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, lines: result.stderr.trim().split('\n') };
}

async function bawaslu(netra: NetraProcess): Promise<GraphQLClient> {
  const token = await signDevToken(TEST_SECRET, { sub: 'key-test', agency: 'BAWASLU', region: '16.73' });
  return new GraphQLClient(netra.url, { headers: { authorization: `Bearer ${token}` } });
}

async function reportOne(netra: NetraProcess): Promise<string> {
  const { reportCase } = await (await bawaslu(netra)).request<{ reportCase: CaseResult }>(REPORT_CASE, { input: aLaporan({ commandId: `key-${randomUUID()}` }) });
  return reportCase.id;
}

/** The reporter and the NIP are sealed under the master key: reading them back proves the key opened them. */
async function expectReadable(netra: NetraProcess, caseId: string): Promise<void> {
  const { case: found } = await (await bawaslu(netra)).request<{ case: CaseResult }>(GET_CASE, { id: caseId });
  expect(found.reporter?.name).toBe(aLaporan().reporter!.name);
  expect(found.respondents[0].nip).toBe(aLaporan().respondents[0].nip);
}

async function stop(netra: NetraProcess): Promise<void> {
  netra.child.kill('SIGTERM');
  expect(await netra.exited).toBe(0);
}

const otherKey = () => randomBytes(32).toString('base64');

describe('the master key of the embedded store', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'netra-key-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is made once, and a deleted, truncated, damaged or different key is refused with one line naming it — never replaced', async () => {
    const env = { EVENT_STORE_URL: `file:${dir}`, NETRA_MASTER_KEY: '' };
    const file = join(dir, 'master-key');
    const first = await spawnNetra(env);
    expect(first.output.join('')).toContain(`generated the development master key into ${file}`);
    const caseId = await reportOne(first);
    await stop(first);
    const key = await readFile(file, 'utf8');

    await unlink(file);
    const deleted = refusedStart(env);
    expect(deleted.status).toBe(1);
    expect(deleted.lines).toEqual([
      expect.stringMatching(
        new RegExp(`^netra: bad configuration: ${file}: is missing, but this store holds personal data sealed with the master key whose check value is [0-9a-f]{8}…: restore the file from a backup or set NETRA_MASTER_KEY to that key`),
      ),
    ]);
    expect(existsSync(file)).toBe(false);

    await writeFile(file, key.slice(0, 20));
    const truncated = refusedStart(env);
    expect(truncated.status).toBe(1);
    expect(truncated.lines).toEqual([
      `netra: bad configuration: ${file}: is not a master key (32 bytes in base64; it holds 20 characters, 15 bytes): it was truncated or damaged — restore it from a backup, or set NETRA_MASTER_KEY to the key`,
    ]);

    await writeFile(file, 'not base64 at all, but long enough to be 32 bytes!!\n');
    expect(refusedStart(env).lines).toEqual([expect.stringMatching(new RegExp(`^netra: bad configuration: ${file}: is not a master key `))]);

    await writeFile(file, `${otherKey()}\n`);
    const wrongFile = refusedStart(env);
    expect(wrongFile.status).toBe(1);
    expect(wrongFile.lines).toEqual([
      expect.stringMatching(
        new RegExp(`^netra: bad configuration: ${file}: does not match the master key this store was sealed with \\(key check [0-9a-f]{8}…, the store records [0-9a-f]{8}…\\): set the key the store was created with$`),
      ),
    ]);

    await writeFile(file, key);
    const wrongVariable = refusedStart({ ...env, NETRA_MASTER_KEY: otherKey() });
    expect(wrongVariable.lines).toEqual([expect.stringMatching(/^netra: bad configuration: NETRA_MASTER_KEY: does not match the master key this store was sealed with /)]);

    // The right key, from the file or from the variable, opens what was sealed before.
    const again = await spawnNetra(env);
    await expectReadable(again, caseId);
    await stop(again);
    const byVariable = await spawnNetra({ ...env, NETRA_MASTER_KEY: key.trim() });
    await expectReadable(byVariable, caseId);
    await stop(byVariable);
    expect(await readFile(file, 'utf8')).toBe(key);
  }, 240_000);
});

describeWithPostgres('the master key of a PostgreSQL store in development', () => {
  let db: ThrowawayDatabase;
  let cwd: string;
  beforeAll(async () => {
    db = await createThrowawayDatabase(2);
    cwd = await mkdtemp(join(tmpdir(), 'netra-key-cwd-'));
  });
  afterAll(async () => {
    await db?.drop();
    await rm(cwd, { recursive: true, force: true });
  });

  it('is kept in ./data/master-key across restarts (no key made per start), and a missing or different one is refused', async () => {
    const env = { EVENT_STORE_URL: db.url, NETRA_MASTER_KEY: '' };
    const file = join(cwd, 'data', 'master-key');
    const first = await spawnNetra(env, undefined, undefined, { cwd });
    expect(first.output.join('')).toContain(`generated the development master key into ${file}`);
    const caseId = await reportOne(first);
    await stop(first);

    // Before: a new random key at every start, and everything sealed before it unreadable.
    const second = await spawnNetra(env, undefined, undefined, { cwd });
    expect(second.output.join('')).toContain(`sealed with the development master key in ${file}`);
    await expectReadable(second, caseId);
    await stop(second);

    const key = await readFile(file, 'utf8');
    await unlink(file);
    const missing = refusedStart(env, cwd);
    expect(missing.status).toBe(1);
    expect(missing.lines).toEqual([expect.stringMatching(new RegExp(`^netra: bad configuration: ${file}: is missing, but this store holds personal data `))]);
    expect(existsSync(file)).toBe(false);

    const wrong = refusedStart({ ...env, NETRA_MASTER_KEY: otherKey() }, cwd);
    expect(wrong.lines).toEqual([expect.stringMatching(/^netra: bad configuration: NETRA_MASTER_KEY: does not match the master key this store was sealed with /)]);

    const { rows } = await db.pool.query('SELECT check_value FROM netra_keys.master_key_check');
    expect(rows).toHaveLength(1);
    expect(rows[0].check_value).not.toContain(key.trim());
    expect(rows[0].check_value).toMatch(/^[0-9a-f]{64}$/);

    const right = await spawnNetra({ ...env, NETRA_MASTER_KEY: key.trim() }, undefined, undefined, { cwd });
    await expectReadable(right, caseId);
    await stop(right);
  }, 240_000);
});
