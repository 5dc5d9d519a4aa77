import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { copyEvents } from '../event-store/copying/copy-events';
import { openEventStore, type Closer } from '../storage/storage';

/**
 * `npm run copy -- --from file:./data --to postgres://…`: copies the whole history between any two
 * stores (same URL forms as EVENT_STORE_URL), resumable, verified by counts and digests at the end.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, 'batch-size': { type: 'string' } } });
  if (!values.from || !values.to) fail('usage: npm run copy -- --from <store URL> --to <store URL>');
  const from = loadConfig({ EVENT_STORE_URL: values.from }).eventStore;
  const to = loadConfig({ EVENT_STORE_URL: values.to }).eventStore;
  const closers: Closer[] = [];
  try {
    const source = (await openEventStore(from, closers)).store;
    const target = (await openEventStore(to, closers)).store;
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
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (!report.verified) fail('the target differs from the source after the copy (see the digests above)');
  } finally {
    for (const close of closers) await close();
  }
}

function fail(message: string): never {
  process.stderr.write(`netra copy: ${message}\n`);
  process.exit(1);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
