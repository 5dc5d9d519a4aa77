import { loadConfig } from '../config/config';
import { rebuildInPlace, rebuildPostgresReadModel } from '../oversight/projection/rebuild';
import { openStorage } from '../storage/storage';
import { rebuildInbox } from '../inbox/inbox-projection';
import { createInboxTables } from '../inbox/inbox-tables';
import { operatorMessage } from '../observability/loggable-error';

/**
 * `npm run rebuild`: rebuilds the read model, then the inbox, from the event store named by EVENT_STORE_URL.
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
    // The inbox is a projection of its own (src/inbox): rebuilt in place; its read marks stay.
    const started = Date.now();
    await createInboxTables(storage.readDb);
    const position = await rebuildInbox(storage.store, storage.readDb);
    process.stdout.write(`netra rebuild: inbox rebuilt to position ${position} in ${Date.now() - started} ms\n`);
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
