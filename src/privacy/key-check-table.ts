import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ReadDb } from '../storage/read-db';

/**
 * The master key's check value (a KCV): HMAC-SHA-256 of a fixed label under the key. It is kept
 * beside the wrapped data keys (`netra_keys.master_key_check`) and says whether a key is the one the
 * store was sealed with, without holding the key or anything that opens data.
 */
const LABEL = 'netra master key check v1';

export const keyCheckValue = (key: Buffer): string => createHmac('sha256', key).update(LABEL).digest('hex');

export async function ensureKeyCheckTable(db: ReadDb): Promise<void> {
  await db.execute(sql`CREATE SCHEMA IF NOT EXISTS netra_keys`);
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS netra_keys.master_key_check (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      check_value text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
}

export async function storedKeyCheck(db: ReadDb): Promise<string | null> {
  const { rows } = (await db.execute(sql`SELECT check_value FROM netra_keys.master_key_check`)) as unknown as { rows: Array<{ check_value: string }> };
  return rows[0]?.check_value ?? null;
}
