import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { chainKindOf } from '../ledger/ledger-head';
import { parsePublishedHead, verifyLedger } from '../ledger/verify-ledger';
import { openEventStore, type Closer } from '../storage/storage';
import { openPgliteReadDb, openPostgresReadDb } from '../oversight/read-model/open-read-db';
import type { ReadDb } from '../storage/read-db';
import { checkReadModel } from '../oversight/projection/read-model-check';
import { operatorMessage } from '../observability/loggable-error';
import { KeyStore } from '../privacy/key-store';
import { resolveMasterKey } from '../privacy/master-key';
import { openBlobStore } from '../storage/storage';
import { verifyDocuments } from './verify-documents';

/**
 * `npm run verify [-- --expect-head <hash>@<position>]`: recomputes the hash chain of the whole
 * event log named by EVENT_STORE_URL and prints the report as JSON; exit code 1 when the history was
 * tampered with or no longer holds the published head. It also holds the read model's checkpoint
 * against the log (`readModel`: ok, or a checkpoint past the head / an event that is not the one it
 * applied), which fails the run too. The embedded store is verified with its server stopped (the
 * data directory is one process's). `documents` holds every attached document's stored bytes against
 * the hash and size its DocumentAttached event records (verify-documents.ts); a problem fails the run.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'expect-head': { type: 'string' } } });
  const expectHead = values['expect-head'] === undefined ? undefined : parsePublishedHead(values['expect-head']);
  const config = loadConfig();
  const location = config.eventStore;
  const closers: Closer[] = [];
  try {
    const { store, embedded, keyDb } = await openEventStore(location, closers);
    const report = await verifyLedger(store, { chain: chainKindOf(location), expectHead });
    const readUrl = config.databaseUrl ?? (location.kind === 'postgres' ? location.url : null);
    let readDb: ReadDb | null = null;
    if (readUrl) {
      const opened = await openPostgresReadDb(readUrl);
      closers.unshift(() => opened.pool.end());
      readDb = opened.db;
    } else if (embedded) {
      readDb = await openPgliteReadDb(embedded);
    }
    const readModel = readDb ? await checkReadModel(store, readDb) : null;
    const documentsDb = keyDb ?? readDb;
    const keys = documentsDb ? documentKeys(documentsDb, config.masterKey, config.dataDir) : null;
    const documents = documentsDb ? await verifyDocuments(store, keys, await openBlobStore(location, documentsDb)) : null;
    const ok = report.ok && readModel?.ok !== false && documents?.ok !== false;
    process.stdout.write(`${JSON.stringify({ ...report, ok, ledgerOk: report.ok, readModel, documents }, null, 2)}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const close of closers) await close();
  }
}

/** The data keys that open documents, or null without a usable master key (then only a log holding documents fails). */
function documentKeys(db: ReadDb, configured: string | null, dataDir: string | null): KeyStore | null {
  try {
    const master = resolveMasterKey(configured, dataDir, false);
    return master.create === null ? new KeyStore(db, master.key) : null;
  } catch {
    return null;
  }
}

main().catch((error) => {
  process.stderr.write(`netra verify: ${operatorMessage(error)}\n`);
  process.exit(2);
});
