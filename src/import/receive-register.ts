import busboy from 'busboy';
import type { Request } from 'express';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { badInput } from '../case/case-error';

const MB = 1024 * 1024;

/**
 * The register of a multipart upload (part `file`), read as it streams in up to `maxBytes` — an XLSX
 * must be whole before it can be opened, so the file is held in memory, never more than the limit;
 * past it the rest is read and dropped, so the client still gets its answer.
 */
export function receiveRegister(req: Request, maxBytes: number): Promise<{ bytes: Buffer; name: string; fields: Record<string, string> }> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 8, fieldSize: 1024, parts: 10 }, defParamCharset: 'utf8' });
  } catch {
    throw badInput('file', 'must be sent as multipart/form-data', 'document.notMultipart');
  }
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let name: string | null = null;
    let truncated = false;
    parser.on('field', (field, value) => {
      if (!(field in fields)) fields[field] = value;
    });
    parser.on('file', (field, stream: Readable & { truncated?: boolean }, info) => {
      if (field !== 'file' || name !== null) return void stream.resume();
      name = basename(info.filename ?? '').trim() || 'register';
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (truncated = true));
    });
    parser.on('error', (error) => reject(badInput('file', `the multipart body cannot be read (${(error as Error).message})`, 'document.notMultipart')));
    req.on('aborted', () => reject(new Error('the client closed the upload before its end')));
    parser.on('close', () => {
      if (name === null) return reject(badInput('file', 'is missing: send the register as the multipart part named "file"', 'import.fileMissing'));
      if (truncated) return reject(badInput('file', `is larger than the limit of ${maxBytes / MB} MB (IMPORT_MAX_MB)`, 'import.tooLarge', { maxBytes, maxMegabytes: maxBytes / MB }));
      resolve({ bytes: Buffer.concat(chunks), name, fields });
    });
    req.pipe(parser);
  });
}
