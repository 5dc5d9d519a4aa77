import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { drizzle } from 'drizzle-orm/pglite';
import { GraphQLClient } from 'graphql-request';
import { signDevToken } from '../../src/auth/dev-token';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { verifyLedger } from '../../src/ledger/verify-ledger';
import { ProjectionRunner } from '../../src/oversight/projection/projection-runner';
import { openPgliteReadDb } from '../../src/oversight/read-model/open-read-db';
import type { ReadDb } from '../../src/storage/read-db';
import { dumpReadModel } from '../../src/oversight/read-model/read-model-dump';
import { KeyStore } from '../../src/privacy/key-store';
import { resolveMasterKey } from '../../src/privacy/master-key';
import { aLaporan, REPORT_CASE } from '../e2e/fixtures';
import { TEST_SECRET } from '../support/netra-app';
import { spawnNetra } from '../support/netra-process';

const BACKUP = join(__dirname, '..', '..', 'dist', 'cli', 'backup.js');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(100 * 1024), Buffer.from('\n%%EOF\n')]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('npm run backup on the embedded store', () => {
  let root: string;
  beforeAll(async () => (root = await mkdtemp(join(tmpdir(), 'netra-backup-'))));
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('copies the live store under a write load; the copy starts at the printed head with a read model equal to a full replay', async () => {
    const live = join(root, 'live');
    const out = join(root, 'copy');
    const netra = await spawnNetra({ EVENT_STORE_URL: `file:${live}`, NETRA_MASTER_KEY: '', MUTATION_RATE_LIMIT_PER_MINUTE: '1000000' });
    const token = await signDevToken(TEST_SECRET, { sub: 'backup-test', agency: 'BAWASLU', region: '16.73' });
    const client = new GraphQLClient(netra.url, { headers: { authorization: `Bearer ${token}` } });
    let writing = true;
    let acknowledged = 0;
    const writer = async () => {
      while (writing) {
        await client.request(REPORT_CASE, { input: aLaporan({ commandId: `backup-${randomUUID()}` }) });
        acknowledged++;
      }
    };
    const writers = [writer(), writer(), writer()];
    let backup: { out: string; mode: string; headPosition: string; headHash: string; documents: number };
    let atBackup: number;
    let documentCase = '';
    try {
      const waitFor = async (count: number) => {
        while (acknowledged < count) {
          if (netra.child.exitCode !== null) throw new Error('the server died');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      await waitFor(10);
      // A document attached before the backup travels with it (its sealed file, linked at the backup's instant).
      const { reportCase } = await client.request<{ reportCase: { id: string } }>(REPORT_CASE, { input: aLaporan({ commandId: `backup-doc-${randomUUID()}` }) });
      documentCase = reportCase.id;
      const form = new FormData();
      form.append('kind', 'EVIDENCE');
      form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'bukti.pdf');
      const uploaded = await fetch(netra.url.replace(/\/graphql$/, `/cases/${documentCase}/documents`), { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
      expect(uploaded.status).toBe(201);
      atBackup = acknowledged;
      const { stdout } = await promisify(execFile)(process.execPath, [BACKUP, '--out', out], { env: { ...process.env, EVENT_STORE_URL: `file:${live}` } });
      backup = JSON.parse(stdout);
      // Writes went on during and after the backup.
      const during = acknowledged;
      await waitFor(during + 5);
    } finally {
      writing = false;
      await Promise.allSettled(writers);
      netra.child.kill('SIGTERM');
    }
    expect(await netra.exited).toBe(0);
    expect(backup).toMatchObject({ out, mode: 'online', headPosition: expect.stringMatching(/^\d+$/), headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(Number(backup.headPosition)).toBeGreaterThanOrEqual(atBackup);
    // No request or response files are left in the live directory.
    expect((await readdir(live)).filter((name) => name.startsWith('backup-'))).toEqual([]);
    // The document's sealed file is in the copy, byte for byte, and no backup links are left behind.
    expect(backup).toMatchObject({ documents: 1 });
    const sealedName = await readdir(join(live, 'documents', documentCase));
    expect(sealedName).toEqual([sha256(PDF)]);
    expect(await readFile(join(out, 'documents', documentCase, sealedName[0]))).toEqual(await readFile(join(live, 'documents', documentCase, sealedName[0])));
    expect((await readdir(join(live, 'documents'))).filter((name) => name.startsWith('.backup-'))).toEqual([]);

    // The copy starts like any store, and its ledger head is the printed one.
    const restored = await spawnNetra({ EVENT_STORE_URL: `file:${out}`, NETRA_MASTER_KEY: '' });
    const { ledger } = await new GraphQLClient(restored.url).request<{ ledger: { headPosition: string; headHash: string } }>('{ ledger { headPosition headHash } }');
    restored.child.kill('SIGTERM');
    expect(await restored.exited).toBe(0);
    expect(ledger).toEqual({ headPosition: backup.headPosition, headHash: backup.headHash });

    const disk = await openPglite(out);
    const spare = await openPglite('memory:');
    try {
      const store = new PgliteEventStore(disk);
      expect(await verifyLedger(store)).toMatchObject({ ok: true, headPosition: backup.headPosition, headHash: backup.headHash });
      const copied = await dumpReadModel(await openPgliteReadDb(disk));
      const keys = new KeyStore(drizzle(disk) as unknown as ReadDb, resolveMasterKey(null, out, false).key);
      const replayed = await openPgliteReadDb(spare);
      const runner = new ProjectionRunner(store, replayed, { keys });
      await runner.start();
      await runner.stop();
      expect(copied).toEqual(await dumpReadModel(replayed));
      // One event per reported case, and one DocumentAttached.
      expect(copied.rm_cases.length).toBe(Number(backup.headPosition) - 1);
    } finally {
      await disk.close();
      await spare.close();
    }
    // The live store went on past the copy.
    const after = await openPglite(live);
    try {
      expect(Number(await new PgliteEventStore(after).headPosition())).toBeGreaterThan(Number(backup.headPosition));
    } finally {
      await after.close();
    }
  }, 400_000);
});
