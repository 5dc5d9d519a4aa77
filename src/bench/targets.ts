import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** A store under test: the environment Netra is started with, and how to throw it away. */
export interface BenchTarget {
  name: 'embedded' | 'postgres';
  env: Record<string, string>;
  /** The read model's database, for a rebuild of the PostgreSQL read model. */
  url: string | null;
  /** The PostgreSQL database's name when it outlives the run (`--keep`, `--database`). */
  kept?: string | null;
  dispose(): Promise<void>;
}

export const BENCH_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

/** An embedded store in a fresh data directory (on disk, as deployed); NETRA_EMBEDDED_THREAD=main compares PGlite on the server's thread. */
export function embeddedTarget(): BenchTarget {
  const dir = mkdtempSync(join(tmpdir(), 'netra-bench-'));
  const thread = process.env.NETRA_EMBEDDED_THREAD;
  return {
    name: 'embedded',
    env: { EVENT_STORE_URL: `file:${dir}`, ...(thread ? { NETRA_EMBEDDED_THREAD: thread } : {}) },
    url: null,
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A database of its own on the PostgreSQL server, dropped afterwards — unless `keep` (`--keep`: its
 * name is printed, to be measured again with `--database=<name>`), or `existing` names a database
 * an earlier run kept (used as it is, never dropped).
 */
export async function postgresTarget(serverUrl: string, options: { keep?: boolean; existing?: string } = {}): Promise<BenchTarget> {
  const name = options.existing ?? `netra_bench_${randomBytes(5).toString('hex')}`;
  if (options.existing === undefined) await asAdmin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const kept = options.keep || options.existing !== undefined;
  return {
    name: 'postgres',
    env: { EVENT_STORE_URL: url.toString() },
    url: url.toString(),
    kept: kept ? name : null,
    dispose: () => (kept ? Promise.resolve() : asAdmin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function asAdmin(serverUrl: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
