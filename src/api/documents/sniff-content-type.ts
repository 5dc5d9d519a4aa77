import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { DocumentContentType } from '../../case/case-vocabulary';

/** Enough of the start for every signature, and of the end for a ZIP's central directory. */
const HEAD_BYTES = 4096;
const TAIL_BYTES = 256 * 1024;

const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'mmp4', 'MSNV']);

/**
 * The content type from the bytes alone (magic numbers), never from the client's name or header:
 * PDF, JPEG, PNG, MP4 (an `ftyp` box with an MP4 brand), and DOCX/XLSX — a ZIP whose central
 * directory holds `[Content_Types].xml` and the `word/` or `xl/` part. Anything else is null.
 */
export function sniffContentType(head: Buffer, tail: Buffer, size: number): DocumentContentType | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(4, 8).toString('latin1') === 'ftyp' && MP4_BRANDS.has(head.subarray(8, 12).toString('latin1'))) return 'video/mp4';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const names = zipNames(tail, size);
    if (!names || !names.includes('[Content_Types].xml')) return null;
    if (names.some((n) => n.startsWith('word/'))) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (names.some((n) => n.startsWith('xl/'))) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return null;
}

/** The entry names of a ZIP's central directory, when the directory lies within `tail` (the last bytes of a file of `size`). */
function zipNames(tail: Buffer, size: number): string[] | null {
  const start = size - tail.length;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) !== 0x06054b50) continue;
    const entries = tail.readUInt16LE(at + 10);
    let offset = tail.readUInt32LE(at + 16) - start;
    if (offset < 0) return null;
    const names: string[] = [];
    for (let i = 0; i < entries; i++) {
      if (offset + 46 > tail.length || tail.readUInt32LE(offset) !== 0x02014b50) return null;
      const nameLength = tail.readUInt16LE(offset + 28);
      const extra = tail.readUInt16LE(offset + 30);
      const comment = tail.readUInt16LE(offset + 32);
      names.push(tail.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
      offset += 46 + nameLength + extra + comment;
    }
    return names;
  }
  return null;
}

/** Passes the bytes on, measuring them: SHA-256, size, and the head and tail the type is sniffed from. */
export class Inspector extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;
  private headParts: Buffer[] = [];
  private headLength = 0;
  private tailParts: Buffer[] = [];
  private tailLength = 0;
  sha256 = '';

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.headLength < HEAD_BYTES) {
      this.headParts.push(chunk.subarray(0, HEAD_BYTES - this.headLength));
      this.headLength += Math.min(chunk.length, HEAD_BYTES - this.headLength);
    }
    this.tailParts.push(chunk);
    this.tailLength += chunk.length;
    while (this.tailParts.length > 1 && this.tailLength - this.tailParts[0].length >= TAIL_BYTES) this.tailLength -= this.tailParts.shift()!.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.sha256 = this.hash.digest('hex');
    done();
  }

  head(): Buffer {
    return Buffer.concat(this.headParts);
  }

  tail(): Buffer {
    const all = Buffer.concat(this.tailParts);
    return all.subarray(Math.max(0, all.length - TAIL_BYTES));
  }
}
