import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { checkedCaseId, type BlobStore, type StagedBlob } from './blob-store';
import type { ReadDb } from './read-db';

/** Rows of at most 1 MiB: each insert stays small, and a download reads one row at a time. */
const CHUNK = 1024 * 1024;

type Rows<T> = { rows: T[] };

/**
 * Blobs in the PostgreSQL database that holds the events (schema `netra_documents`), in rows of
 * 1 MiB: staged under a temporary key, committed in one transaction that claims the final key —
 * so a backup of the database carries the documents with the events that name them.
 */
export class SqlBlobStore implements BlobStore {
  readonly describe = 'PostgreSQL (netra_documents.blob_chunks)';
  private ready: Promise<unknown> | null = null;

  constructor(private readonly db: ReadDb) {}

  init(): Promise<unknown> {
    this.ready ??= (async () => {
      await this.db.execute(sql`CREATE SCHEMA IF NOT EXISTS netra_documents`);
      await this.db.execute(sql`CREATE TABLE IF NOT EXISTS netra_documents.blobs (key text PRIMARY KEY, committed_at timestamptz NOT NULL DEFAULT now())`);
      await this.db.execute(sql`
        CREATE TABLE IF NOT EXISTS netra_documents.blob_chunks (key text NOT NULL, seq integer NOT NULL, bytes bytea NOT NULL, PRIMARY KEY (key, seq))`);
    })();
    return this.ready;
  }

  async stage(body: Readable): Promise<StagedBlob> {
    await this.init();
    const id = `staging:${randomUUID()}`;
    let seq = 0;
    let size = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      const bytes = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      await this.db.execute(sql`INSERT INTO netra_documents.blob_chunks (key, seq, bytes) VALUES (${id}, ${seq++}, ${bytes})`);
    };
    try {
      for await (const chunk of body) {
        const buffer = chunk as Buffer;
        pending.push(buffer);
        pendingBytes += buffer.length;
        size += buffer.length;
        if (pendingBytes >= CHUNK) await flush();
      }
      if (pendingBytes > 0 || seq === 0) await flush();
      return { id, size };
    } catch (error) {
      await this.discard({ id, size }).catch(() => undefined);
      throw error;
    }
  }

  async commit(staged: StagedBlob, key: string): Promise<{ created: boolean }> {
    await this.init();
    return this.db.transaction(async (tx) => {
      const claimed = (await tx.execute(sql`INSERT INTO netra_documents.blobs (key) VALUES (${key}) ON CONFLICT DO NOTHING RETURNING key`)) as unknown as Rows<{ key: string }>;
      if (claimed.rows.length === 0) {
        await tx.execute(sql`DELETE FROM netra_documents.blob_chunks WHERE key = ${staged.id}`);
        return { created: false };
      }
      await tx.execute(sql`UPDATE netra_documents.blob_chunks SET key = ${key} WHERE key = ${staged.id}`);
      return { created: true };
    });
  }

  async discard(staged: StagedBlob): Promise<void> {
    await this.init();
    await this.db.execute(sql`DELETE FROM netra_documents.blob_chunks WHERE key = ${staged.id}`);
  }

  async open(key: string): Promise<Readable | null> {
    await this.init();
    const found = (await this.db.execute(sql`SELECT count(*)::int AS n FROM netra_documents.blob_chunks WHERE key = ${key}`)) as unknown as Rows<{ n: number }>;
    const count = found.rows[0]?.n ?? 0;
    if (count === 0) return null;
    const db = this.db;
    return Readable.from(
      (async function* () {
        for (let seq = 0; seq < count; seq++) {
          const row = (await db.execute(sql`SELECT bytes FROM netra_documents.blob_chunks WHERE key = ${key} AND seq = ${seq}`)) as unknown as Rows<{ bytes: Buffer | Uint8Array }>;
          if (!row.rows[0]) throw new Error(`blob ${key} lacks its part ${seq}`);
          yield Buffer.from(row.rows[0].bytes);
        }
      })(),
    );
  }

  async remove(key: string): Promise<void> {
    await this.init();
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`DELETE FROM netra_documents.blob_chunks WHERE key = ${key}`);
      await tx.execute(sql`DELETE FROM netra_documents.blobs WHERE key = ${key}`);
    });
  }

  async caseIds(): Promise<string[]> {
    await this.init();
    const result = (await this.db.execute(sql`SELECT DISTINCT split_part(key, '/', 1) AS case_id FROM netra_documents.blobs`)) as unknown as Rows<{ case_id: string }>;
    return result.rows.map((row) => row.case_id);
  }

  async removeCase(caseId: string): Promise<void> {
    await this.init();
    const prefix = `${checkedCaseId(caseId)}/%`;
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`DELETE FROM netra_documents.blob_chunks WHERE key LIKE ${prefix}`);
      await tx.execute(sql`DELETE FROM netra_documents.blobs WHERE key LIKE ${prefix}`);
    });
  }
}
