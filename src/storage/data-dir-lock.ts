import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config';

const LOCK_FILE = 'netra.pid';
const TAKEOVER_FILE = 'netra.pid.takeover';
/** A takeover marker older than this was left by a process that died inside the takeover itself. */
const TAKEOVER_STALE_MS = 10_000;

/**
 * The embedded database is one process's: two processes writing the same PGlite directory would
 * corrupt it. The lock file holds the owner's pid, its start time (from /proc, so a pid reused after
 * a restart — Netra is pid 1 in every container — is not mistaken for the owner) and a nonce.
 *
 * Atomic: the owner's line is written to a private file first and then hard-linked to the lock's
 * name, which fails when the name exists — so the lock file is never seen half-written. A stale
 * lock (its owner is gone) is removed only under a takeover marker made with an exclusive create,
 * and only when it still holds the very line that was found stale: two starters that both saw the
 * same stale lock cannot remove each other's fresh one. test/storage/data-dir-lock.e2e-spec.ts
 * starts ten processes at once on one directory.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const line = `${process.pid} ${startTimeOf(process.pid) ?? '-'} ${randomBytes(8).toString('hex')}\n`;
  const draft = join(dir, `.netra.pid.${process.pid}.${randomBytes(4).toString('hex')}`);
  writeFileSync(draft, line, { flag: 'wx', mode: 0o644 });
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        linkSync(draft, file);
        return () => releaseIfOurs(file, line);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const found = readIfExists(file);
      if (found === null) continue;
      const owner = parseOwner(found);
      if (owner && isAlive(owner)) {
        throw new ConfigError('EVENT_STORE_URL', `${dir} is in use by another Netra process (pid ${owner.pid}); stop it first`);
      }
      takeOver(dir, file, found, line);
      sleep(5 + Math.random() * 20);
    }
    throw new ConfigError('EVENT_STORE_URL', `could not lock ${dir}: ${file} keeps changing; is another Netra process starting there?`);
  } finally {
    unlinkSync(draft);
  }
}

interface Owner {
  pid: number;
  startTime: string | null;
}

/** Removes the stale lock `stale` under the takeover marker, if it is still that same lock. */
function takeOver(dir: string, file: string, stale: string, line: string): void {
  const marker = join(dir, TAKEOVER_FILE);
  try {
    writeFileSync(marker, line, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone else is taking over; only a marker abandoned by a process killed inside it is removed.
    if (Date.now() - mtimeOf(marker) > TAKEOVER_STALE_MS) releaseIfOurs(marker, readIfExists(marker) ?? '');
    return;
  }
  try {
    if (readIfExists(file) === stale) unlinkSync(file);
  } finally {
    releaseIfOurs(marker, line);
  }
}

function releaseIfOurs(file: string, line: string): void {
  if (readIfExists(file) === line) unlinkSync(file);
}

function parseOwner(text: string): Owner | null {
  const [pid, startTime] = text.trim().split(' ');
  if (!/^\d+$/.test(pid ?? '')) return null;
  return { pid: Number(pid), startTime: startTime && startTime !== '-' ? startTime : null };
}

/** Alive: the pid exists and, where both are known, started when the lock says it did. */
function isAlive(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTimeOf(owner.pid);
  return owner.startTime === null || now === null || now === owner.startTime;
}

/** Field 22 of /proc/PID/stat (clock ticks after boot); null where there is no /proc. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
