import { loadConfig } from '../config/config';
import { rebuildInPlace, rebuildPostgresReadModel } from '../oversight/projection/rebuild';
import { openStorage } from '../storage/storage';
import { operatorMessage } from '../observability/loggable-error';

/**
 * `npm run rebuild`: rebuilds the read model from the event store named by EVENT_STORE_URL.
 * On PostgreSQL (DATABASE_URL, or a postgres:// store) it runs beside the live service and swaps at
 * the end; the embedded read model is rebuilt in place, with the service stopped (it holds the files).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const readUrl = config.databaseUrl ?? (config.eventStore.kind === 'postgres' ? config.eventStore.url : null);
  const storage = await openStorage(config);
  try {
    if (readUrl) {
      const rebuilt = await rebuildPostgresReadModel(storage.store, readUrl, storage.keys);
      report('PostgreSQL, swapped in while the service kept answering', rebuilt);
    } else {
      report('embedded, in place', await rebuildInPlace(storage.store, storage.readDb, storage.keys));
    }
  } finally {
    await storage.close();
  }
}

function report(where: string, { position, milliseconds }: { position: bigint; milliseconds: number }): void {
  process.stdout.write(`netra rebuild: read model (${where}) rebuilt to position ${position} in ${milliseconds} ms\n`);
}

main().catch((error) => {
  process.stderr.write(`netra rebuild: ${operatorMessage(error)}\n`);
  process.exit(1);
});
