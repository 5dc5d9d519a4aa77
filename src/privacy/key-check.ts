import { sql } from 'drizzle-orm';
import { ConfigError } from '../config/config';
import type { ReadDb } from '../storage/read-db';
import { ensureKeyCheckTable, keyCheckValue, storedKeyCheck } from './key-check-table';
import { KeyStore, type KeyStoreOptions } from './key-store';
import type { MasterKey } from './master-key';
import { unwrapKey } from './sealing';

/** The first 8 hex digits, as check values are quoted: enough to tell two keys apart, nothing to attack. */
const short = (check: string) => `${check.slice(0, 8)}…`;

/**
 * Opens the key store only with the key the store's data was sealed with. Refused, in one line
 * naming the key (NETRA_MASTER_KEY or the key file): a key that does not match the recorded check
 * value (or, for a store from before check values, cannot unwrap its data keys), and a missing key
 * file for a store that holds data. A new key file is written only for a store that holds nothing.
 */
export async function openKeyStore(db: ReadDb, master: MasterKey, storeHasEvents: () => Promise<boolean>, options: KeyStoreOptions = {}): Promise<KeyStore> {
  await ensureKeyCheckTable(db);
  const stored = await storedKeyCheck(db);
  let key = master.key;
  if (stored === null) {
    const sample = await sampleWrappedKey(db);
    const holdsData = sample !== null || (await storeHasEvents());
    if (holdsData && master.create) throw missing(master, 'sealed with a master key');
    if (sample && !opens(key, sample)) {
      throw new ConfigError(master.name, `does not open this store's data keys (key check ${short(keyCheckValue(key))}): set the master key the store was created with`);
    }
    if (master.create) key = master.create();
    await db.execute(sql`INSERT INTO netra_keys.master_key_check (check_value) VALUES (${keyCheckValue(key)}) ON CONFLICT DO NOTHING`);
  }
  const recorded = (await storedKeyCheck(db))!;
  if (master.create && stored !== null) throw missing(master, `sealed with the master key whose check value is ${short(recorded)}`);
  if (keyCheckValue(key) !== recorded) {
    throw new ConfigError(
      master.name,
      `does not match the master key this store was sealed with (key check ${short(keyCheckValue(key))}, the store records ${short(recorded)}): set the key the store was created with`,
    );
  }
  const keys = new KeyStore(db, key, options);
  await keys.init();
  return keys;
}

function missing(master: MasterKey, what: string): ConfigError {
  return new ConfigError(
    master.name,
    `is missing, but this store holds personal data ${what}: restore the file from a backup or set NETRA_MASTER_KEY to that key (a new key would leave the data unreadable)`,
  );
}

async function sampleWrappedKey(db: ReadDb): Promise<{ case_id: string; wrapped_key: string } | null> {
  const exists = (await db.execute(sql`SELECT to_regclass('netra_keys.case_keys') IS NOT NULL AS present`)) as unknown as { rows: Array<{ present: boolean }> };
  if (!exists.rows[0]?.present) return null;
  const { rows } = (await db.execute(sql`SELECT case_id, wrapped_key FROM netra_keys.case_keys WHERE wrapped_key IS NOT NULL LIMIT 1`)) as unknown as {
    rows: Array<{ case_id: string; wrapped_key: string }>;
  };
  const any = (await db.execute(sql`SELECT count(*)::int AS n FROM netra_keys.case_keys`)) as unknown as { rows: Array<{ n: number }> };
  if (rows[0]) return rows[0];
  // Only destroyed keys: data exists, but nothing left to test the key against.
  return any.rows[0].n > 0 ? { case_id: '', wrapped_key: '' } : null;
}

function opens(key: Buffer, sample: { case_id: string; wrapped_key: string }): boolean {
  if (sample.wrapped_key === '') return true;
  try {
    unwrapKey(key, sample.wrapped_key, sample.case_id);
    return true;
  } catch {
    return false;
  }
}
