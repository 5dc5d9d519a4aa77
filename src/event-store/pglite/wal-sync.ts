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
export function walSyncer(dataDir: string, syncOne: (path: string) => Promise<void> = syncFileAsync): () => Promise<void> {
  const walDir = join(dataDir, 'pg_wal');
  const control = join(dataDir, 'global', 'pg_control');
  let seen = new Map<string, Stamp>();
  let controlStamp = stampOf(control);
  // When the last stamps were read: a file whose mtime is not well before it may have been written
  // again since without its stamp changing (below).
  let lastLook = 0;
  return groupCommit(async () => {
    const look = Date.now();
    const now = new Map<string, Stamp>();
    for (const name of readdirSync(walDir)) {
      if (/^[0-9A-F]{24}$/.test(name)) now.set(name, stampOf(join(walDir, name)));
    }
    const stamp = stampOf(control);
    const changed = [...now].filter(([name, fileStamp]) => mayHaveChanged(seen.get(name), fileStamp, lastLook, SEGMENT_MARGIN_MS)).map(([name]) => join(walDir, name));
    await Promise.all(changed.map(syncOne));
    if (now.size !== seen.size || [...now.keys()].some((name) => !seen.has(name))) await syncOne(walDir);
    if (mayHaveChanged(controlStamp, stamp, lastLook, CONTROL_MARGIN_MS)) await syncTreeAsync(dataDir, syncOne);
    seen = now;
    controlStamp = stamp;
    lastLook = look;
  });
}

interface Stamp {
  key: string;
  mtimeMs: number;
}

/**
 * Whether a file may hold writes its last sync did not cover. A changed stamp says so; an unchanged
 * one does not prove the opposite: kernels before Linux 6.13 (Debian 12's 6.1, most servers) stamp a
 * file's mtime from a clock that ticks once a jiffy (1–10 ms), so a commit written in the same tick as
 * the previous look leaves mtime and size (WAL segments are preallocated) as they were, and skipping
 * its fsync would acknowledge an append a power cut loses. So a segment modified less than a second
 * before the previous look is synced again (almost always just the segment being written, which the
 * commit needs synced anyway; a second also covers filesystems with whole-second stamps). pg_control
 * after a checkpoint costs a sync of the whole directory, so it gets a margin of a jiffy at HZ=100
 * and twice over, not a second.
 */
const SEGMENT_MARGIN_MS = 1_000;
const CONTROL_MARGIN_MS = 20;
function mayHaveChanged(before: Stamp | undefined, after: Stamp, lastLook: number, marginMs: number): boolean {
  if (before === undefined || before.key !== after.key) return true;
  return after.mtimeMs >= lastLook - marginMs;
}

function stampOf(file: string): Stamp {
  try {
    const stat = statSync(file, { bigint: true });
    return { key: `${stat.mtimeNs}:${stat.size}`, mtimeMs: Number(stat.mtimeNs / 1_000_000n) };
  } catch {
    return { key: 'gone', mtimeMs: 0 };
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
async function syncTreeAsync(dir: string, syncOne: (path: string) => Promise<void>): Promise<void> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await syncTreeAsync(path, syncOne);
    else if (entry.isFile()) await syncOne(path);
  }
  await syncOne(dir);
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
