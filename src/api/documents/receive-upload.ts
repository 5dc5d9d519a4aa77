import busboy from 'busboy';
import type { Request } from 'express';
import { basename } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { badInput } from '../../case/case-error';
import type { DocumentContentType } from '../../case/case-vocabulary';
import { blobContext, sealStream } from '../../privacy/blob-sealing';
import type { BlobStore, StagedBlob } from '../../storage/blob-store';
import { Inspector, sniffContentType } from './sniff-content-type';

export interface ReceivedFile {
  staged: StagedBlob;
  name: string;
  sha256: string;
  size: number;
  /** Null: none of the allowed types. */
  contentType: DocumentContentType | null;
  /** The client sent more than the limit; the staged copy holds only a prefix. */
  truncated: boolean;
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: ReceivedFile | null;
  /** More than one file part came. */
  extraFiles: boolean;
}

/**
 * Reads a multipart upload as it streams in: the part named `file` is measured (SHA-256, size, the
 * bytes its type is sniffed from), sealed with the case's data key and staged in the blob store,
 * never held whole in memory. Past `maxBytes` the rest is read and dropped, so the client still gets
 * the answer; the caller refuses it.
 */
export function receiveUpload(req: Request, options: { caseId: string; key: Buffer; maxBytes: number; blobs: BlobStore }): Promise<ReceivedUpload> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: options.maxBytes, fields: 8, fieldSize: 1024, parts: 10 }, defParamCharset: 'utf8' });
  } catch {
    throw badInput('file', 'must be sent as multipart/form-data', 'document.notMultipart');
  }
  return new Promise<ReceivedUpload>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let extraFiles = false;
    let staging: Promise<ReceivedFile> | null = null;
    let fileStream: Readable | null = null;
    /** A broken upload: the staged copy is dropped (its stream fails, and the store removes what it wrote). */
    const fail = (error: unknown) => {
      fileStream?.destroy(error instanceof Error ? error : new Error(String(error)));
      if (staging) staging.then((file) => options.blobs.discard(file.staged)).catch(() => undefined);
      reject(error);
    };
    parser.on('field', (name, value) => {
      if (!(name in fields)) fields[name] = value;
    });
    parser.on('filesLimit', () => (extraFiles = true));
    parser.on('file', (name, stream: Readable & { truncated?: boolean }, info) => {
      if (name !== 'file' || staging) {
        extraFiles = extraFiles || staging !== null;
        stream.resume();
        return;
      }
      fileStream = stream;
      const inspector = new Inspector();
      const sealed = pipeline(stream, inspector, sealStream(options.key, blobContext(options.caseId)), () => undefined);
      staging = options.blobs.stage(sealed).then((staged) => ({
        staged,
        name: basename(info.filename ?? '').trim() || 'document',
        sha256: inspector.sha256,
        size: inspector.size,
        contentType: sniffContentType(inspector.head(), inspector.tail(), inspector.size),
        truncated: stream.truncated === true,
      }));
      staging.catch(() => undefined);
    });
    parser.on('error', (error) => fail(badInput('file', `the multipart body cannot be read (${(error as Error).message})`, 'document.notMultipart')));
    // A client that goes away mid-upload: nothing more will come, so the parser would wait for ever.
    req.on('aborted', () => fail(new Error('the client closed the upload before its end')));
    req.on('error', (error) => fail(error));
    parser.on('close', () => {
      if (!staging) return resolve({ fields, file: null, extraFiles });
      staging.then((file) => resolve({ fields, file, extraFiles }), reject);
    });
    req.pipe(parser);
  });
}
