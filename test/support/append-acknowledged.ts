/**
 * For the durability test, run under strace: appends argv[3] events to the embedded store in
 * argv[2] (sync as NETRA_EMBEDDED_SYNC says, on PGlite's worker thread as the server runs it unless
 * NETRA_EMBEDDED_THREAD=main), and after each acknowledged append writes
 * `ack <n>` to the file `ack-marker` beside the store, so the trace shows each acknowledgement.
 */
import { randomUUID } from 'node:crypto';
import { openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { openEmbedded } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';

async function main(): Promise<void> {
  const [dir, count] = [process.argv[2], Number(process.argv[3])];
  const { embeddedSync, embeddedThread } = loadConfig({ NETRA_EMBEDDED_SYNC: process.env.NETRA_EMBEDDED_SYNC, NETRA_EMBEDDED_THREAD: process.env.NETRA_EMBEDDED_THREAD });
  const { pglite, sync } = await openEmbedded(dir, { sync: embeddedSync, thread: embeddedThread });
  const store = new PgliteEventStore(pglite, { afterCommit: sync });
  await store.init();
  const marker = openSync(join(dir, '..', 'ack-marker'), 'w');
  writeSync(marker, 'start\n');
  for (let n = 1; n <= count; n++) {
    const event = { id: randomUUID(), type: 'Appended', data: { n, padding: 'x'.repeat(200) }, metadata: { commandId: `c-${n}`, agency: 'BAWASLU', userId: 'u', recordedAt: new Date().toISOString() } };
    await store.append(`stream-${n % 7}`, [event], 'any');
    writeSync(marker, `ack ${n}\n`);
  }
  await store.close();
  await pglite.close();
}

void main();
