import type { EmbeddedClient } from './pglite-thread';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a backup holds: the log's head at the instant it was taken, and where the archive went. */
export interface BackupTaken {
  headPosition: string;
  headHash: string;
  bytes: number;
  file: string;
  /**
   * The documents' sealed files as they were at that instant: hard links in a folder of the documents'
   * directory (`documents/.backup-*`), for the command to copy and then remove; null without documents.
   */
  documents: string | null;
}

const HEAD_LINK = 'SELECT position::text AS position_text, hash FROM es_events ORDER BY position DESC LIMIT 1';

/**
 * A consistent copy of a live embedded database, as a tar of its data directory (PGlite's
 * dumpDataDir). It is taken inside a transaction, which in PGlite holds off every other
 * transaction — appends and projection batches wait, plain reads too — so the head read first is
 * the head of the copy. The files copied are what a crash at that instant would leave (the WAL of
 * every commit is written before the commit returns), and opening the copy replays the WAL, as
 * after a crash: the log and the read model come back together, at that head.
 */
export async function dumpEmbedded(pglite: EmbeddedClient, file: string, dataDir: string | null = null): Promise<BackupTaken> {
  const { head, tar, documents } = await pglite.transaction(async (tx) => {
    const { rows } = await tx.query<{ position_text: string; hash: string }>(HEAD_LINK);
    // The documents at the same instant: a document's bytes are committed before the event that
    // names it is appended, and an erasure removes them only after its event, so no append or
    // erasure lands between the head read here and these links.
    const documents = dataDir === null ? null : linkDocuments(dataDir);
    return { head: rows[0] ?? { position_text: '0', hash: '0'.repeat(64) }, tar: await pglite.dumpDataDir('none'), documents };
  });
  const bytes = Buffer.from(await tar.arrayBuffer());
  await writeFile(file, bytes, { mode: 0o600 });
  return { headPosition: head.position_text, headHash: head.hash, bytes: bytes.length, file, documents };
}

/** Hard links to every committed document file (not the staging area), in a new folder beside them (an erasure meanwhile removes its case's links there too). */
function linkDocuments(dataDir: string): string | null {
  const from = join(dataDir, 'documents');
  if (!existsSync(from)) return null;
  const to = join(from, `.backup-${randomBytes(6).toString('hex')}`);
  mkdirSync(to, { mode: 0o700 });
  for (const caseId of readdirSync(from)) {
    if (caseId.startsWith('.')) continue;
    const files = readdirSync(join(from, caseId));
    if (files.length === 0) continue;
    mkdirSync(join(to, caseId), { mode: 0o700 });
    for (const name of files) linkSync(join(from, caseId, name), join(to, caseId, name));
  }
  return to;
}

const REQUEST = /^backup-request-([0-9a-f]{16})\.json$/;

export const backupRequestFile = (id: string) => `backup-request-${id}.json`;
export const backupResponseFile = (id: string) => `backup-response-${id}.json`;

/**
 * `npm run backup` against a running server: the command leaves a request file in the data
 * directory (only someone who may write there can ask) and sends SIGUSR2 to the pid in the lock;
 * the server writes the archive where asked and answers in a response file. Returns the unsubscribe.
 */
export function serveBackupRequests(dataDir: string, pglite: EmbeddedClient): () => void {
  let busy = Promise.resolve();
  const onSignal = () => {
    busy = busy.then(() => answerRequests(dataDir, pglite)).catch(() => undefined);
  };
  process.on('SIGUSR2', onSignal);
  return () => void process.off('SIGUSR2', onSignal);
}

async function answerRequests(dataDir: string, pglite: EmbeddedClient): Promise<void> {
  for (const name of readdirSync(dataDir)) {
    const id = REQUEST.exec(name)?.[1];
    if (!id) continue;
    const taken = join(dataDir, `${name}.taken`);
    try {
      renameSync(join(dataDir, name), taken);
    } catch {
      continue;
    }
    let answer: Record<string, unknown>;
    try {
      const { file } = JSON.parse(readFileSync(taken, 'utf8')) as { file: string };
      answer = { ok: true, ...(await dumpEmbedded(pglite, file, dataDir)) };
    } catch (error) {
      answer = { ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
    }
    writeFileSync(join(dataDir, `${backupResponseFile(id)}.partial`), JSON.stringify(answer));
    renameSync(join(dataDir, `${backupResponseFile(id)}.partial`), join(dataDir, backupResponseFile(id)));
    unlinkSync(taken);
  }
}
