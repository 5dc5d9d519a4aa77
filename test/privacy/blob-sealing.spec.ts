import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { blobContext, openStream, sealStream } from '../../src/privacy/blob-sealing';

const KEY = randomBytes(32);
const CONTEXT = blobContext('3f6c2a10-1673-4b8e-9d2a-5a1c00000001');

async function through(bytes: Buffer, transform: NodeJS.ReadWriteStream, chunk = 10_000): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  const out: Buffer[] = [];
  await pipeline(Readable.from(parts.length ? parts : [Buffer.alloc(0)]), transform, new Writable({ write: (c: Buffer, _e, done) => (out.push(c), done()) }));
  return Buffer.concat(out);
}

const seal = (bytes: Buffer) => through(bytes, sealStream(KEY, CONTEXT), 7_777);
const open = (sealed: Buffer, key = KEY, context = CONTEXT) => through(sealed, openStream(key, context), 5_000);

describe('sealing a document’s bytes', () => {
  const plain = randomBytes(300 * 1024 + 17);

  it('opens to the same bytes whatever the chunking, and holds none of them in the clear', async () => {
    const sealed = await seal(plain);
    expect((await open(sealed)).equals(plain)).toBe(true);
    expect(sealed.includes(plain.subarray(1000, 1064))).toBe(false);
  });

  it('an empty file seals and opens too', async () => {
    expect((await open(await seal(Buffer.alloc(0)))).length).toBe(0);
  });

  it('one changed byte, a cut-off tail, another case or another key: it does not open', async () => {
    const sealed = await seal(plain);
    const changed = Buffer.from(sealed);
    changed[150_000] ^= 1;
    await expect(open(changed)).rejects.toThrow();
    // Whole segments dropped from the end: the last one left is not marked last.
    await expect(open(sealed.subarray(0, 13 + 2 * (5 + 12 + 65536 + 16)))).rejects.toThrow(/cut off/);
    await expect(open(sealed, KEY, blobContext('another-case'))).rejects.toThrow();
    await expect(open(sealed, randomBytes(32))).rejects.toThrow();
  });
});
