import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config';
import { DURABLE_START_PARAMS, EMBEDDED_EXTENSIONS, openEmbedded } from '../event-store/pglite/open-pglite';
import { syncTree } from '../event-store/pglite/wal-sync';
import { operatorMessage } from '../observability/loggable-error';
import { lockDataDir } from '../storage/data-dir-lock';
import { backupRequestFile, backupResponseFile, dumpEmbedded, type BackupTaken } from '../event-store/pglite/embedded-backup';

/**
 * `npm run backup -- --out DIR`: a consistent copy of the embedded store (EVENT_STORE_URL, default
 * ./data), online — the running server takes it between two transactions (src/event-store/pglite/embedded-backup.ts)
 * — or directly when no server holds the directory. DIR becomes a complete data directory, ready
 * to start on (EVENT_STORE_URL=file:DIR, or moved into place), with the development key files;
 * the command prints the ledger head the copy ends at, checked by opening the copy.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'timeout-seconds': { type: 'string' } } });
  if (!values.out) fail('usage: npm run backup -- --out DIR   (DIR must not exist or be empty)');
  const config = loadConfig();
  const dataDir = config.dataDir;
  if (config.eventStore.kind !== 'embedded' || dataDir === null) {
    fail('only the embedded store is backed up by Netra; on PostgreSQL use pg_dump or pg_basebackup (README "Faults and recovery")');
  }
  const out = resolve(values.out);
  if (existsSync(out) && readdirSync(out).length > 0) fail(`${out} is not empty`);
  const archive = join(dirname(out), `.netra-backup-${randomBytes(6).toString('hex')}.tar`);
  let taken: (BackupTaken & { mode: 'online' | 'offline' }) | null = null;
  try {
    taken = await takeBackup(dataDir, archive, Number(values['timeout-seconds'] ?? 300));
    await restoreInto(out, taken);
    for (const file of ['master-key', 'dev-secret']) {
      if (existsSync(join(dataDir, file))) copyFileSync(join(dataDir, file), join(out, file));
    }
    // The documents' files as linked at the backup's instant (embedded-backup.ts), copied whole.
    let documents = 0;
    if (taken.documents) {
      cpSync(taken.documents, join(out, 'documents'), { recursive: true });
      documents = readdirSync(taken.documents).reduce((n, caseId) => n + readdirSync(join(taken!.documents!, caseId)).length, 0);
    }
    syncTree(out);
    process.stdout.write(`${JSON.stringify({ out, mode: taken.mode, headPosition: taken.headPosition, headHash: taken.headHash, bytes: taken.bytes, documents }, null, 2)}\n`);
  } finally {
    rmSync(archive, { force: true });
    if (taken?.documents) rmSync(taken.documents, { recursive: true, force: true });
  }
}

/** Through the running server when one holds the directory, else directly (holding the lock meanwhile). */
async function takeBackup(dataDir: string, archive: string, timeoutSeconds: number): Promise<BackupTaken & { mode: 'online' | 'offline' }> {
  let release: (() => void) | null = null;
  try {
    release = lockDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof ConfigError) || !/in use by another Netra process/.test(error.message)) throw error;
  }
  if (release) {
    try {
      const { pglite } = await openEmbedded(dataDir, { sync: false });
      try {
        return { mode: 'offline', ...(await dumpEmbedded(pglite, archive, dataDir)) };
      } finally {
        await pglite.close();
      }
    } finally {
      release();
    }
  }
  const owner = Number(readFileSync(join(dataDir, 'netra.pid'), 'utf8').split(' ')[0]);
  const id = randomBytes(8).toString('hex');
  writeFileSync(join(dataDir, backupRequestFile(id)), JSON.stringify({ file: archive }));
  process.kill(owner, 'SIGUSR2');
  const response = join(dataDir, backupResponseFile(id));
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (!existsSync(response)) {
    if (Date.now() > deadline) {
      rmSync(join(dataDir, backupRequestFile(id)), { force: true });
      fail(`the Netra process ${owner} did not answer the backup request within ${timeoutSeconds} s`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  const answer = JSON.parse(readFileSync(response, 'utf8')) as ({ ok: true } & BackupTaken) | { ok: false; error: string };
  unlinkSync(response);
  if (!answer.ok) fail(`the Netra process ${owner} could not take the backup: ${answer.error}`);
  return { mode: 'online', ...answer };
}

/** Unpacks the archive into `out` and opens it once (replaying its WAL), checking the head is the one taken. */
async function restoreInto(out: string, taken: BackupTaken): Promise<void> {
  const tar = new Blob([readFileSync(taken.file)]);
  const pglite = await PGlite.create(out, { loadDataDir: tar, startParams: DURABLE_START_PARAMS, extensions: EMBEDDED_EXTENSIONS });
  try {
    const { rows } = await pglite.query<{ position_text: string; hash: string }>(
      'SELECT position::text AS position_text, hash FROM es_events ORDER BY position DESC LIMIT 1',
    );
    const head = rows[0] ?? { position_text: '0', hash: '0'.repeat(64) };
    if (head.position_text !== taken.headPosition || head.hash !== taken.headHash) {
      fail(`the copy ends at position ${head.position_text}, not at the head ${taken.headPosition} it was taken at: do not use it`);
    }
  } finally {
    await pglite.close();
  }
}

function fail(message: string): never {
  process.stderr.write(`netra backup: ${message}\n`);
  process.exit(1);
}

main().catch((error) => fail(operatorMessage(error)));
