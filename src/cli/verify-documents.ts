import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DocumentAttached } from '../case/attaching-document/attach-document';
import type { EventStore } from '../event-store/event-store';
import { LogCursor } from '../ledger/log-cursor';
import { blobContext, openStream } from '../privacy/blob-sealing';
import type { KeyStore } from '../privacy/key-store';
import { blobKey, type BlobStore } from '../storage/blob-store';

export type DocumentProblem = 'missing' | 'damaged' | 'changed';

export interface DocumentsReport {
  ok: boolean;
  /** Documents whose bytes were opened and hashed. */
  checked: number;
  /** Documents of erased cases: their key is destroyed, so their bytes cannot (and need not) be checked. */
  erased: number;
  problems: Array<{ caseId: string; documentId: string; position: string; problem: DocumentProblem; detail: string }>;
}

/**
 * The documents' half of `npm run verify`: every DocumentAttached in the log names a SHA-256 and a
 * size, which the ledger's hash chain covers; here the stored bytes are opened with the case's key
 * and held against them. A blob that is gone is `missing`, one whose sealed bytes were changed does
 * not open (`damaged`: each segment is authenticated), and one that opens to other bytes is `changed`.
 */
export async function verifyDocuments(store: EventStore, keys: KeyStore | null, blobs: BlobStore): Promise<DocumentsReport> {
  const attached: Array<{ position: bigint; data: DocumentAttached['data'] }> = [];
  const cursor = new LogCursor(store, 0n);
  for (let event = await cursor.next(); event; event = await cursor.next()) {
    if (event.type === 'DocumentAttached') attached.push({ position: event.position, data: event.data as unknown as DocumentAttached['data'] });
  }
  const report: DocumentsReport = { ok: true, checked: 0, erased: 0, problems: [] };
  if (attached.length === 0) return report;
  if (keys === null) throw new Error('the log holds documents, but no master key opens them: set NETRA_MASTER_KEY (or keep the key file beside the store)');
  const caseKeys = await keys.keys([...new Set(attached.map((a) => a.data.caseId))]);
  for (const { position, data } of attached) {
    const key = caseKeys.get(data.caseId);
    if (!key) {
      report.erased++;
      continue;
    }
    const problem = (kind: DocumentProblem, detail: string) =>
      report.problems.push({ caseId: data.caseId, documentId: data.documentId, position: position.toString(), problem: kind, detail });
    const blob = await blobs.open(blobKey(data.caseId, data.sha256));
    if (!blob) {
      problem('missing', `no stored bytes for SHA-256 ${data.sha256}`);
      continue;
    }
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        blob,
        openStream(key, blobContext(data.caseId)),
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            hash.update(chunk);
            size += chunk.length;
            done();
          },
        }),
      );
    } catch (error) {
      problem('damaged', `the stored bytes do not open with the case's key: ${(error as Error).message}`);
      continue;
    }
    const sha256 = hash.digest('hex');
    if (sha256 !== data.sha256 || size !== data.size) problem('changed', `stored bytes hash to ${sha256} (${size} bytes); the ledger records ${data.sha256} (${data.size} bytes)`);
    else report.checked++;
  }
  report.ok = report.problems.length === 0;
  return report;
}
