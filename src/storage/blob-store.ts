import type { Readable } from 'node:stream';

/**
 * Where documents' sealed bytes live (issue 18), behind one port: files beside the embedded store,
 * a table in the PostgreSQL database, memory for a `memory:` store — and, later, an S3-compatible
 * bucket (stage = a multipart upload under a temporary key, commit = copy to the final key if absent,
 * then delete the temporary one). The bytes reach it already sealed with the case's data key, so no
 * adapter ever holds plaintext. Keys are `<caseId>/<sha256>`: content-addressed within a case.
 */
export interface BlobStore {
  /** Writes the stream under a temporary name, durably; nothing reads it until `commit`. */
  stage(body: Readable): Promise<StagedBlob>;
  /** Makes the staged bytes the blob `key`; `created` is false when `key` already existed (the staged copy is dropped). */
  commit(staged: StagedBlob, key: string): Promise<{ created: boolean }>;
  /** Drops a staged blob that will not be committed. */
  discard(staged: StagedBlob): Promise<void>;
  /** The blob's bytes, or null when there is none. */
  open(key: string): Promise<Readable | null>;
  remove(key: string): Promise<void>;
  /** Cases that hold at least one blob (the erasure sweep holds them against the destroyed keys). */
  caseIds(): Promise<string[]>;
  /** Removes every blob of the case, staged copies aside: erasure. Idempotent. */
  removeCase(caseId: string): Promise<void>;
  /** For logs and the README: where the blobs are. */
  readonly describe: string;
}

export interface StagedBlob {
  /** The adapter's name for the staged bytes (a temporary file, row or object key). */
  readonly id: string;
  /** Sealed bytes written. */
  readonly size: number;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

/** `<caseId>/<sha256>`: the same bytes attached twice to one case are stored once. */
export const blobKey = (caseId: string, sha256: string) => `${caseId}/${sha256}`;

/** Case ids are UUIDs: checked before they name a directory or a key prefix. */
export function checkedCaseId(caseId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(caseId)) throw new Error('not a case id');
  return caseId;
}
