import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbedded } from '../event-store/pglite/open-pglite';
import { PgliteEventStore } from '../event-store/pglite/pglite-event-store';
import { latency, round, type Latency } from './stats';

export interface DurableAppendResult {
  sync: 'on' | 'off';
  appends: number;
  perSecond: number;
  latencyMs: Latency;
}

/**
 * What the embedded store's fsync of the WAL after each append costs (NETRA_EMBEDDED_SYNC): the
 * same single-event appends, one at a time, on a fresh directory with the sync on and off.
 */
export async function durableAppendCost(appends: number): Promise<DurableAppendResult[]> {
  const results: DurableAppendResult[] = [];
  for (const sync of ['off', 'on'] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'netra-bench-sync-'));
    try {
      const embedded = await openEmbedded(dir, { sync: sync === 'on' });
      const store = new PgliteEventStore(embedded.pglite, { afterCommit: embedded.sync });
      await store.init();
      const ms: number[] = [];
      const started = performance.now();
      for (let n = 0; n < appends; n++) {
        const event = { id: randomUUID(), type: 'BenchAppended', data: { n, text: 'x'.repeat(600) }, metadata: { commandId: `bench-${n}`, agency: 'BAWASLU', userId: 'bench', recordedAt: new Date().toISOString() } };
        const t = performance.now();
        await store.append(`bench-${n}`, [event], 'no_stream');
        ms.push(performance.now() - t);
      }
      const seconds = (performance.now() - started) / 1000;
      results.push({ sync, appends, perSecond: round(appends / seconds, 1), latencyMs: latency(ms) });
      await embedded.pglite.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}
