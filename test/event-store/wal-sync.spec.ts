import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walSyncer } from '../../src/event-store/pglite/wal-sync';

/**
 * The embedded store's WAL sync decides which segments to fsync by their stamp (mtime and size). A
 * kernel whose file clock ticks once a jiffy (Linux before 6.13) can leave both unchanged by a commit
 * written in the same tick as the last look: such a segment must be synced again, or an acknowledged
 * append is lost to a power cut. The coarse clock is simulated by putting the mtime back.
 */
describe('the embedded WAL sync', () => {
  let dir: string;
  let segment: string;
  let synced: string[];
  const sync = () => walSyncer(dir, async (path) => void synced.push(path));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'netra-wal-sync-'));
    mkdirSync(join(dir, 'pg_wal'));
    mkdirSync(join(dir, 'global'));
    writeFileSync(join(dir, 'global', 'pg_control'), 'control');
    const longAgo = Date.now() / 1000 - 7200; // no checkpoint lately
    utimesSync(join(dir, 'global', 'pg_control'), longAgo, longAgo);
    segment = join(dir, 'pg_wal', '000000010000000000000001');
    writeFileSync(segment, Buffer.alloc(1024));
    synced = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('syncs a segment written again within the same clock tick, whose stamp did not change', async () => {
    const tick = Date.now() / 1000;
    utimesSync(segment, tick, tick);
    const syncer = sync();
    await syncer();
    expect(synced).toContain(segment);
    synced = [];
    writeFileSync(segment, Buffer.alloc(1024, 1)); // a commit: same size (segments are preallocated)
    utimesSync(segment, tick, tick); // … in the same tick: the same mtime
    await syncer();
    expect(synced).toContain(segment);
  });

  it('still skips a segment nobody wrote since long before the last sync', async () => {
    const old = Date.now() / 1000 - 3600;
    const other = join(dir, 'pg_wal', '000000010000000000000002');
    writeFileSync(other, Buffer.alloc(1024));
    utimesSync(segment, old, old);
    const syncer = sync();
    await syncer();
    expect(synced).toEqual(expect.arrayContaining([segment, other]));
    synced = [];
    writeFileSync(other, Buffer.alloc(1024, 2));
    await syncer();
    expect(synced).toContain(other);
    expect(synced).not.toContain(segment);
  });
});
