import { drizzle } from 'drizzle-orm/node-postgres';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { Readable } from 'node:stream';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { blobKey, type BlobStore } from '../../src/storage/blob-store';
import { copyBlobs } from '../../src/cli/copy-blobs';
import { FileBlobStore, MemoryBlobStore } from '../../src/storage/file-blob-store';
import type { ReadDb } from '../../src/storage/read-db';
import { SqlBlobStore } from '../../src/storage/sql-blob-store';
import { createThrowawayDatabase, POSTGRES_URL, type ThrowawayDatabase } from '../support/throwaway-database';

/** `npm run copy` carries documents' sealed bytes with the events that name them (issue 18). */
async function read(blobs: BlobStore, key: string): Promise<Buffer | null> {
  const stream = await blobs.open(key);
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('copying documents between stores', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netra-copy-blobs-'));
  let database: ThrowawayDatabase | null = null;
  let pool: Pool | null = null;
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies each named blob once, skips what the target has, counts what the source lacks, and runs again idempotently', async () => {
    const pglite = await openPglite('memory:');
    const log = new PgliteEventStore(pglite);
    await log.init();
    const source = new MemoryBlobStore();
    const sealed = [randomBytes(150_000), randomBytes(10)];
    const [one, two, lost] = [randomUUID(), randomUUID(), randomUUID()];
    const attach = async (caseId: string, sha256: string, bytes: Buffer | null) => {
      if (bytes) await source.commit(await source.stage(Readable.from([bytes])), blobKey(caseId, sha256));
      await log.append(`case-${caseId}`, [{ id: randomUUID(), type: 'DocumentAttached', data: { caseId, sha256, documentId: randomUUID() }, metadata: { commandId: randomUUID(), agency: 'BAWASLU', userId: 'test', recordedAt: new Date().toISOString() } }], 'any');
    };
    await attach(one, 'a'.repeat(64), sealed[0]);
    await attach(one, 'a'.repeat(64), null); // the same bytes attached twice: stored once
    await attach(two, 'b'.repeat(64), sealed[1]);
    await attach(lost, 'c'.repeat(64), null); // the source lost these bytes

    const targets: BlobStore[] = [new FileBlobStore(join(dir, 'documents'))];
    if (POSTGRES_URL) {
      database = await createThrowawayDatabase(2);
      pool = new Pool({ connectionString: database.url, max: 2 });
      const sqlBlobs = new SqlBlobStore(drizzle(pool) as unknown as ReadDb);
      await sqlBlobs.init();
      targets.push(sqlBlobs);
    }
    try {
      for (const target of targets) {
        expect(await copyBlobs(log, source, target)).toEqual({ copied: 2, present: 0, missing: 1 });
        expect(await read(target, blobKey(one, 'a'.repeat(64)))).toEqual(sealed[0]);
        expect(await read(target, blobKey(two, 'b'.repeat(64)))).toEqual(sealed[1]);
        expect(await read(target, blobKey(lost, 'c'.repeat(64)))).toBeNull();
        expect(await copyBlobs(log, source, target)).toEqual({ copied: 0, present: 2, missing: 1 });
      }
    } finally {
      await pglite.close();
    }
  }, 60_000);
});
