import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { chainKindOf } from '../ledger/ledger-head';
import { parsePublishedHead, verifyLedger } from '../ledger/verify-ledger';
import { openEventStore, type Closer } from '../storage/storage';
import { operatorMessage } from '../observability/loggable-error';

/**
 * `npm run verify [-- --expect-head <hash>@<position>]`: recomputes the hash chain of the whole
 * event log named by EVENT_STORE_URL and prints the report as JSON; exit code 1 when the history was
 * tampered with or no longer holds the published head. The embedded store is verified with its
 * server stopped (the data directory is one process's).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'expect-head': { type: 'string' } } });
  const expectHead = values['expect-head'] === undefined ? undefined : parsePublishedHead(values['expect-head']);
  const location = loadConfig().eventStore;
  const closers: Closer[] = [];
  try {
    const { store } = await openEventStore(location, closers);
    const report = await verifyLedger(store, { chain: chainKindOf(location), expectHead });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    for (const close of closers) await close();
  }
}

main().catch((error) => {
  process.stderr.write(`netra verify: ${operatorMessage(error)}\n`);
  process.exit(2);
});
