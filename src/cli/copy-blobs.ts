import type { EventStore } from '../event-store/event-store';
import { LogCursor } from '../ledger/log-cursor';
import { blobKey, type BlobStore } from '../storage/blob-store';

export interface BlobsCopied {
  /** Sealed files copied into the target. */
  copied: number;
  /** Already in the target (a resumed copy, or the same bytes attached twice to one case). */
  present: number;
  /** Named by the log but absent from the source: nothing to copy (`npm run verify` on the source names them). */
  missing: number;
}

/**
 * `npm run copy` carries the documents with the events that name them: for each DocumentAttached
 * in the copied log, the sealed bytes go from the source's blob store to the target's, as they are
 * (still sealed with the case's data key, which travels wrapped with the keys). Idempotent, so a
 * resumed copy skips what is already there; an erased case's bytes are gone from the source and
 * stay gone.
 */
export async function copyBlobs(log: EventStore, from: BlobStore, to: BlobStore): Promise<BlobsCopied> {
  const report: BlobsCopied = { copied: 0, present: 0, missing: 0 };
  const seen = new Set<string>();
  const cursor = new LogCursor(log, 0n);
  for (let event = await cursor.next(); event; event = await cursor.next()) {
    if (event.type !== 'DocumentAttached') continue;
    const key = blobKey(String(event.data.caseId), String(event.data.sha256));
    if (seen.has(key)) continue;
    seen.add(key);
    const existing = await to.open(key);
    if (existing) {
      existing.destroy();
      report.present++;
      continue;
    }
    const bytes = await from.open(key);
    if (!bytes) {
      report.missing++;
      continue;
    }
    const staged = await to.stage(bytes);
    const { created } = await to.commit(staged, key);
    if (created) report.copied++;
    else report.present++;
  }
  return report;
}
