import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Names what is damaged in an embedded (PGlite) data directory, so that a store that cannot start
 * says which file and what to do, instead of PGlite's "failed to initialize properly" or an abort.
 * `beforeOpen` runs only the checks that never flag a healthy directory; the WAL checks run after
 * PGlite has failed (a zeroed segment at the end of the WAL can be a healthy one just made).
 */
export function findDamage(dir: string, afterFailure: boolean): string | null {
  if (!existsSync(dir)) return null;
  const entries = readdirSync(dir);
  if (!entries.includes('PG_VERSION')) {
    const postgresFiles = entries.filter((name) => ['base', 'global', 'pg_wal', 'pg_xact', 'postgresql.conf', 'pg_control'].includes(name));
    // Without PG_VERSION PGlite would run initdb over what is left: an empty database in place of the data.
    return postgresFiles.length > 0 ? `PG_VERSION is missing, though the directory holds a database (${postgresFiles.join(', ')})` : null;
  }
  for (const required of ['global', 'base', 'pg_wal', 'pg_xact']) {
    if (!isDirectory(join(dir, required))) return `${required}/ is missing`;
  }
  const control = controlFileDamage(join(dir, 'global', 'pg_control'));
  if (control) return control;
  if (!existsSync(join(dir, 'global', 'pg_filenode.map'))) return 'global/pg_filenode.map is missing';
  for (const database of readdirSync(join(dir, 'base'))) {
    if (!existsSync(join(dir, 'base', database, 'pg_filenode.map'))) return `base/${database}/pg_filenode.map is missing`;
  }
  if (readdirSync(join(dir, 'pg_xact')).length === 0) return 'pg_xact/ is empty (the commit log is gone)';
  const segments = walSegments(dir);
  if (segments.length === 0) return 'pg_wal/ holds no WAL segment';
  if (afterFailure) return walDamage(dir, segments);
  return null;
}

export function walSegments(dir: string): string[] {
  return readdirSync(join(dir, 'pg_wal'))
    .filter((name) => /^[0-9A-F]{24}$/.test(name))
    .sort();
}

function controlFileDamage(file: string): string | null {
  if (!existsSync(file)) return 'global/pg_control is missing';
  const bytes = readFileSync(file);
  if (bytes.length !== 8192) return `global/pg_control is truncated (${bytes.length} of 8192 bytes)`;
  if (bytes.every((byte) => byte === 0)) return 'global/pg_control is zeroed';
  // The control data ends with its CRC-32C; its length depends on the PostgreSQL version, so look for it.
  for (let end = 16; end < 1024; end += 4) {
    if (crc32c(bytes.subarray(0, end)) === bytes.readUInt32LE(end)) return null;
  }
  return 'global/pg_control fails its checksum';
}

function walDamage(dir: string, segments: string[]): string | null {
  for (let i = 1; i < segments.length; i++) {
    const expected = nextSegment(segments[i - 1]);
    if (segments[i] !== expected && segments[i - 1].slice(0, 8) === segments[i].slice(0, 8)) return `pg_wal/${expected} is missing`;
  }
  for (const name of segments) {
    const file = join(dir, 'pg_wal', name);
    const head = readFileSync(file).subarray(0, 8192);
    if (head.every((byte) => byte === 0)) return `pg_wal/${name} is zeroed`;
    if (statSync(file).size % 8192 !== 0) return `pg_wal/${name} is truncated`;
  }
  return null;
}

/** Segment names are timeline, log and segment number in hex (8 digits each), with 16 MB segments. */
function nextSegment(name: string): string {
  const log = parseInt(name.slice(8, 16), 16);
  const seg = parseInt(name.slice(16, 24), 16);
  const [nextLog, nextSeg] = seg === 0xff ? [log + 1, 0] : [log, seg + 1];
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');
  return `${name.slice(0, 8)}${hex(nextLog)}${hex(nextSeg)}`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32c(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
