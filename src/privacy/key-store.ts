import { sql } from 'drizzle-orm';
import type { ReadDb } from '../storage/read-db';
import { ensureKeyCheckTable, storedKeyCheck } from './key-check-table';
import { newDataKey, unwrapKey, wrapKey } from './sealing';

/**
 * Per-case data keys, wrapped by the master key, in a table of their own (schema `netra_keys`)
 * beside the events they unlock — never in the rebuildable read model. Destroying a case's key
 * (crypto-shredding) makes its sealed personal data unreadable everywhere, in every copy of the log.
 */
export interface KeyStoreOptions {
  /**
   * The key table is in the event store's own PostgreSQL database, so keys and events share one
   * WAL: a key made for an append (`keyFor(caseId, { forAppend: true })`) commits without waiting
   * for its own flush, because the append that uses it commits after it, synchronously, and a flush
   * reaches everything written before. Never where the keys live on another server than the log.
   */
  flushedByTheLog?: boolean;
}

export class KeyStore {
  private ready: Promise<unknown> | null = null;
  private readonly destroyedHooks: Array<(caseId: string) => Promise<void>> = [];

  constructor(
    private readonly db: ReadDb,
    private readonly master: Buffer,
    private readonly options: KeyStoreOptions = {},
  ) {}

  init(): Promise<unknown> {
    this.ready ??= (async () => {
      await this.db.execute(sql`CREATE SCHEMA IF NOT EXISTS netra_keys`);
      await this.db.execute(sql`
        CREATE TABLE IF NOT EXISTS netra_keys.case_keys (case_id text PRIMARY KEY, wrapped_key text, destroyed_at timestamptz)`);
      // ANALYZE would copy sample keys into pg_statistic, where destroying a key cannot reach them.
      await this.db.execute(sql`ALTER TABLE netra_keys.case_keys ALTER COLUMN wrapped_key SET STATISTICS 0`);
    })();
    return this.ready;
  }

  /**
   * The case's data key, made on first use; a destroyed key is never made again. `forAppend`: the
   * key seals events about to be appended, and nothing else is kept sealed with it before they are
   * (flushedByTheLog).
   */
  async keyFor(caseId: string, { forAppend = false }: { forAppend?: boolean } = {}): Promise<Buffer | null> {
    await this.init();
    const wrapped = wrapKey(this.master, newDataKey(), caseId);
    // The statement's own transaction commits without a flush: the append's commit, later in the same WAL, flushes it.
    const row = forAppend && this.options.flushedByTheLog
      ? sql`SELECT ${caseId}::text, ${wrapped}::text FROM (SELECT set_config('synchronous_commit', 'off', true)) AS unflushed`
      : sql`VALUES (${caseId}, ${wrapped})`;
    // One round trip for the usual answers: the key just made, or the one the case already had.
    const result = (await this.db.execute(sql`
      WITH made AS (
        INSERT INTO netra_keys.case_keys (case_id, wrapped_key) ${row} ON CONFLICT (case_id) DO NOTHING RETURNING wrapped_key)
      SELECT wrapped_key FROM made
      UNION ALL SELECT wrapped_key FROM netra_keys.case_keys WHERE case_id = ${caseId} AND wrapped_key IS NOT NULL`)) as unknown as { rows: Array<{ wrapped_key: string }> };
    if (result.rows.length > 0) return unwrapKey(this.master, result.rows[0].wrapped_key, caseId);
    // Nothing: destroyed, or another writer's key committed after this statement's snapshot was taken
    // (its insert made ours do nothing); a statement of its own sees it.
    return (await this.keys([caseId])).get(caseId) ?? null;
  }

  /** Existing, undestroyed keys of these cases. */
  async keys(caseIds: readonly string[]): Promise<Map<string, Buffer>> {
    await this.init();
    if (caseIds.length === 0) return new Map();
    const result = (await this.db.execute(
      sql`SELECT case_id, wrapped_key FROM netra_keys.case_keys WHERE wrapped_key IS NOT NULL AND case_id IN (${sql.join(caseIds.map((id) => sql`${id}`), sql`, `)})`,
    )) as unknown as { rows: Array<{ case_id: string; wrapped_key: string }> };
    return new Map(result.rows.map((row) => [row.case_id, unwrapKey(this.master, row.wrapped_key, row.case_id)]));
  }

