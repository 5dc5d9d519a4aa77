import { closeSync, fsyncSync, openSync, readdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { groupCommit } from './group-commit';

/**
 * PGlite cannot sync its files: its Emscripten file layer (NODEFS) has no `fsync` stream operation,
 * so PostgreSQL's fsync() of the WAL returns at once, and `fdatasync` is a stub that returns 0
 * (node_modules/@electric-sql/pglite/dist: `___syscall_fdatasync`, `_fd_sync`, `NODEFS.stream_ops`).
 * Starting it without `-F` therefore changes nothing on disk. This does PostgreSQL's part from
 * Node after commits, before the appends are acknowledged: every WAL segment written since the last
 * sync is fsync'ed, and pg_wal/ itself when segments were added or removed. After a checkpoint
 * (pg_control changed) the whole directory is synced, since PostgreSQL may drop the WAL that the
 * unsynced data pages still needed.
 *
 * The fsyncs run on libuv's threads, not on the main thread (each costs milliseconds of waiting on
 * the disk), and concurrent appends are group-committed (group-commit.ts): an append resolves only
 * after a sync that started after its commit, and the appends that commit while one runs share the
 * next. What was synced is remembered only once its fsyncs succeeded, so a failed sync is redone.
 */
export function walSyncer(dataDir: string): () => Promise<void> {
  const walDir = join(dataDir, 'pg_wal');
  const control = join(dataDir, 'global', 'pg_control');
  let seen = new Map<string, string>();
  let controlStamp = stampOf(control);
  return groupCommit(async () => {
    const now = new Map<string, string>();
    for (const name of readdirSync(walDir)) {
      if (/^[0-9A-F]{24}$/.test(name)) now.set(name, stampOf(join(walDir, name)));
    }
    const stamp = stampOf(control);
    const changed = [...now].filter(([name, fileStamp]) => seen.get(name) !== fileStamp).map(([name]) => join(walDir, name));
    await Promise.all(changed.map(syncFileAsync));
    if (now.size !== seen.size || [...now.keys()].some((name) => !seen.has(name))) await syncFileAsync(walDir);
    if (stamp !== controlStamp) await syncTreeAsync(dataDir);
    seen = now;
    controlStamp = stamp;
  });
}

function stampOf(file: string): string {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.mtimeNs}:${stat.size}`;
  } catch {
    return 'gone';
  }
}

async function syncFileAsync(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // removed meanwhile (a recycled segment)
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Every file and directory under `dir`, children before their directory (off the main thread). */
async function syncTreeAsync(dir: string): Promise<void> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await syncTreeAsync(path);
    else if (entry.isFile()) await syncFileAsync(path);
  }
  await syncFileAsync(dir);
}

function syncFile(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // removed meanwhile (a recycled segment)
    throw error;
  }
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every file and directory under `dir`, children before their directory. */
export function syncTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) syncTree(path);
    else if (entry.isFile()) syncFile(path);
  }
  syncFile(dir);
}
