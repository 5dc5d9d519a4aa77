import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DamagedStoreError } from '../../src/event-store/damaged-store-error';
import { openEmbedded } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { TEST_SECRET } from '../support/netra-app';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
const REMEDY = 'Restore the directory from a backup (npm run backup; README "Faults and recovery"); do not delete or recreate files to make it start';

describe('an embedded data directory with damaged files', () => {
  let root: string;
  let template: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'netra-damaged-'));
    template = join(root, 'template');
    const { pglite, sync } = await openEmbedded(template, { sync: true });
    const store = new PgliteEventStore(pglite, { afterCommit: sync });
    await store.init();
    for (let n = 1; n <= 20; n++) {
      await store.append(`s-${n}`, [{ id: randomUUID(), type: 'Appended', data: { n }, metadata: { commandId: `c-${n}`, agency: 'BAWASLU', userId: 'u', recordedAt: new Date().toISOString() } }], 'no_stream');
    }
    await pglite.close();
  }, 120_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** A copy of the healthy directory with one damage done to it. */
  async function damaged(damage: (dir: string) => Promise<void>): Promise<string> {
    const dir = join(root, randomUUID());
    await cp(template, dir, { recursive: true });
    await damage(dir);
    return dir;
  }

  async function refusal(dir: string): Promise<string> {
    try {
      const { pglite } = await openEmbedded(dir, { sync: true });
      await pglite.close();
    } catch (error) {
      expect(error).toBeInstanceOf(DamagedStoreError);
      return (error as Error).message;
    }
    throw new Error('the damaged directory opened');
  }

  const walSegment = async (dir: string) => (await readdir(join(dir, 'pg_wal'))).filter((name) => /^[0-9A-F]{24}$/.test(name)).sort().pop()!;

  it('the healthy copy opens, with its events', async () => {
    const dir = await damaged(async () => undefined);
    const { pglite } = await openEmbedded(dir, { sync: true });
    try {
      expect(await new PgliteEventStore(pglite).headPosition()).toBe(20n);
    } finally {
      await pglite.close();
    }
  }, 60_000);

  it.each([
    ['a zeroed pg_control', 'global/pg_control is zeroed', (dir: string) => writeFile(join(dir, 'global', 'pg_control'), Buffer.alloc(8192))],
    [
      'a pg_control with one byte changed',
      'global/pg_control fails its checksum',
      async (dir: string) => {
        const bytes = await readFile(join(dir, 'global', 'pg_control'));
        bytes[40] ^= 0xff;
        await writeFile(join(dir, 'global', 'pg_control'), bytes);
      },
    ],
    ['a deleted pg_control', 'global/pg_control is missing', (dir: string) => unlink(join(dir, 'global', 'pg_control'))],
    ['a truncated pg_control', 'global/pg_control is truncated (100 of 8192 bytes)', async (dir: string) => writeFile(join(dir, 'global', 'pg_control'), (await readFile(join(dir, 'global', 'pg_control'))).subarray(0, 100))],
    ['a deleted pg_xact', 'pg_xact/ is missing', (dir: string) => rm(join(dir, 'pg_xact'), { recursive: true })],
    [
      'a deleted pg_filenode.map',
      /^base\/\d+\/pg_filenode\.map is missing$/,
      async (dir: string) => {
        const database = (await readdir(join(dir, 'base'))).sort().pop()!;
        await unlink(join(dir, 'base', database, 'pg_filenode.map'));
      },
    ],
    ['a deleted PG_VERSION (PGlite would initialise an empty database over the data)', 'PG_VERSION is missing, though the directory holds a database (base, global, pg_wal, pg_xact, postgresql.conf)', (dir: string) => unlink(join(dir, 'PG_VERSION'))],
    [
      'a zeroed WAL segment',
      /^pg_wal\/[0-9A-F]{24} is zeroed$/,
      async (dir: string) => {
        const segment = join(dir, 'pg_wal', await walSegment(dir));
        await writeFile(segment, Buffer.alloc(Number((await stat(segment)).size)));
      },
    ],
    ['a deleted WAL segment', 'pg_wal/ holds no WAL segment', async (dir: string) => unlink(join(dir, 'pg_wal', await walSegment(dir)))],
  ])('%s is refused naming the file and the remedy', async (_name, what, damage) => {
    const dir = await damaged(damage);
    const message = await refusal(dir);
    const prefix = `the embedded database in ${dir} is damaged: `;
    expect(message.startsWith(prefix)).toBe(true);
    expect(message.endsWith(`. ${REMEDY}`)).toBe(true);
    const found = message.slice(prefix.length, message.length - REMEDY.length - 2);
    if (typeof what === 'string') expect(found).toBe(what);
    else expect(found).toMatch(what);
  }, 90_000);

  it('a start of the server on a damaged directory ends with that one line, and leaves the files as they were', async () => {
    const dir = await damaged((d) => writeFile(join(d, 'global', 'pg_control'), Buffer.alloc(8192)));
    const before = (await readdir(dir)).sort();
    const result = spawnSync(process.execPath, [MAIN], {
      env: { ...process.env, EVENT_STORE_URL: `file:${dir}`, NETRA_DEMO: '0', PORT: '0', GRPC_PORT: '0', AUTH_DEV_SECRET: TEST_SECRET },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n').pop()).toBe(`netra: cannot start: the embedded database in ${dir} is damaged: global/pg_control is zeroed. ${REMEDY}`);
    expect((await readdir(dir)).sort()).toEqual(before);
  }, 90_000);
});