  /** Which of these cases had their key destroyed (erased). */
  async destroyed(caseIds: readonly string[]): Promise<Set<string>> {
    await this.init();
    if (caseIds.length === 0) return new Set();
    const result = (await this.db.execute(
      sql`SELECT case_id FROM netra_keys.case_keys WHERE destroyed_at IS NOT NULL AND case_id IN (${sql.join(caseIds.map((id) => sql`${id}`), sql`, `)})`,
    )) as unknown as { rows: Array<{ case_id: string }> };
    return new Set(result.rows.map((row) => row.case_id));
  }

  /**
   * Crypto-shredding: the wrapped key is overwritten; the row stays as the record that it was destroyed.
   * The overwritten row version still holds the wrapped key in the table file until `vacuum`: with the
   * master key, a surviving copy would open everything again.
   */
  async destroy(caseId: string, at: Date): Promise<void> {
    await this.init();
    await this.db.execute(sql`
      INSERT INTO netra_keys.case_keys (case_id, wrapped_key, destroyed_at) VALUES (${caseId}, NULL, ${at.toISOString()}::timestamptz)
      ON CONFLICT (case_id) DO UPDATE SET wrapped_key = NULL, destroyed_at = coalesce(netra_keys.case_keys.destroyed_at, excluded.destroyed_at)
      WHERE netra_keys.case_keys.wrapped_key IS NOT NULL OR netra_keys.case_keys.destroyed_at IS NULL`);
    for (const hook of this.destroyedHooks) await hook(caseId);
  }

  /**
   * What else goes with a destroyed key (the case's documents' bytes): run after every `destroy`,
   * which the writer and the projection both call, so a hook must be idempotent and must not throw.
   */
  onDestroyed(hook: (caseId: string) => Promise<void>): void {
    this.destroyedHooks.push(hook);
  }

  /** Rewrites the key table, so destroyed keys' old row versions are gone from its file (README, "Erasure"). */
  async vacuum(): Promise<void> {
    await this.init();
    await this.db.execute(sql`VACUUM FULL netra_keys.case_keys`);
  }
}

/**
 * Moves the wrapped keys (and destruction records) with a copied history; they stay wrapped by the
 * same master key, so the key check value goes with them, and a target sealed under another key is refused.
 */
export async function copyKeys(from: ReadDb, to: ReadDb): Promise<number> {
  const source = new KeyStore(from, Buffer.alloc(32));
  const target = new KeyStore(to, Buffer.alloc(32));
  // One database's tables one after the other: two CREATE SCHEMA IF NOT EXISTS of one schema on two
  // connections at once race in PostgreSQL (the loser fails on pg_namespace's unique index).
  const prepare = async (store: KeyStore, db: ReadDb) => {
    await store.init();
    await ensureKeyCheckTable(db);
  };
  await Promise.all([prepare(source, from), prepare(target, to)]);
  const [check, targetCheck] = [await storedKeyCheck(from), await storedKeyCheck(to)];
  if (check !== null && targetCheck !== null && check !== targetCheck) {
    throw new Error('the target store is sealed under another master key (its key check value differs): copy into an empty store');
  }
  if (check !== null) await to.execute(sql`INSERT INTO netra_keys.master_key_check (check_value) VALUES (${check}) ON CONFLICT DO NOTHING`);
  const { rows } = (await from.execute(sql`SELECT case_id, wrapped_key, destroyed_at FROM netra_keys.case_keys ORDER BY case_id`)) as unknown as {
    rows: Array<{ case_id: string; wrapped_key: string | null; destroyed_at: string | Date | null }>;
  };
  for (const row of rows) {
    const destroyed = row.destroyed_at === null ? null : new Date(row.destroyed_at).toISOString();
    // A destruction is never undone by a copy: a key destroyed on either side stays destroyed.
    await to.execute(sql`
      INSERT INTO netra_keys.case_keys (case_id, wrapped_key, destroyed_at) VALUES (${row.case_id}, ${row.wrapped_key}, ${destroyed}::timestamptz)
      ON CONFLICT (case_id) DO UPDATE SET
        wrapped_key = CASE WHEN netra_keys.case_keys.destroyed_at IS NULL AND excluded.destroyed_at IS NULL THEN excluded.wrapped_key END,
        destroyed_at = coalesce(netra_keys.case_keys.destroyed_at, excluded.destroyed_at)`);
  }
  return rows.length;
}

export const KEY_STORE = Symbol('KEY_STORE');
