import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, open, readdir, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkedCaseId, type BlobStore, type StagedBlob } from './blob-store';

/**
 * Blobs as files under `<dir>/<caseId>/<sha256>` (the embedded store's `DIR/documents`): written to a
 * temporary file, fsynced, then linked to the final name (which fails if it exists: never overwritten),
 * and the directory fsynced, so an acknowledged document survives a crash whole or not at all.
 */
export class FileBlobStore implements BlobStore {
  readonly describe: string;

  constructor(private readonly dir: string) {
    this.describe = `files under ${dir}`;
  }

  async stage(body: Readable): Promise<StagedBlob> {
    const tmp = join(this.dir, '.staging');
    await mkdir(tmp, { recursive: true });
    const id = join(tmp, randomUUID());
    try {
      await pipeline(body, createWriteStream(id, { flags: 'wx', mode: 0o600 }));
      await fsync(id);
      return { id, size: (await stat(id)).size };
    } catch (error) {
      await rm(id, { force: true });
      throw error;
    }
  }

  async commit(staged: StagedBlob, key: string): Promise<{ created: boolean }> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    try {
      await link(staged.id, target);
      await fsync(dirname(target));
      return { created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return { created: false };
    } finally {
      await rm(staged.id, { force: true });
    }
  }

  async discard(staged: StagedBlob): Promise<void> {
    await rm(staged.id, { force: true });
  }

  async open(key: string): Promise<Readable | null> {
    const path = this.path(key);
    try {
      await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return createReadStream(path);
  }

  async remove(key: string): Promise<void> {
    await unlink(this.path(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  async caseIds(): Promise<string[]> {
    const names = await readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    return names.filter((name) => /^[0-9a-f-]{36}$/.test(name));
  }

  async removeCase(caseId: string): Promise<void> {
    const dir = join(this.dir, checkedCaseId(caseId));
    try {
      await stat(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await rm(dir, { recursive: true, force: true });
    // A backup being taken holds links to the case's files (embedded-backup.ts): they go too.
    for (const name of await readdir(this.dir)) {
      if (name.startsWith('.backup-')) await rm(join(this.dir, name, caseId), { recursive: true, force: true });
    }
    await fsync(this.dir);
  }

  /** Keys are `<uuid>/<hex>`: checked, so no key can name a path outside the directory. */
  private path(key: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f]{64}$/.test(key)) throw new Error('not a blob key');
    return join(this.dir, key);
  }
}

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A `memory:` store's blobs: gone with the process, like its events. */
export class MemoryBlobStore implements BlobStore {
  readonly describe = 'memory';
  private readonly staged = new Map<string, Buffer>();
  private readonly blobs = new Map<string, Buffer>();

  async stage(body: Readable): Promise<StagedBlob> {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    const id = randomUUID();
    const bytes = Buffer.concat(chunks);
    this.staged.set(id, bytes);
    return { id, size: bytes.length };
  }

  async commit(staged: StagedBlob, key: string): Promise<{ created: boolean }> {
    const bytes = this.staged.get(staged.id);
    this.staged.delete(staged.id);
    if (this.blobs.has(key)) return { created: false };
    if (!bytes) throw new Error('no such staged blob');
    this.blobs.set(key, bytes);
    return { created: true };
  }

  async discard(staged: StagedBlob): Promise<void> {
    this.staged.delete(staged.id);
  }

  async open(key: string): Promise<Readable | null> {
    const bytes = this.blobs.get(key);
    return bytes ? Readable.from([bytes]) : null;
  }

  async remove(key: string): Promise<void> {
    this.blobs.delete(key);
  }

  async caseIds(): Promise<string[]> {
    return [...new Set([...this.blobs.keys()].map((key) => key.split('/')[0]))];
  }

  async removeCase(caseId: string): Promise<void> {
    for (const key of [...this.blobs.keys()]) if (key.startsWith(`${caseId}/`)) this.blobs.delete(key);
  }

  /** Tests only: the stored (sealed) bytes, to change one. */
  raw(key: string): Buffer | undefined {
    return this.blobs.get(key);
  }
}
