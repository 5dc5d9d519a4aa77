import { REPORT_CASE, aLaporan } from '../../e2e/fixtures';
import type { RunningNetra } from '../../support/netra-app';
import { onBothStores } from '../../support/on-both-stores';
import { PgliteThread, type StatementTiming } from '../../../src/event-store/pglite/pglite-thread';

/**
 * An anonymous summary forms its protected cells with the checkpoint in one statement, and once they
 * are formed reads only the checkpoint, in one statement — no transaction: on the embedded store a transaction holds PGlite — every statement
 * outside it, /health's included — for each round trip to the server's thread (README, Benchmarks,
 * "`/health` under the anonymous load (session 9)"). And its answer is still the current position's:
 * one event later, the next question is answered at the new position.
 */

const summary = (groupBy: string) => `{ followUpSummary(groupBy: [${groupBy}]) { smallCellThreshold position overall { total suppressed } } }`;

onBothStores('anonymous summaries formed and reused without a read transaction', (start) => {
  let netra: RunningNetra;
  let cleanup: () => Promise<void>;
  let embedded = false;
  let respondents = 0;
  const ask = async (query: string) => {
    const response = await fetch(netra.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: { followUpSummary: { position: string; overall: { total: number | null } } } }).data.followUpSummary;
  };
  const reportThree = async () => {
    const bawaslu = await netra.client('BAWASLU', null);
    const people = [0, 1, 2].map(() => ++respondents).map((i) => ({ name: `Pegawai ${i}`, nip: `198203152008011${String(i).padStart(3, '0')}`, employment: 'PNS', institution: 'Kecamatan Lubuk Linggau Barat I', institutionRegionCode: '16.73' }));
    await bawaslu.request(REPORT_CASE, { input: aLaporan({ respondents: people }) });
  };
  const timed = async <T>(work: () => Promise<T>): Promise<[T, StatementTiming[]]> => {
    const seen: StatementTiming[] = [];
    PgliteThread.timing = (t) => void seen.push(t);
    try {
      return [await work(), seen];
    } finally {
      PgliteThread.timing = null;
    }
  };

  beforeAll(async () => {
    const started = await start();
    ({ netra, cleanup } = started);
    embedded = started.databaseUrl === undefined;
    await reportThree();
  }, 60_000);
  afterAll(() => cleanup?.());

  it('forms the cells and reads the checkpoint without a transaction, and answers at the current position', async () => {
    const [formed, forming] = await timed(() => ask(summary('PROVINCE')));
    const [other, statements] = await timed(() => ask(summary('REGION')));
    expect(other.position).toBe(formed.position);
    if (embedded) {
      // The embedded thread's messages (PgliteThread.timing); PostgreSQL's pool is not timed.
      expect(forming.filter((t) => t.op === 'begin' || t.op === 'end')).toEqual([]);
      expect(forming.some((t) => /rm_checkpoints/.test(t.sql) && /rm_follow_ups/.test(t.sql))).toBe(true);
      expect(statements.filter((t) => t.op === 'begin' || t.op === 'end')).toEqual([]);
      expect(statements.some((t) => /rm_checkpoints/.test(t.sql))).toBe(true);
    }

    await reportThree();
    // Once the projection has applied it (asynchronously), a question is answered at the new position, not the cells' old one.
    let later = await ask(summary('ELECTION'));
    for (let tries = 0; later.position === formed.position && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      later = await ask(summary('ELECTION'));
    }
    expect(BigInt(later.position)).toBeGreaterThan(BigInt(formed.position));
    expect(later.overall.total).toBeGreaterThan(formed.overall.total ?? 0);
  });
}, { ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100' });
