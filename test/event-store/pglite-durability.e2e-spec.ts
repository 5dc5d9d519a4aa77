import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', 'support', 'append-acknowledged.ts');
const APPENDS = 25;

interface Trace {
  acks: number;
  walWrites: number;
  walSyncs: number;
  /** Acknowledgements written while some WAL segment had writes not yet synced after them. */
  unsyncedAcks: string[];
  /** Acknowledgements with no WAL write since the one before (the check would be empty for them). */
  acksWithoutWrite: number;
}

/** Runs the appender under strace and reads the order of WAL writes, WAL syncs and acknowledgements. */
async function traceAppends(sync: 'on' | 'off'): Promise<Trace> {
  const root = await mkdtemp(join(tmpdir(), 'netra-durable-'));
  try {
    const out = join(root, 'trace.txt');
    const result = spawnSync(
      'strace',
      ['-f', '-y', '-qq', '-e', 'trace=write,pwrite64,pwritev,pwritev2,writev,fsync,fdatasync', '-o', out, process.execPath, '-r', 'ts-node/register/transpile-only', SCRIPT, join(root, 'db'), String(APPENDS)],
      { env: { ...process.env, NETRA_EMBEDDED_SYNC: sync }, encoding: 'utf8', timeout: 240_000 },
    );
    if (result.error) throw new Error(`strace could not run (${result.error.message}): apt-get install -y strace`);
    expect(result.status).toBe(0);
    const trace: Trace = { acks: 0, walWrites: 0, walSyncs: 0, unsyncedAcks: [], acksWithoutWrite: 0 };
    const dirty = new Set<string>();
    let writesSinceAck = 0;
    for (const line of (await readFile(out, 'utf8')).split('\n')) {
      const wal = /^\d+\s+(\w+)\(\d+<([^>]*\/pg_wal\/[0-9A-F]{24})>/.exec(line);
      if (wal && /^(p?writev?2?|pwrite64)$/.test(wal[1])) {
        dirty.add(wal[2]);
        trace.walWrites++;
        writesSinceAck++;
      } else if (wal && /^f(data)?sync$/.test(wal[1])) {
        dirty.delete(wal[2]);
        trace.walSyncs++;
      } else if (/ack-marker>, "ack \d+/.test(line)) {
        trace.acks++;
        if (dirty.size > 0) trace.unsyncedAcks.push(`ack ${trace.acks}: ${[...dirty].join(', ')}`);
        if (writesSinceAck === 0) trace.acksWithoutWrite++;
        writesSinceAck = 0;
      }
    }
    return trace;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('durable commits on the embedded store (strace)', () => {
  it('every acknowledged append comes after an fsync of each WAL segment it wrote', async () => {
    const trace = await traceAppends('on');
    expect(trace.acks).toBe(APPENDS);
    expect(trace.acksWithoutWrite).toBe(0);
    expect(trace.unsyncedAcks).toEqual([]);
    expect(trace.walSyncs).toBeGreaterThanOrEqual(APPENDS);
  }, 300_000);

  it('without Netra’s sync, PGlite started without -F still never syncs its WAL: its file layer cannot', async () => {
    const trace = await traceAppends('off');
    expect(trace.acks).toBe(APPENDS);
    expect(trace.walWrites).toBeGreaterThanOrEqual(APPENDS);
    expect(trace.walSyncs).toBe(0);
    expect(trace.unsyncedAcks).toHaveLength(APPENDS);
  }, 300_000);
});
