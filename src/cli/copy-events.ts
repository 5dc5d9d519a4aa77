import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { copyEvents } from '../event-store/copying/copy-events';
import { copyKeys } from '../privacy/key-store';
import { openEventStore, type Closer } from '../storage/storage';
import { operatorMessage } from '../observability/loggable-error';

/**
 * `npm run copy -- --from file:./data --to postgres://…`: copies the whole history between any two
 * stores (same URL forms as EVENT_STORE_URL), resumable, verified by counts and digests at the end,
 * with the wrapped per-case data keys (the target needs the same master key to open them).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, 'batch-size': { type: 'string' } } });
  if (!values.from || !values.to) fail('usage: npm run copy -- --from <store URL> --to <store URL>');
  const from = loadConfig({ EVENT_STORE_URL: values.from }).eventStore;
  const to = loadConfig({ EVENT_STORE_URL: values.to }).eventStore;
  const closers: Closer[] = [];
  try {
    const sourceSide = await openEventStore(from, closers);
    const targetSide = await openEventStore(to, closers);
    const [source, target] = [sourceSide.store, targetSide.store];
    let reported = 0;
    const report = await copyEvents(source, target, {
      batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
      onProgress: (count) => {
        if (count - reported >= 10_000) {
          reported = count;
          process.stderr.write(`netra copy: ${count} events in the target\n`);
        }
      },
    });
    let keys: number | string;
    if (sourceSide.keyDb && targetSide.keyDb) keys = await copyKeys(sourceSide.keyDb, targetSide.keyDb);
    else keys = 'not copied: an EventStoreDB side keeps its keys in its DATABASE_URL (netra_keys.case_keys); move that table too';
    process.stdout.write(`${JSON.stringify({ ...report, dataKeys: keys }, null, 2)}\n`);
    if (!report.verified) fail('the target differs from the source after the copy (see the digests above)');
  } finally {
    for (const close of closers) await close();
  }
}

function fail(message: string): never {
  process.stderr.write(`netra copy: ${message}\n`);
  process.exit(1);
}

main().catch((error) => fail(operatorMessage(error)));
