import { sql } from 'drizzle-orm';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { loadConfig } from '../../src/config/config';
import { blobKey } from '../../src/storage/blob-store';
import { openStorage, type Storage } from '../../src/storage/storage';
import { createThrowawayDatabase, POSTGRES_URL, type ThrowawayDatabase } from '../support/throwaway-database';

/**
 * Erasure takes a case's document bytes with its key (issue 18): at once when the key is destroyed,
 * and at the next start for bytes a crash left between the two. On the embedded store's files and
 * in PostgreSQL's table.
 */
const MASTER_KEY = randomBytes(32).toString('base64');
const SHA = 'a'.repeat(64);
const OTHER_SHA = 'b'.repeat(64);

async function store(storage: Storage, caseId: string, sha256: string): Promise<void> {
  await storage.keys.keyFor(caseId);
  const staged = await storage.blobs.stage(Readable.from([randomBytes(70_000)]));
  expect(await storage.blobs.commit(staged, blobKey(caseId, sha256))).toEqual({ created: true });
}

/** Whether the blob is there (read to its end, so no file stays open behind the test). */
async function holds(storage: Storage, key: string): Promise<boolean> {
  const stream = await storage.blobs.open(key);
  if (stream === null) return false;
  let size = 0;
  for await (const chunk of stream) size += (chunk as Buffer).length;
  return size > 0;
}

/** What a crash between the key's destruction and the bytes' removal leaves: the key gone, the bytes there. */
async function destroyKeyOnly(storage: Storage, caseId: string): Promise<void> {
  await storage.readDb.execute(sql`UPDATE netra_keys.case_keys SET wrapped_key = NULL, destroyed_at = now() WHERE case_id = ${caseId}`);
}

const kinds: Array<[string, () => Promise<{ env: Record<string, string>; files: string | null; done: () => Promise<void> }>]> = [
  [
    'embedded',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'netra-erased-blobs-'));
      return { env: { EVENT_STORE_URL: `file:${dir}` }, files: join(dir, 'documents'), done: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
];
if (POSTGRES_URL) {
  kinds.push([
    'PostgreSQL',
    async () => {
      const database: ThrowawayDatabase = await createThrowawayDatabase(2);
      return { env: { EVENT_STORE_URL: database.url }, files: null, done: () => database.drop() };
    },
  ]);
}

describe.each(kinds)('erased documents on the %s store', (_name, make) => {
  let place: Awaited<ReturnType<typeof make>>;
  beforeAll(async () => {
    place = await make();
  }, 60_000);
  afterAll(() => place.done());

  const open = () => openStorage(loadConfig({ ...place.env, NETRA_MASTER_KEY: MASTER_KEY }));

  it('destroying a case key removes its bytes at once, and only that case’s', async () => {
    const storage = await open();
    try {
      const [erased, kept] = [randomUUID(), randomUUID()];
      await store(storage, erased, SHA);
      await store(storage, erased, OTHER_SHA);
      await store(storage, kept, SHA);
      expect(await storage.blobs.caseIds()).toEqual(expect.arrayContaining([erased, kept]));

      await storage.keys.destroy(erased, new Date());

      expect(await holds(storage, blobKey(erased, SHA))).toBe(false);
      expect(await holds(storage, blobKey(erased, OTHER_SHA))).toBe(false);
      expect(await storage.blobs.caseIds()).not.toContain(erased);
      expect(await holds(storage, blobKey(kept, SHA))).toBe(true);
      if (place.files) expect(existsSync(join(place.files, erased))).toBe(false);
      // Destroying again (the projection repeats it on catch-up) is harmless.
      await storage.keys.destroy(erased, new Date());
    } finally {
      await storage.close();
    }
  }, 60_000);

  it('bytes a crash left behind a destroyed key are removed at the next start', async () => {
    const [erased, kept] = [randomUUID(), randomUUID()];
    const first = await open();
    try {
      await store(first, erased, SHA);
      await store(first, kept, SHA);
      await destroyKeyOnly(first, erased);
      expect(await holds(first, blobKey(erased, SHA))).toBe(true);
    } finally {
      await first.close();
    }
    const second = await open();
    try {
      expect(await holds(second, blobKey(erased, SHA))).toBe(false);
      expect(await holds(second, blobKey(kept, SHA))).toBe(true);
    } finally {
      await second.close();
    }
  }, 60_000);
});
