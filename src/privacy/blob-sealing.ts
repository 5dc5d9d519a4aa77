import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * A document's bytes sealed with the case's data key (AES-256-GCM), in segments of 64 KiB so that
 * neither side holds the whole file and a reader never passes on a byte that was not authenticated.
 * Each segment is `[flag][length u32][iv 12][ciphertext][tag 16]`; its additional data binds it to
 * the case, its index and whether it is the last, so segments cannot be reordered, dropped or the
 * tail cut off without the reader noticing. Once the key is destroyed (erasure) nothing opens them.
 */
const SEGMENT = 64 * 1024;
const MAGIC = Buffer.from('NETRA-BLOB-1\n');
const ALGORITHM = 'aes-256-gcm';

const aad = (context: string, index: number, last: boolean) => Buffer.from(`${context}:${index}:${last ? 1 : 0}`);

export const blobContext = (caseId: string) => `document:${caseId}`;

/** Plaintext in, sealed segments out. */
export function sealStream(key: Buffer, context: string): Transform {
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  const segment = (plain: Buffer, last: boolean): Buffer => {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, key, iv);
    cipher.setAAD(aad(context, index++, last));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const head = Buffer.alloc(5);
    head.writeUInt8(last ? 1 : 0, 0);
    head.writeUInt32BE(body.length, 1);
    return Buffer.concat([head, iv, body, cipher.getAuthTag()]);
  };
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (!started) (this.push(MAGIC), (started = true));
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length > SEGMENT) {
        this.push(segment(pending.subarray(0, SEGMENT), false));
        pending = pending.subarray(SEGMENT);
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(MAGIC);
      this.push(segment(pending, true));
      done();
    },
  });
}

/** Sealed segments in, plaintext out; fails (and passes nothing more) on any segment that does not open, and on a cut-off tail. */
export function openStream(key: Buffer, context: string): Transform {
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  let magicSeen = false;
  let ended = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      try {
        if (!magicSeen) {
          if (pending.length < MAGIC.length) return done();
          if (!pending.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a sealed document');
          pending = pending.subarray(MAGIC.length);
          magicSeen = true;
        }
        while (pending.length >= 5) {
          const length = pending.readUInt32BE(1);
          const total = 5 + 12 + length + 16;
          if (pending.length < total) break;
          if (ended) throw new Error('bytes after the last segment');
          const last = pending.readUInt8(0) === 1;
          const decipher = createDecipheriv(ALGORITHM, key, pending.subarray(5, 17));
          decipher.setAAD(aad(context, index++, last));
          decipher.setAuthTag(pending.subarray(17 + length, total));
          this.push(Buffer.concat([decipher.update(pending.subarray(17, 17 + length)), decipher.final()]));
          pending = pending.subarray(total);
          ended = last;
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      done(ended && pending.length === 0 ? null : new Error('the sealed document is cut off'));
    },
  });
}
