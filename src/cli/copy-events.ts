import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { copyEvents } from '../event-store/copying/copy-events';
import { copyKeys, KeyStore } from '../privacy/key-store';
import { resolveMasterKey } from '../privacy/master-key';
import { sealingCopy } from './sealing-copy';
import { openBlobStore, openEventStore, type Closer } from '../storage/storage';
import { copyBlobs } from './copy-blobs';
import { operatorMessage } from '../observability/loggable-error';

/**
 * `npm run copy -- --from file:./data --to postgres://…`: copies the whole history between any two
 * stores (same URL forms as EVENT_STORE_URL), resumable, verified by counts and digests at the end,
 * with the wrapped per-case data keys (the target needs the same master key to open them).
 * `--seal` brings a store written before names and texts were sealed forward (src/cli/sealing-copy.ts):
 * it needs the master key (NETRA_MASTER_KEY, or the embedded source's data/master-key).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, to: { type: 'string' }, 'batch-size': { type: 'string' }, seal: { type: 'boolean' } },
  });
  if (!values.from || !values.to) fail('usage: npm run copy -- --from <store URL> --to <store URL> [--seal]');
  const source = loadConfig({ EVENT_STORE_URL: values.from, NETRA_MASTER_KEY: process.env.NETRA_MASTER_KEY });
  const from = source.eventStore;
  const to = loadConfig({ EVENT_STORE_URL: values.to }).eventStore;
  const closers: Closer[] = [];
  try {
    const sourceSide = await openEventStore(from, closers);
    const targetSide = await openEventStore(to, closers);
    let transform: ReturnType<typeof sealingCopy> | undefined;
    if (values.seal) {
      if (!sourceSide.keyDb || !targetSide.keyDb) fail('--seal needs both stores SQL (embedded or PostgreSQL): the data keys are read and made beside the events');
      if (!source.masterKey && !source.dataDir) fail('--seal needs NETRA_MASTER_KEY (or an embedded source whose data directory holds master-key)');
      const resolved = resolveMasterKey(source.masterKey, source.dataDir, false);
      if (resolved.create) fail(`--seal needs the source's master key: ${resolved.name} does not exist`);
      const master = resolved.key;
      if (to.kind === 'embedded' && to.location !== 'memory:' && !source.masterKey) copyMasterKeyFile(source.dataDir!, to.location);
      await copyKeys(sourceSide.keyDb, targetSide.keyDb);
      transform = sealingCopy(new KeyStore(targetSide.keyDb, master));
    }
    const [sourceStore, target] = [sourceSide.store, targetSide.store];
    let reported = 0;
    const report = await copyEvents(sourceStore, target, {
      transform,
      batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
      onProgress: (count) => {
        if (count - reported >= 10_000) {
          reported = count;
          process.stderr.write(`netra copy: ${count} events in the target\n`);
        }
      },
    });
    let keys: number | string;
    if (sourceSide.keyDb && targetSide.keyDb) {
      keys = await copyKeys(sourceSide.keyDb, targetSide.keyDb);
      // Between two data directories the key file travels with the keys it wraps (without NETRA_MASTER_KEY).
      if (!source.masterKey && source.dataDir && to.kind === 'embedded' && to.location !== 'memory:' && existsSync(join(source.dataDir, 'master-key'))) {
        copyMasterKeyFile(source.dataDir, to.location);
      }
    }
    else keys = 'not copied: an EventStoreDB side keeps its keys in its DATABASE_URL (netra_keys.case_keys); move that table too';
    // Documents' sealed bytes go with the events that name them (the target's blob store: files beside an
    // embedded store, netra_documents in a PostgreSQL one); EventStoreDB keeps them in its DATABASE_URL.
    let documents: Awaited<ReturnType<typeof copyBlobs>> | string;
    if (sourceSide.keyDb && targetSide.keyDb) {
      documents = await copyBlobs(sourceStore, await openBlobStore(from, sourceSide.keyDb), await openBlobStore(to, targetSide.keyDb));
    } else documents = 'not copied: an EventStoreDB side keeps documents in its DATABASE_URL (netra_documents); move that schema too';
    process.stdout.write(`${JSON.stringify({ ...report, dataKeys: keys, documents }, null, 2)}\n`);
    if (!report.verified) fail('the target differs from the source after the copy (see the digests above)');
  } finally {
    for (const close of closers) await close();
  }
}

/** An embedded target opened by the service must find the master key its data keys are wrapped with. */
function copyMasterKeyFile(fromDir: string, toDir: string): void {
  const target = join(toDir, 'master-key');
  if (!existsSync(target)) copyFileSync(join(fromDir, 'master-key'), target);
}

function fail(message: string): never {
  process.stderr.write(`netra copy: ${message}\n`);
  process.exit(1);
}

main().catch((error) => fail(operatorMessage(error)));
