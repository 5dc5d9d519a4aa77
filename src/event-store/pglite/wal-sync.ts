import { closeSync, fsyncSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite cannot sync its files: its Emscripten file layer (NODEFS) has no `fsync` stream operation,
 * so PostgreSQL's fsync() of the WAL returns at once, and `fdatasync` is a stub that returns 0
 * (node_modules/@electric-sql/pglite/dist: `___syscall_fdatasync`, `_fd_sync`, `NODEFS.stream_ops`).
 * Starting it without `-F` therefore changes nothing on disk. This does PostgreSQL's part from
 * Node after each commit, before the append is acknowledged: every WAL segment written since the last
 * sync is fsync'ed, and pg_wal/ itself when segments were added or removed. After a checkpoint
 * (pg_control changed) the whole directory is synced, since PostgreSQL may drop the WAL that the
 * unsynced data pages still needed.
 */
export function walSyncer(dataDir: string): () => void {
  const walDir = join(dataDir, 'pg_wal');
  const control = join(dataDir, 'global', 'pg_control');
  let seen = new Map<string, string>();
  let controlStamp = stampOf(control);
  return () => {
    const now = new Map<string, string>();
    for (const name of readdirSync(walDir)) {
      if (/^[0-9A-F]{24}$/.test(name)) now.set(name, stampOf(join(walDir, name)));
    }
    for (const [name, stamp] of now) {
      if (seen.get(name) !== stamp) syncFile(join(walDir, name));
    }
    if (now.size !== seen.size || [...now.keys()].some((name) => !seen.has(name))) syncFile(walDir);
    seen = now;
    const stamp = stampOf(control);
    if (stamp !== controlStamp) {
      syncTree(dataDir);
      controlStamp = stamp;
    }
  };
}

function stampOf(file: string): string {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.mtimeNs}:${stat.size}`;
  } catch {
    return 'gone';
  }
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
